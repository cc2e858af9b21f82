import { useState } from 'react';
import { dayKey } from '../../../domain/queue/day.ts';
import { addDays } from '../../../domain/reports/request.ts';
import { useRuntime } from '../../shell/device-context.ts';
import { AccuracySection } from './AccuracySection.tsx';
import { BreakdownSection } from './BreakdownSection.tsx';
import { DataSection } from './DataSection.tsx';
import { FeedbackSection, StepsSection } from './FeedbackSection.tsx';
import { HourSection, TrendSection } from './QueueSections.tsx';
import { RangePicker, type DayRange } from './RangePicker.tsx';
import '../history.css';

/**
 * The store's history from the hub's reports API: charts where a picture says more, the numbers
 * in tables under them, CSV of every table, and the portable log out and in. Loaded as its own
 * chunk (with uPlot) when the manager opens it.
 */
export function HistoryView() {
  const { config } = useRuntime();
  const today = dayKey(Date.now(), config.store.timeZone);
  const [range, setRange] = useState<DayRange>({ from: addDays(today, -6), to: today });
  const [version, setVersion] = useState(0);
  return (
    <div className="manager-history" data-testid="manager-history">
      <RangePicker
        range={range}
        today={today}
        onChange={setRange}
        daysBack={(d, n) => addDays(d, -n)}
      />
      {/* an import changes the history: the reports load again */}
      <div className="manager-history__reports" key={version}>
        <HourSection range={range} />
        <TrendSection range={range} />
        <BreakdownSection range={range} />
        <AccuracySection range={range} />
        <FeedbackSection range={range} />
        <StepsSection range={range} />
      </div>
      <DataSection range={range} onImported={() => setVersion((v) => v + 1)} />
    </div>
  );
}
