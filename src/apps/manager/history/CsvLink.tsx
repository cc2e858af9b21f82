import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { reportUrl } from './reports-client.ts';

/** Downloads the report under a table as CSV, straight from the hub. */
export function CsvLink(props: { query: string; from: string; to: string; testId: string }) {
  const { t } = useT();
  return (
    <a
      className="button manager-csv"
      href={reportUrl(props.query, props.from, props.to, true)}
      download
      data-testid={props.testId}
    >
      {t('managerReports.csv')}
    </a>
  );
}
