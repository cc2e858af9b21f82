import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRateLimit, recentIssues, secondsUntil } from './rate-limit.ts';

const limit = { maxTickets: 4, windowSec: 60 };

/** Replays taps through the limiter the way the kiosk does; returns the accepted times. */
function replay(taps: readonly number[], l = limit): number[] {
  const accepted: number[] = [];
  for (const now of taps) {
    if (checkRateLimit(accepted, now, l).ok) accepted.push(now);
  }
  return accepted;
}

/** Tap times: non-decreasing, gaps from 0 ms (a double tap) to a few minutes. */
const taps = fc
  .array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 80 })
  .map((gaps) => {
    let t = 1_700_000_000_000;
    return gaps.map((g) => (t += g));
  });

const limits = fc.record({
  maxTickets: fc.integer({ min: 1, max: 10 }),
  windowSec: fc.integer({ min: 1, max: 600 }),
});

describe('kiosk rate limit', () => {
  it('lets a family take a few tickets and stops the fifth within a minute', () => {
    const t0 = 1_000_000;
    const accepted = replay([t0, t0 + 3000, t0 + 6000, t0 + 9000, t0 + 12_000]);
    expect(accepted).toHaveLength(4);
    expect(checkRateLimit(accepted, t0 + 12_000, limit)).toEqual({
      ok: false,
      retryAt: t0 + 60_000,
    });
    expect(checkRateLimit(accepted, t0 + 60_000, limit)).toEqual({ ok: true });
  });

  it('a child tapping thirty times gets only the limit', () => {
    const t0 = 5_000_000;
    const burst = Array.from({ length: 30 }, (_, i) => t0 + i * 150);
    expect(replay(burst)).toHaveLength(4);
  });

  it('never lets more than maxTickets into any window (property)', () => {
    fc.assert(
      fc.property(taps, limits, (times, l) => {
        const accepted = replay(times, l);
        const windowMs = l.windowSec * 1000;
        for (const t of accepted) {
          const inWindow = accepted.filter((a) => a > t - windowMs && a <= t).length;
          expect(inWindow).toBeLessThanOrEqual(l.maxTickets);
        }
      }),
    );
  });

  it('refuses a tap only when the window is already full (property)', () => {
    fc.assert(
      fc.property(taps, limits, (times, l) => {
        const accepted: number[] = [];
        const windowMs = l.windowSec * 1000;
        for (const now of times) {
          const d = checkRateLimit(accepted, now, l);
          const full = accepted.filter((a) => a > now - windowMs).length >= l.maxTickets;
          expect(d.ok).toBe(!full);
          if (d.ok) accepted.push(now);
        }
      }),
    );
  });

  it('names the exact moment the next ticket is allowed (property)', () => {
    fc.assert(
      fc.property(taps, limits, (times, l) => {
        const accepted = replay(times, l);
        const now = times[times.length - 1]!;
        const d = checkRateLimit(accepted, now, l);
        if (d.ok) return;
        expect(d.retryAt).toBeGreaterThan(now);
        expect(d.retryAt).toBeLessThanOrEqual(now + l.windowSec * 1000);
        expect(checkRateLimit(accepted, d.retryAt, l).ok).toBe(true);
        expect(checkRateLimit(accepted, d.retryAt - 1, l).ok).toBe(false);
      }),
    );
  });

  it('a clock set back never locks the kiosk for more than one window (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        limits,
        (history, now, l) => {
          const d = checkRateLimit(history, now, l);
          if (!d.ok) expect(d.retryAt - now).toBeLessThanOrEqual(l.windowSec * 1000);
        },
      ),
    );
  });

  it('keeps only the times still inside the window', () => {
    expect(recentIssues([5, 1, 100, 70], 100, 50)).toEqual([70, 100]);
    expect(secondsUntil(10_500, 10_000)).toBe(1);
    expect(secondsUntil(40_001, 10_000)).toBe(31);
  });
});
