import { useState } from 'react';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { percentFormatter } from '../format.ts';
import { Chart } from './Chart.tsx';
import { feedbackColumns, stepColumns } from './columns.ts';
import { ChoiceButtons } from './ChoiceButtons.tsx';
import { CsvLink } from './CsvLink.tsx';
import type { DayRange } from './RangePicker.tsx';
import { DAY_STEPS, dayNumber, dayOfNumber, reportLabels } from './report-labels.ts';
import { ReportState } from './ReportState.tsx';
import { ReportTable } from './ReportTable.tsx';
import { useReport } from './useReport.ts';

/** What customers said when thanked: satisfaction shares, NPS with its counts, by day and clerk. */
export function FeedbackSection({ range }: { range: DayRange }) {
  const i18n = useT();
  const { t, language } = i18n;
  const pct = percentFormatter(language);
  const labels = reportLabels(language);
  const byDay = useReport('feedback?by=day', range.from, range.to);
  const byClerk = useReport('feedback?by=clerk', range.from, range.to);
  const days = byDay && byDay.state !== 'failed' ? byDay.answer.report : undefined;
  const clerks = byClerk && byClerk.state !== 'failed' ? byClerk.answer.report : undefined;
  const total = days?.total;
  return (
    <section className="manager-panel manager-history__section" aria-labelledby="mh-feedback">
      <h2 id="mh-feedback" className="manager-panel__title">
        {t('managerReports.feedback.title')}
      </h2>
      <ReportState loaded={byDay} />
      {total && (
        <dl className="manager-totals" data-testid="manager-feedback-totals">
          <div className="manager-total manager-total--good" data-testid="manager-feedback-good">
            <dt>{t('managerReports.col.good')}</dt>
            <dd>{pct(total.goodShare)}</dd>
          </div>
          <div className="manager-total" data-testid="manager-feedback-neutral">
            <dt>{t('managerReports.col.neutral')}</dt>
            <dd>{pct(total.neutralShare)}</dd>
          </div>
          <div className="manager-total manager-total--bad" data-testid="manager-feedback-bad">
            <dt>{t('managerReports.col.bad')}</dt>
            <dd>{pct(total.badShare)}</dd>
          </div>
          <div className="manager-total" data-testid="manager-feedback-nps">
            <dt>{t('managerReports.col.nps')}</dt>
            <dd>{total.nps ?? '–'}</dd>
          </div>
        </dl>
      )}
      {total && (
        <p className="manager-totals__note">
          {t('managerReports.feedback.counts', {
            responses: total.responses,
            answers: total.npsAnswers,
            promoters: total.promoters,
            passives: total.passives,
            detractors: total.detractors,
          })}
        </p>
      )}
      {days && days.rows.length > 1 && (
        <Chart
          testId="manager-chart-feedback"
          label={t('managerReports.feedback.chart')}
          x={days.rows.map((r) => dayNumber(r.key))}
          xLabel={(n) => labels.dayTick(dayOfNumber(n))}
          xSteps={DAY_STEPS}
          yLabel={t('managerReports.col.good')}
          y2Label={t('managerReports.col.nps')}
          series={[
            {
              label: t('managerReports.col.good'),
              values: days.rows.map((r) => r.goodShare),
              color: '#1d6f68',
              kind: 'line',
            },
            {
              label: t('managerReports.col.nps'),
              values: days.rows.map((r) => r.nps),
              color: '#6a3fb5',
              kind: 'line',
              scale: 'y2',
            },
          ]}
        />
      )}
      {clerks && (
        <>
          <ReportTable
            testId="manager-table-feedback-clerk"
            caption={t('managerReports.feedback.table')}
            columns={feedbackColumns(i18n, t('managerReports.col.clerk'))}
            rows={clerks.rows}
            rowKey={(r) => r.key}
            footer={{ label: t('managerReports.total'), row: clerks.total }}
          />
          <CsvLink
            query="feedback?by=clerk"
            from={range.from}
            to={range.to}
            testId="manager-csv-feedback"
          />
        </>
      )}
    </section>
  );
}

const STEP_GROUPS = ['all', 'clerk', 'day'] as const;
type StepGroup = (typeof STEP_GROUPS)[number];

/** Time spent in each step of a visit, greeting to thanks: for the store, per clerk or per day. */
export function StepsSection({ range }: { range: DayRange }) {
  const i18n = useT();
  const { t } = i18n;
  const [by, setBy] = useState<StepGroup>('all');
  const query = `steps?by=${by}` as const;
  const loaded = useReport(query, range.from, range.to);
  const report = loaded && loaded.state !== 'failed' ? loaded.answer.report : undefined;
  const label = {
    all: t('managerReports.steps.all'),
    clerk: t('managerReports.col.clerk'),
    day: t('managerReports.col.day'),
  };
  return (
    <section className="manager-panel manager-history__section" aria-labelledby="mh-steps">
      <h2 id="mh-steps" className="manager-panel__title">
        {t('managerReports.steps.title')}
        {report && (
          <span className="manager-panel__count">
            {t('managerReports.steps.visits', { count: report.visits })}
          </span>
        )}
      </h2>
      <ChoiceButtons
        label={t('managerReports.breakdown.by')}
        choices={STEP_GROUPS}
        chosen={by}
        labels={label}
        testIdPrefix="manager-steps"
        onChoose={setBy}
      />
      <ReportState loaded={loaded} />
      {report && (
        <>
          <ReportTable
            testId="manager-table-steps"
            caption={t('managerReports.steps.title')}
            columns={stepColumns(
              i18n,
              by === 'all' ? undefined : label[by],
              by === 'day' ? reportLabels(i18n.language).day : undefined,
            )}
            rows={report.rows}
            rowKey={(r) => `${r.key}|${r.step}`}
          />
          <CsvLink query={query} from={range.from} to={range.to} testId="manager-csv-steps" />
        </>
      )}
    </section>
  );
}
