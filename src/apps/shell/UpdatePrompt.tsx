import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { applyUpdate, useUpdateAvailable } from './pwa-update.ts';

/** A small button that appears when a new version is ready; the user decides when. */
export function UpdatePrompt() {
  const { t } = useT();
  const available = useUpdateAvailable();
  if (!available) return null;
  return (
    <button
      type="button"
      className="button button--primary update-prompt"
      data-testid="update-reload"
      onClick={applyUpdate}
    >
      {t('shell.update')}
    </button>
  );
}
