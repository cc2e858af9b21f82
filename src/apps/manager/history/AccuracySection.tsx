import { COVERAGE_ALERT_PERCENT, type AccuracyReport } from '../../../domain/reports/accuracy.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { percentFormatter } from '../format.ts';
import { Chart } from './Chart.tsx';
import { accuracyColumns } from './columns.ts';
import { CsvLink } from './CsvLink.tsx';
import type { DayRange } from './RangePicker.tsx';
import { HOUR_STEPS, reportLabels } from './report-labels.ts';
import { ReportState } from './ReportState.tsx';
import { ReportTable } from './ReportTable.tsx';
import { useReport } from './useReport.ts';

const COLORS = { promised: '#0b57d0', actual: '#b3261e', inside: '#1d6f68' };
const toMin = (v: number | null) => (v === null ? null : Math.round(v / 6) / 10);

/** Days whose promised ranges held for too few waits: said first, in words. */
function LowCoverage({ report }: { report: AccuracyReport }) {
  const i18n = useT();
  const { t } = i18n;
  if (report.lowCoverageDays.length === 0) return null;
  const pct = percentFormatter(i18n.language);
  const labels = reportLabels(i18n.language);
  const days = report.lowCoverageDays
    .map((d) =>
      t('managerReports.accuracy.lowDay', {
        day: labels.day(d.day),
        inside: pct(d.insideRange),
        judged: d.judged,
      }),
    )
    .join(', ');
  return (
    <p className="manager-problem" role="alert" data-testid="manager-accuracy-alert">
      {t('managerReports.accuracy.lowDays', { percent: pct(COVERAGE_ALERT_PERCENT), days })}
    </p>
  );
}

/** The accuracy audit: the waits the kiosks promised against the waits that happened. */
export function AccuracySection({ range }: { range: DayRange }) {
  const i18n = useT();
  const { t } = i18n;
  const labels = reportLabels(i18n.language);
  const loaded = useReport('accuracy?by=hour', range.from, range.to);
  const report = loaded && loaded.state !== 'failed' ? loaded.answer.report : undefined;
  const rows = report?.rows ?? [];
  return (
    <section className="manager-panel manager-history__section" aria-labelledby="mh-accuracy">
      <h2 id="mh-accuracy" className="manager-panel__title">
        {t('managerReports.accuracy.title')}
      </h2>
      <p>{t('managerReports.accuracy.intro')}</p>
      <ReportState loaded={loaded} />
      {report && (
        <>
          <LowCoverage report={report} />
          <Chart
            testId="manager-chart-accuracy"
            label={t('managerReports.accuracy.chart')}
            x={rows.map((r) => Number(r.key))}
            xLabel={labels.hour}
            xSteps={HOUR_STEPS}
            yLabel={t('managerReports.minutesAxis')}
            y2Label={t('managerReports.col.insideRange')}
            series={[
              {
                label: t('managerReports.col.insideRange'),
                values: rows.map((r) => r.insideRange),
                color: COLORS.inside,
                kind: 'bars',
                scale: 'y2',
              },
              {
                label: t('managerReports.col.promised'),
                values: rows.map((r) => toMin(r.meanPromisedSec)),
                color: COLORS.promised,
                kind: 'line',
              },
              {
                label: t('managerReports.col.actualWait'),
                values: rows.map((r) => toMin(r.meanWaitSec)),
                color: COLORS.actual,
                kind: 'line',
              },
            ]}
          />
          <ReportTable
            testId="manager-table-accuracy"
            caption={t('managerReports.accuracy.table')}
            columns={accuracyColumns(i18n, t('managerReports.col.hour'), (r) =>
              labels.hour(Number(r.key)),
            )}
            rows={rows}
            rowKey={(r) => r.key}
            footer={{ label: t('managerReports.total'), row: report.total }}
          />
          <CsvLink
            query="accuracy?by=hour"
            from={range.from}
            to={range.to}
            testId="manager-csv-accuracy"
          />
        </>
      )}
    </section>
  );
}
