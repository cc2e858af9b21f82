import type { QueueReport } from '../../../domain/reports/query.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { durationFormatter, percentFormatter } from '../format.ts';
import { Chart } from './Chart.tsx';
import { queueColumns } from './columns.ts';
import { CsvLink } from './CsvLink.tsx';
import type { DayRange } from './RangePicker.tsx';
import { DAY_STEPS, HOUR_STEPS, dayNumber, dayOfNumber, reportLabels } from './report-labels.ts';
import { ReportState } from './ReportState.tsx';
import { ReportTable } from './ReportTable.tsx';
import { useReport } from './useReport.ts';

const COLORS = {
  arrivals: '#1d6f68',
  counters: '#b35c00',
  mean: '#0b57d0',
  p90: '#b3261e',
  sl: '#1d6f68',
};
const toMin = (v: number | null) => (v === null ? null : Math.round(v / 6) / 10);

/** The range at a glance: arrivals, waits, service level, no-shows, abandonment. */
function Totals({ report }: { report: QueueReport }) {
  const { t, language } = useT();
  const dur = durationFormatter(language);
  const pct = percentFormatter(language);
  const r = report.total;
  const tiles: [string, string, string][] = [
    ['arrivals', t('managerReports.col.arrivals'), String(r.arrivals)],
    [
      'meanWait',
      t('managerReports.col.meanWait'),
      r.meanWaitSec === null ? '–' : dur(r.meanWaitSec),
    ],
    ['p90Wait', t('managerReports.col.p90Wait'), r.p90WaitSec === null ? '–' : dur(r.p90WaitSec)],
    ['serviceLevel', t('managerReports.col.serviceLevel'), pct(r.serviceLevel)],
    ['noShows', t('managerReports.col.noShows'), String(r.noShows)],
    ['abandonment', t('managerReports.col.abandonment'), pct(r.abandonment)],
  ];
  return (
    <dl className="manager-totals" data-testid="manager-totals">
      {tiles.map(([key, label, value]) => (
        <div key={key} className="manager-total" data-testid={`manager-total-${key}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Over the day: arrivals against open counters, and how long people waited, hour by hour. */
export function HourSection({ range }: { range: DayRange }) {
  const i18n = useT();
  const { t } = i18n;
  const labels = reportLabels(i18n.language);
  const loaded = useReport('queue?by=hour', range.from, range.to);
  const report = loaded && loaded.state !== 'failed' ? loaded.answer.report : undefined;
  const rows = report?.rows ?? [];
  const x = rows.map((r) => Number(r.key));
  const hourAxis = { x, xLabel: labels.hour, xSteps: HOUR_STEPS };
  return (
    <section className="manager-panel manager-history__section" aria-labelledby="mh-hours">
      <h2 id="mh-hours" className="manager-panel__title">
        {t('managerReports.hours.title')}
      </h2>
      <ReportState loaded={loaded} />
      {report && (
        <>
          <Totals report={report} />
          <Chart
            testId="manager-chart-arrivals"
            label={t('managerReports.hours.arrivalsChart')}
            {...hourAxis}
            yLabel={t('managerReports.col.arrivals')}
            y2Label={t('managerReports.col.openCounters')}
            series={[
              {
                label: t('managerReports.col.arrivals'),
                values: rows.map((r) => r.arrivals),
                color: COLORS.arrivals,
                kind: 'bars',
              },
              {
                label: t('managerReports.col.openCounters'),
                values: rows.map((r) => r.openCounters ?? 0),
                color: COLORS.counters,
                kind: 'line',
                scale: 'y2',
              },
            ]}
          />
          <Chart
            testId="manager-chart-wait"
            label={t('managerReports.hours.waitChart')}
            {...hourAxis}
            yLabel={t('managerReports.minutesAxis')}
            series={[
              {
                label: t('managerReports.col.meanWait'),
                values: rows.map((r) => toMin(r.meanWaitSec)),
                color: COLORS.mean,
                kind: 'line',
              },
              {
                label: t('managerReports.col.p90Wait'),
                values: rows.map((r) => toMin(r.p90WaitSec)),
                color: COLORS.p90,
                kind: 'line',
              },
            ]}
          />
          <ReportTable
            testId="manager-table-hour"
            caption={t('managerReports.hours.table')}
            columns={queueColumns(
              i18n,
              t('managerReports.col.hour'),
              (r) => labels.hour(Number(r.key)),
              { hourly: true },
            )}
            rows={rows}
            rowKey={(r) => r.key}
            footer={{ label: t('managerReports.total'), row: report.total }}
          />
          <CsvLink
            query="queue?by=hour"
            from={range.from}
            to={range.to}
            testId="manager-csv-hour"
          />
        </>
      )}
    </section>
  );
}

/** Day by day: the service level trend and the mean wait. */
export function TrendSection({ range }: { range: DayRange }) {
  const i18n = useT();
  const { t } = i18n;
  const labels = reportLabels(i18n.language);
  const loaded = useReport('queue?by=day', range.from, range.to);
  const report = loaded && loaded.state !== 'failed' ? loaded.answer.report : undefined;
  const rows = report?.rows ?? [];
  return (
    <section className="manager-panel manager-history__section" aria-labelledby="mh-days">
      <h2 id="mh-days" className="manager-panel__title">
        {t('managerReports.days.title')}
      </h2>
      <ReportState loaded={loaded} />
      {report && (
        <>
          <Chart
            testId="manager-chart-service-level"
            label={t('managerReports.days.chart')}
            x={rows.map((r) => dayNumber(r.key))}
            xLabel={(n) => labels.dayTick(dayOfNumber(n))}
            xSteps={DAY_STEPS}
            yLabel={t('managerReports.col.serviceLevel')}
            y2Label={t('managerReports.minutesAxis')}
            series={[
              {
                label: t('managerReports.col.serviceLevel'),
                values: rows.map((r) => r.serviceLevel),
                color: COLORS.sl,
                kind: 'line',
              },
              {
                label: t('managerReports.col.meanWait'),
                values: rows.map((r) => toMin(r.meanWaitSec)),
                color: COLORS.mean,
                kind: 'line',
                scale: 'y2',
              },
            ]}
          />
          <ReportTable
            testId="manager-table-day"
            caption={t('managerReports.days.table')}
            columns={queueColumns(i18n, t('managerReports.col.day'), (r) => labels.day(r.key))}
            rows={[...rows].reverse()}
            rowKey={(r) => r.key}
            footer={{ label: t('managerReports.total'), row: report.total }}
          />
          <CsvLink query="queue?by=day" from={range.from} to={range.to} testId="manager-csv-day" />
        </>
      )}
    </section>
  );
}
