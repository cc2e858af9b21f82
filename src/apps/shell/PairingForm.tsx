import { useState, type FormEvent } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';

/**
 * Shown when the hub wants a pairing code before this device may join: the code goes into
 * the URL (as the manager's QR code would put it) and the device starts again with it.
 */
export function PairingForm(props: { problem: string; onRetry: () => void }) {
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
    <main className="shell-message" data-testid="pairing" role="alert">
      <h1 className="shell-message__title">{t('devices.pair.title')}</h1>
      <p className="shell-message__lead">{t('devices.pair.body')}</p>
      <form onSubmit={submit}>
        <label>
          {t('devices.pair.code')}{' '}
          <input
            data-testid="pairing-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={16}
            required
          />
        </label>{' '}
        <button type="submit" className="button button--primary" data-testid="pairing-submit">
          {t('devices.pair.submit')}
        </button>
      </form>
      <p className="shell-message__detail" data-testid="pairing-problem">
        {t('devices.pair.problem', { message: props.problem })}
      </p>
    </main>
  );
}
