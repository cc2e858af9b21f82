import { useState } from 'react';
import type { QueueRow } from '../../../domain/reports/query.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import { queueColumns } from './columns.ts';
import { ChoiceButtons } from './ChoiceButtons.tsx';
import { CsvLink } from './CsvLink.tsx';
import type { DayRange } from './RangePicker.tsx';
import { ReportState } from './ReportState.tsx';
import { ReportTable } from './ReportTable.tsx';
import { useReport } from './useReport.ts';
import { staffName } from '../../../domain/security/staff.ts';
import { channelName } from './report-labels.ts';

const GROUPS = ['service', 'counter', 'clerk', 'channel'] as const;
type Group = (typeof GROUPS)[number];
const QUERY = {
  service: 'queue?by=service',
  counter: 'queue?by=counter',
  clerk: 'queue?by=clerk',
  channel: 'queue?by=channel',
} as const;

/**
 * The same figures per service, per counter, per clerk (calls made by the staff member) or per
 * channel (kiosk, phone, appointment: arrivals, waits, no-shows and check-in times).
 */
export function BreakdownSection({ range }: { range: DayRange }) {
  const i18n = useT();
  const { t, text } = i18n;
  const { config } = useRuntime();
  const [by, setBy] = useState<Group>('service');
  const loaded = useReport(QUERY[by], range.from, range.to);
  const report = loaded && loaded.state !== 'failed' ? loaded.answer.report : undefined;
  const label = {
    service: t('managerReports.col.service'),
    counter: t('managerReports.col.counter'),
    clerk: t('managerReports.col.clerk'),
    channel: t('managerReports.col.channel'),
  };
  const name = (r: QueueRow): string => {
    if (by === 'clerk') return staffName(config, r.key);
    if (by === 'channel') return channelName(t, r.key);
    const list = by === 'service' ? config.services : config.counters;
    const found = list.find((x) => x.id === r.key);
    return found ? text(found.name) : r.key;
  };
  return (
    <section className="manager-panel manager-history__section" aria-labelledby="mh-breakdown">
      <h2 id="mh-breakdown" className="manager-panel__title">
        {t('managerReports.breakdown.title')}
      </h2>
      <ChoiceButtons
        label={t('managerReports.breakdown.by')}
        choices={GROUPS}
        chosen={by}
        labels={label}
        testIdPrefix="manager-breakdown"
        onChoose={setBy}
      />
      <ReportState loaded={loaded} />
      {report && (
        <>
          <ReportTable
            testId={`manager-table-${by}`}
            caption={t('managerReports.breakdown.table', { by: label[by] })}
            columns={queueColumns(i18n, label[by], name, { checkIns: by === 'channel' })}
            rows={report.rows}
            rowKey={(r) => r.key}
          />
          <CsvLink query={QUERY[by]} from={range.from} to={range.to} testId={`manager-csv-${by}`} />
        </>
      )}
    </section>
  );
}
