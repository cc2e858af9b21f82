import { lazy, Suspense } from 'react';
import { loadFullEnglish } from '../../ui/i18n/catalogs.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { RemovedScreen } from './RemovedScreen.tsx';
import { errorMessage, isFirstManager, startupProblem } from './startup-error.ts';

/** A device pairs once: the form and its (staff) messages load when the hub asks for it. */
const PairingForm = lazy(async () => {
  const [{ PairingForm }] = await Promise.all([import('./PairingForm.tsx'), loadFullEnglish()]);
  return { default: PairingForm };
});

/** Shown when the device cannot start, e.g. on first start without the store network. */
export function StartupError(props: { error: unknown; retryInSec?: number; onRetry: () => void }) {
  const { t } = useT();
  const problem = startupProblem(props.error);
  if (problem === 'pairing') {
    return (
      <Suspense fallback={null}>
        <PairingForm
          problem={errorMessage(props.error)}
          firstManager={isFirstManager(props.error)}
          onRetry={props.onRetry}
        />
      </Suspense>
    );
  }
  if (problem === 'removed') return <RemovedScreen onRetry={props.onRetry} />;
  return (
    <main className="shell-message" data-testid="startup-error" role="alert">
      <h1 className="shell-message__title">
        {problem === 'noConfig' ? t('shell.noConfig.title') : t('shell.error.title')}
      </h1>
      {problem === 'noConfig' && <p className="shell-message__lead">{t('shell.noConfig.body')}</p>}
      <button type="button" className="button button--primary" onClick={props.onRetry}>
        {t('shell.error.retry')}
      </button>
      {props.retryInSec !== undefined && (
        <p className="shell-message__note">
          {t('shell.error.autoRetry', { count: props.retryInSec })}
        </p>
      )}
      {problem === 'other' && (
        <p className="shell-message__detail">
          {t('shell.error.detail', { message: errorMessage(props.error) })}
        </p>
      )}
    </main>
  );
}
