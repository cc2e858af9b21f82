import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { PairingCodeForm } from './PairingCodeForm.tsx';

/**
 * Shown when the hub wants a pairing code before this device may join. The store's first
 * manager has nobody to ask for one: it is told where the hub's first-manager link is instead.
 */
export function PairingForm(props: {
  problem: string;
  firstManager: boolean;
  onRetry: () => void;
}) {
  const { t } = useT();
  const first = props.firstManager;
  return (
    <main className="shell-message" data-testid="pairing" data-first-manager={first} role="alert">
      <h1 className="shell-message__title">
        {first ? t('devices.pair.firstTitle') : t('devices.pair.title')}
      </h1>
      <p className="shell-message__lead" data-testid="pairing-body">
        {first ? t('devices.pair.firstBody') : t('devices.pair.body')}
      </p>
      {first && <p className="shell-message__lead">{t('devices.pair.firstExpired')}</p>}
      <PairingCodeForm
        label={first ? t('devices.pair.firstCode') : t('devices.pair.code')}
        submit={t('devices.pair.submit')}
        testIdPrefix="pairing"
        onRetry={props.onRetry}
      />
      <p className="shell-message__detail" data-testid="pairing-problem">
        {t('devices.pair.problem', { message: props.problem })}
      </p>
    </main>
  );
}
