import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { PairingCodeForm } from './PairingCodeForm.tsx';

/**
 * A manager revoked this device: it says so plainly, and takes a new pairing code to start
 * again as the same device.
 */
export function RemovedScreen(props: { onRetry: () => void }) {
  const { t } = useT();
  return (
    <main className="shell-message" data-testid="device-removed" role="alert">
      <h1 className="shell-message__title">{t('shell.removed.title')}</h1>
      <p className="shell-message__lead">{t('shell.removed.body')}</p>
      <PairingCodeForm
        label={t('shell.removed.code')}
        submit={t('shell.removed.submit')}
        testIdPrefix="removed"
        onRetry={props.onRetry}
      />
    </main>
  );
}
