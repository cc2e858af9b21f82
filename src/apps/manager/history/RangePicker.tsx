import { useT } from '../../../ui/i18n/I18nProvider.tsx';

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const PRESETS = [1, 7, 30, 365] as const;

/** The days a report covers: a preset (today, a week, a month, a year) or two dates. */
export function RangePicker(props: {
  range: DayRange;
  today: string;
  onChange: (range: DayRange) => void;
  daysBack: (today: string, n: number) => string;
}) {
  const { t } = useT();
  const { range, today } = props;
  return (
    <div className="manager-range" role="group" aria-label={t('managerReports.range.label')}>
      {PRESETS.map((n) => {
        const from = props.daysBack(today, n - 1);
        return (
          <button
            key={n}
            type="button"
            className="button manager-range__preset"
            aria-pressed={range.from === from && range.to === today}
            data-testid={`manager-range-${n}`}
            onClick={() => props.onChange({ from, to: today })}
          >
            {t('managerReports.range.days', { count: n })}
          </button>
        );
      })}
      <label className="manager-range__date">
        {t('managerReports.range.from')}
        <input
          type="date"
          value={range.from}
          max={range.to}
          data-testid="manager-range-from"
          onChange={(e) => e.target.value && props.onChange({ ...range, from: e.target.value })}
        />
      </label>
      <label className="manager-range__date">
        {t('managerReports.range.to')}
        <input
          type="date"
          value={range.to}
          min={range.from}
          data-testid="manager-range-to"
          onChange={(e) => e.target.value && props.onChange({ ...range, to: e.target.value })}
        />
      </label>
    </div>
  );
}
