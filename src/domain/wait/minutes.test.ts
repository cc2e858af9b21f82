import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutesOfWait, waitInMinutes } from './minutes.ts';

describe('minutesOfWait: the one rounding rule for waits', () => {
  it('rounds up, so the minutes shown are never fewer than the estimate', () => {
    expect(minutesOfWait(0)).toBe(0);
    expect(minutesOfWait(1)).toBe(1);
    expect(minutesOfWait(60)).toBe(1);
    expect(minutesOfWait(540)).toBe(9);
    // 9 min 1 s to the nearest minute was 9: a minute less than the customer will wait
    expect(minutesOfWait(541)).toBe(10);
    expect(minutesOfWait(580)).toBe(10);
    expect(minutesOfWait(600)).toBe(10);
    expect(minutesOfWait(601)).toBe(11);
    expect(minutesOfWait(-5)).toBe(0);
  });

  it('is the fewest whole minutes that cover the wait (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 3600 }), (sec) => {
        const m = minutesOfWait(sec);
        expect(m * 60).toBeGreaterThanOrEqual(sec);
        expect((m - 1) * 60).toBeLessThan(sec === 0 ? 1 : sec);
      }),
    );
  });
});

describe('waitInMinutes', () => {
  it('gives no number at all when no counter serves the service', () => {
    expect(waitInMinutes({ noCounter: true, opensAt: undefined })).toEqual({
      kind: 'noCounter',
      opensAt: undefined,
    });
    // the seam for opening hours: the time a counter opens goes through as it is
    expect(waitInMinutes({ noCounter: true, opensAt: 123 })).toEqual({
      kind: 'noCounter',
      opensAt: 123,
    });
  });

  it('says under a minute when even the high end is below a minute', () => {
    expect(waitInMinutes({ estimateSec: 20, lowSec: 5, highSec: 59 })).toEqual({
      kind: 'underMinute',
    });
  });

  it('rounds the estimate up and widens the range outwards', () => {
    expect(waitInMinutes({ estimateSec: 330, lowSec: 200, highSec: 470 })).toEqual({
      kind: 'about',
      estimate: 6,
      low: 3,
      high: 8,
    });
    expect(waitInMinutes({ estimateSec: 541, lowSec: 300, highSec: 900 })).toMatchObject({
      estimate: 10,
    });
  });

  it('keeps the estimate inside the range and at least one minute', () => {
    expect(waitInMinutes({ estimateSec: 20, lowSec: 0, highSec: 61 })).toEqual({
      kind: 'about',
      estimate: 1,
      low: 0,
      high: 2,
    });
  });

  it('never shows less than the estimate, and its range holds the estimate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 * 3600 }),
        fc.integer({ min: 0, max: 4 * 3600 }),
        fc.integer({ min: 0, max: 4 * 3600 }),
        (a, b, c) => {
          const [lowSec, estimateSec, highSec] = [a, b, c].sort((x, y) => x - y) as [
            number,
            number,
            number,
          ];
          const m = waitInMinutes({ estimateSec, lowSec, highSec });
          if (m.kind !== 'about') {
            expect(m.kind).toBe('underMinute');
            expect(highSec).toBeLessThan(60);
            return;
          }
          expect(m.estimate * 60).toBeGreaterThanOrEqual(estimateSec);
          expect(m.low).toBeLessThanOrEqual(m.estimate);
          expect(m.high).toBeGreaterThanOrEqual(m.estimate);
          expect(m.low * 60).toBeLessThanOrEqual(lowSec);
          expect(m.high * 60).toBeGreaterThanOrEqual(highSec);
        },
      ),
    );
  });
});
