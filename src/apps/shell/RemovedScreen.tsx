import { useState, type FormEvent } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';

/**
 * A manager revoked this device: it says so plainly, and takes a new pairing code (into the
 * URL, as the manager's QR code would put it) to start again as the same device.
 */
export function RemovedScreen(props: { onRetry: () => void }) {
  const { t } = useT();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('pair', code.trim().toUpperCase());
    history.replaceState(history.state, '', url);
    props.onRetry();
  };
  return (
    <main className="shell-message" data-testid="device-removed" role="alert">
      <h1 className="shell-message__title">{t('shell.removed.title')}</h1>
      <p className="shell-message__lead">{t('shell.removed.body')}</p>
      <form onSubmit={submit}>
        <label>
          {t('shell.removed.code')}{' '}
          <input
            data-testid="removed-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={16}
            required
          />
        </label>{' '}
        <button type="submit" className="button button--primary" data-testid="removed-submit">
          {t('shell.removed.submit')}
        </button>
      </form>
    </main>
  );
}
