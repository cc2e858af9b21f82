import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { PairingCodeForm } from './PairingCodeForm.tsx';

/** Shown when the hub wants a pairing code before this device may join. */
export function PairingForm(props: { problem: string; onRetry: () => void }) {
  const { t } = useT();
  return (
    <main className="shell-message" data-testid="pairing" role="alert">
      <h1 className="shell-message__title">{t('devices.pair.title')}</h1>
      <p className="shell-message__lead">{t('devices.pair.body')}</p>
      <PairingCodeForm
        label={t('devices.pair.code')}
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
