import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import type { Loaded } from './reports-client.ts';

/** Loading, failed, or shown from the offline copy (with its age): said once per section. */
export function ReportState<R>({ loaded }: { loaded: Loaded<R> | undefined }) {
  const { t, time } = useT();
  if (!loaded) return <p className="manager-panel__empty">{t('managerReports.loading')}</p>;
  if (loaded.state === 'failed') {
    return (
      <p className="manager-problem" role="alert">
        {t('managerReports.failed', { reason: loaded.error })}
      </p>
    );
  }
  if (loaded.state === 'cached') {
    return (
      <p className="manager-problem" data-testid="manager-report-cached">
        {t('managerReports.cached', {
          time: time(loaded.savedAt),
          count: Math.max(0, Math.round((Date.now() - loaded.savedAt) / 60_000)),
        })}
      </p>
    );
  }
  return null;
}
