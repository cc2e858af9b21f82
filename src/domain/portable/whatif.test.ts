import { describe, expect, it } from 'vitest';
import { parseSchedule } from './schedule.ts';
import type { PortableEvent } from './types.ts';
import { formatWhatIfReport, whatIf } from './whatif.ts';

const T = Date.UTC(2025, 0, 6, 9);
const at = (min: number): number => T + min * 60_000;

/** One counter, three customers at 09:00, 09:01, 09:02, ten minutes each: waits 0, 9, 18 min. */
const day: PortableEvent[] = [
  { at: at(0), type: 'counter.opened', counter: 'c1', services: ['A'] },
  { at: at(0), type: 'ticket.issued', ticket: 't1', service: 'A' },
  { at: at(0), type: 'ticket.called', ticket: 't1', counter: 'c1' },
  { at: at(1), type: 'ticket.issued', ticket: 't2', service: 'A' },
  { at: at(2), type: 'ticket.issued', ticket: 't3', service: 'A' },
  { at: at(10), type: 'ticket.completed', ticket: 't1', counter: 'c1' },
  { at: at(10), type: 'ticket.called', ticket: 't2', counter: 'c1' },
  { at: at(20), type: 'ticket.completed', ticket: 't2', counter: 'c1' },
  { at: at(20), type: 'ticket.called', ticket: 't3', counter: 'c1' },
  { at: at(30), type: 'ticket.completed', ticket: 't3', counter: 'c1' },
  { at: at(60), type: 'counter.closed', counter: 'c1' },
];

describe('what if', () => {
  it('one more counter: hand-computed waits', () => {
    const r = whatIf(day, parseSchedule('+1 A 09:00-10:00'), { targetSec: { A: 600 } });
    const whole = r.rows.find((row) => row.hour === -1)!;
    expect(whole.logged).toMatchObject({
      customers: 3,
      called: 3,
      avgWaitSec: 540,
      p90WaitSec: 1080,
    });
    expect(whole.current).toEqual(whole.logged);
    // t1 at c1 at 09:00, t2 at the new counter at 09:01, t3 when c1 frees at 09:10
    expect(whole.whatIf).toMatchObject({
      called: 3,
      avgWaitSec: 160,
      p90WaitSec: 480,
      withinTarget: 1,
    });
    expect(whole.current.withinTarget).toBeCloseTo(2 / 3, 12);
    expect(r.rows.map((row) => row.hour)).toEqual([9, -1]);
  });

  it('closing the only counter for a while', () => {
    const r = whatIf(day, parseSchedule('-c1 09:05-09:30'));
    const whole = r.rows.find((row) => row.hour === -1)!;
    // t1 finishes at 09:10 (a visit in progress is finished); t2 at 09:30, t3 at 09:40
    expect(whole.whatIf).toMatchObject({ avgWaitSec: (0 + 29 * 60 + 38 * 60) / 3 });
  });

  it('formats a readable report', () => {
    const lines = formatWhatIfReport(whatIf(day, parseSchedule('+1 A 09:00-10:00')));
    expect(lines[0]).toBe('What if: +1 counter serving A 09:00-10:00');
    expect(lines[1]).toBe('Days: 2025-01-06');
    expect(lines.find((l) => l.startsWith('A        day'))).toMatch(
      /9\.0 -> 2\.7 +18\.0 -> 8\.0 +67% -> 100% \(10\.0\) +0 -> 0$/,
    );
  });
});
