import type { AccuracyRow } from '../../../domain/reports/accuracy.ts';
import type { FeedbackRow, QueueRow, StepRow } from '../../../domain/reports/query.ts';
import type { I18n } from '../../../ui/i18n/i18n.ts';
import { STEP_LABEL } from '../../clerk/visit/labels.ts';
import { durationFormatter, percentFormatter } from '../format.ts';
import type { Column } from './ReportTable.tsx';

/** Table columns of each report kind, labelled and formatted in the screen's language. */
export function queueColumns(
  i18n: I18n,
  first: string,
  key: (row: QueueRow) => string,
  show: { hourly?: boolean; checkIns?: boolean } = {},
): Column<QueueRow>[] {
  const { hourly = false, checkIns = false } = show;
  const { t } = i18n;
  const dur = durationFormatter(i18n.language);
  const pct = percentFormatter(i18n.language);
  const sec = (v: number | null) => (v === null ? '–' : dur(v));
  return [
    { key: 'key', label: first, value: key },
    {
      key: 'arrivals',
      label: t('managerReports.col.arrivals'),
      value: (r) => r.arrivals,
      numeric: true,
    },
    ...(hourly
      ? [
          {
            key: 'openCounters',
            label: t('managerReports.col.openCounters'),
            // a mean per hour: the total row has none
            value: (r: QueueRow) =>
              r.openCounters === undefined ? '–' : i18n.number(r.openCounters),
            numeric: true,
          },
        ]
      : []),
    { key: 'served', label: t('managerReports.col.served'), value: (r) => r.served, numeric: true },
    {
      key: 'meanWaitSec',
      label: t('managerReports.col.meanWait'),
      value: (r) => sec(r.meanWaitSec),
      numeric: true,
    },
    {
      key: 'p90WaitSec',
      label: t('managerReports.col.p90Wait'),
      value: (r) => sec(r.p90WaitSec),
      numeric: true,
    },
    {
      key: 'meanServiceSec',
      label: t('managerReports.col.meanService'),
      value: (r) => sec(r.meanServiceSec),
      numeric: true,
    },
    {
      key: 'serviceLevel',
      label: t('managerReports.col.serviceLevel'),
      value: (r) => pct(r.serviceLevel),
      numeric: true,
    },
    {
      key: 'noShows',
      label: t('managerReports.col.noShows'),
      value: (r) => r.noShows,
      numeric: true,
    },
    { key: 'left', label: t('managerReports.col.left'), value: (r) => r.left, numeric: true },
    {
      key: 'closed',
      label: t('managerReports.col.closed'),
      value: (r) => r.closed,
      numeric: true,
    },
    {
      key: 'noCheckIn',
      label: t('managerReports.col.noCheckIn'),
      value: (r) => r.noCheckIn,
      numeric: true,
    },
    {
      key: 'abandonment',
      label: t('managerReports.col.abandonment'),
      value: (r) => pct(r.abandonment),
      numeric: true,
    },
    ...(checkIns
      ? [
          {
            key: 'checkedIn',
            label: t('managerReports.col.checkedIn'),
            value: (r: QueueRow) => r.checkedIn,
            numeric: true,
          },
          {
            key: 'medianCheckInSec',
            label: t('managerReports.col.checkInTime'),
            value: (r: QueueRow) => sec(r.medianCheckInSec),
            numeric: true,
          },
        ]
      : []),
  ];
}

export function feedbackColumns(i18n: I18n, first: string): Column<FeedbackRow>[] {
  const { t } = i18n;
  const pct = percentFormatter(i18n.language);
  return [
    { key: 'key', label: first, value: (r) => r.key },
    {
      key: 'responses',
      label: t('managerReports.col.responses'),
      value: (r) => r.responses,
      numeric: true,
    },
    {
      key: 'goodShare',
      label: t('managerReports.col.good'),
      value: (r) => `${pct(r.goodShare)} (${r.good})`,
      numeric: true,
    },
    {
      key: 'neutralShare',
      label: t('managerReports.col.neutral'),
      value: (r) => `${pct(r.neutralShare)} (${r.neutral})`,
      numeric: true,
    },
    {
      key: 'badShare',
      label: t('managerReports.col.bad'),
      value: (r) => `${pct(r.badShare)} (${r.bad})`,
      numeric: true,
    },
    {
      key: 'nps',
      label: t('managerReports.col.nps'),
      value: (r) => (r.nps === null ? '–' : r.nps),
      numeric: true,
    },
    {
      key: 'npsCounts',
      label: t('managerReports.col.npsCounts'),
      value: (r) => `${r.promoters} / ${r.passives} / ${r.detractors}`,
      numeric: true,
    },
  ];
}

/** `keyText`: how a group's key reads (a store day in the store's language). */
export function stepColumns(
  i18n: I18n,
  group?: string,
  keyText: (key: string) => string = (key) => key,
): Column<StepRow>[] {
  const { t } = i18n;
  const dur = durationFormatter(i18n.language);
  const sec = (v: number | null) => (v === null ? '–' : dur(v));
  return [
    ...(group ? [{ key: 'key', label: group, value: (r: StepRow) => keyText(r.key) }] : []),
    { key: 'step', label: t('managerReports.col.step'), value: (r) => t(STEP_LABEL[r.step]) },
    { key: 'visits', label: t('managerReports.col.visits'), value: (r) => r.visits, numeric: true },
    {
      key: 'meanSec',
      label: t('managerReports.col.meanTime'),
      value: (r) => sec(r.meanSec),
      numeric: true,
    },
    {
      key: 'p90Sec',
      label: t('managerReports.col.p90Time'),
      value: (r) => sec(r.p90Sec),
      numeric: true,
    },
  ];
}

/** The accuracy audit's table: what was promised, what happened, and how often it held. */
export function accuracyColumns(
  i18n: I18n,
  first: string,
  key: (row: AccuracyRow) => string,
): Column<AccuracyRow>[] {
  const { t } = i18n;
  const dur = durationFormatter(i18n.language);
  const pct = percentFormatter(i18n.language);
  const sec = (v: number | null) => (v === null ? '–' : dur(v));
  // "+2 min": waited longer than told; "−1 min": shorter
  const signed = (v: number | null) =>
    v === null ? '–' : v === 0 ? dur(0) : `${v > 0 ? '+' : '−'}${dur(Math.abs(v))}`;
  return [
    { key: 'key', label: first, value: key },
    { key: 'judged', label: t('managerReports.col.judged'), value: (r) => r.judged, numeric: true },
    {
      key: 'meanPromisedSec',
      label: t('managerReports.col.promised'),
      value: (r) => sec(r.meanPromisedSec),
      numeric: true,
    },
    {
      key: 'meanWaitSec',
      label: t('managerReports.col.actualWait'),
      value: (r) => sec(r.meanWaitSec),
      numeric: true,
    },
    {
      key: 'meanErrorSec',
      label: t('managerReports.col.meanError'),
      value: (r) => signed(r.meanErrorSec),
      numeric: true,
    },
    {
      key: 'insideRange',
      label: t('managerReports.col.insideRange'),
      value: (r) => pct(r.insideRange),
      numeric: true,
    },
    {
      key: 'longerThanRange',
      label: t('managerReports.col.longerThanRange'),
      value: (r) => pct(r.longerThanRange),
      numeric: true,
    },
  ];
}
