import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { HubDownload } from './HubDownload.tsx';
import { reportUrl } from './reports-client.ts';

/** Downloads the report under a table as CSV, straight from the hub. */
export function CsvLink(props: { query: string; from: string; to: string; testId: string }) {
  const { t } = useT();
  return (
    <HubDownload
      className="button manager-csv"
      url={reportUrl(props.query, props.from, props.to, true)}
      label={t('managerReports.csv')}
      testId={props.testId}
    />
  );
}
