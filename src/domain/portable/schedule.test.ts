import { describe, expect, it } from 'vitest';
import { applySchedule, describeChange, parseSchedule, ScheduleError } from './schedule.ts';
import { LocalClock } from './time.ts';

describe('schedule changes', () => {
  it('reads the text form', () => {
    expect(
      parseSchedule(`# lunch
+1 returns 12:00-14:00
+2 pickup,returns 17:00-19:00   # evening
-c3 12:00-13:00
c2 = advice,accounts 10:00-12:30
`),
    ).toEqual([
      { kind: 'add', count: 1, services: ['returns'], from: 720, to: 840 },
      { kind: 'add', count: 2, services: ['pickup', 'returns'], from: 1020, to: 1140 },
      { kind: 'close', counter: 'c3', from: 720, to: 780 },
      { kind: 'set', counter: 'c2', services: ['advice', 'accounts'], from: 600, to: 750 },
    ]);
  });

  it('reads the JSON form', () => {
    expect(
      parseSchedule(
        '[{"add":1,"services":["X"],"from":"12:00","to":"14:00"},{"close":"c3","from":"9:00","to":"9:30"},{"counter":"c1","services":["A"],"from":"10:00","to":"11:00"}]',
      ),
    ).toEqual([
      { kind: 'add', count: 1, services: ['X'], from: 720, to: 840 },
      { kind: 'close', counter: 'c3', from: 540, to: 570 },
      { kind: 'set', counter: 'c1', services: ['A'], from: 600, to: 660 },
    ]);
  });

  it('names the line that cannot be read', () => {
    const err = (text: string): string => {
      try {
        parseSchedule(text);
      } catch (e) {
        if (e instanceof ScheduleError) return e.message;
      }
      return 'no error';
    };
    expect(err('+1 X 12:00-14:00\n+1 X 14:00-12:00')).toBe(
      'schedule line 2: the window 14:00-12:00 ends before it starts',
    );
    expect(err('\n\nadd a counter')).toMatch(/^schedule line 3: cannot read "add a counter"/);
    expect(err('+1 X 25:00-26:00')).toMatch(/^schedule line 1: expected a time window/);
    expect(err('[{"add":0,"services":["X"],"from":"12:00","to":"14:00"}]')).toBe(
      'schedule line 1: "add" must be a whole number of counters (1-50)',
    );
  });

  it('applies changes to each day', () => {
    const clock = new LocalClock('UTC');
    const day = '2025-01-06';
    const t = (min: number): number => clock.toInstant(day, min);
    const base = [{ counter: 'c1', services: ['A'], from: t(540), to: t(1140), drain: true }];
    const changes = parseSchedule('+1 B 12:00-14:00\n-c1 13:00-13:30');
    expect(applySchedule(base, changes, [day], clock)).toEqual([
      { counter: 'c1', services: ['A'], from: t(540), to: t(780) },
      { counter: 'whatif-1', services: ['B'], from: t(720), to: t(840) },
      { counter: 'c1', services: ['A'], from: t(810), to: t(1140), drain: true },
    ]);
    expect(changes.map(describeChange)).toEqual([
      '+1 counter serving B 12:00-14:00',
      'counter c1 closed 13:00-13:30',
    ]);
  });

  it('reads local times in the store time zone', () => {
    const paris = new LocalClock('Europe/Paris');
    // 12:00 in Paris in January is 11:00 UTC; in July 10:00 UTC
    expect(paris.toInstant('2025-01-06', 720)).toBe(Date.UTC(2025, 0, 6, 11));
    expect(paris.toInstant('2025-07-07', 720)).toBe(Date.UTC(2025, 6, 7, 10));
    expect(paris.hourOf(Date.UTC(2025, 0, 6, 23, 30))).toBe(0);
    expect(paris.dayKey(Date.UTC(2025, 0, 6, 23, 30))).toBe('2025-01-07');
  });
});
