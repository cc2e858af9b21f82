import { describe, expect, it } from 'vitest';
import {
  DAY_STEPS,
  HOUR_STEPS,
  dayNumber,
  dayOfNumber,
  reportLabels,
  wholeTicks,
} from './report-labels.ts';

describe('report labels', () => {
  it('names an hour of the store clock in the store language, not "19.2:00"', () => {
    expect(reportLabels('pl').hour(19)).toBe('19:00');
    expect(reportLabels('pl').hour(7)).toBe('7:00');
    expect(reportLabels('en').hour(19)).toBe('7:00 PM');
    expect(reportLabels('hu').hour(9)).toBe('9:00');
  });

  it('names a store day in the store language, not in US style', () => {
    expect(reportLabels('pl').day('2025-03-10')).toBe('pon., 10 mar 2025');
    expect(reportLabels('pl').dayTick('2025-03-10')).toBe('10 mar');
    expect(reportLabels('en').dayTick('2025-03-10')).toBe('Mar 10');
    expect(reportLabels('en').day('2025-03-10')).toBe('Mon, Mar 10, 2025');
  });

  it('does not move a store day or hour by the browser time zone', () => {
    // the labels read the store's calendar values: whatever the process's zone, the same text
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(reportLabels('de').dayTick('2025-03-30')).toBe('30. März');
      expect(reportLabels('de').hour(0)).toBe('0:00');
    } finally {
      process.env.TZ = before;
    }
  });

  it('days map to whole numbers and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    for (const d of ['2024-02-29', '2025-03-30', '2025-10-26', '2025-12-31']) {
      expect(dayOfNumber(dayNumber(d))).toBe(d);
      expect(Number.isInteger(dayNumber(d))).toBe(true);
    }
  });
});

describe('wholeTicks', () => {
  it('gives whole hours only, at the smallest step that fits', () => {
    // uPlot's own ticks over 8.5..20.5 in 300 px were 9, 11.4, 13.8, ...
    expect(wholeTicks(8.5, 20.5, 20, HOUR_STEPS)).toEqual([
      9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]);
    expect(wholeTicks(8.5, 20.5, 5, HOUR_STEPS)).toEqual([9, 12, 15, 18]);
    expect(wholeTicks(-0.5, 23.5, 4, HOUR_STEPS)).toEqual([0, 6, 12, 18]);
    expect(wholeTicks(18.5, 19.5, 10, HOUR_STEPS)).toEqual([19]);
    for (const t of wholeTicks(3.2, 22.7, 7, HOUR_STEPS)) expect(Number.isInteger(t)).toBe(true);
  });

  it('gives whole days, a week apart for a month', () => {
    const from = dayNumber('2025-03-01');
    const ticks = wholeTicks(from - 0.5, from + 30.5, 6, DAY_STEPS);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.every((t) => Number.isInteger(t))).toBe(true);
    expect(ticks[1]! - ticks[0]!).toBe(7);
    expect(wholeTicks(from - 0.5, from + 0.5, 6, DAY_STEPS)).toEqual([from]);
  });

  it('never more ticks than there is room for', () => {
    expect(wholeTicks(0, 20_000, 16, DAY_STEPS).length).toBeLessThanOrEqual(16);
    expect(wholeTicks(0, 100, 0, HOUR_STEPS).length).toBe(1);
  });

  it('gives nothing for an empty range', () => {
    expect(wholeTicks(5.2, 5.8, 10, HOUR_STEPS)).toEqual([]);
    expect(wholeTicks(NaN, NaN, 10, HOUR_STEPS)).toEqual([]);
  });
});
