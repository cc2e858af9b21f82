import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitAlerts, alertReason, waitReading, type WaitAlertChange } from './alerts.ts';
import { serviceWaitLevel, waitLevel } from './levels.ts';

const MIN = 60_000;
const T = Date.UTC(2025, 0, 6, 9);
const reading = (estimateSec: number, min: number, targetSec = 600, service = 'advice') => ({
  service,
  estimateSec,
  targetSec,
  at: T + min * MIN,
});

describe('WaitAlerts', () => {
  it('raises above the target and clears below 80% of it', () => {
    const a = new WaitAlerts({ minIntervalMs: 0 });
    expect(a.update(reading(500, 0))).toBeUndefined();
    expect(a.update(reading(600, 1))).toBeUndefined(); // at the target is not above it
    expect(a.update(reading(700, 2))).toEqual({
      kind: 'raised',
      service: 'advice',
      at: T + 2 * MIN,
      raisedAt: T + 2 * MIN,
      reason: 'estimate',
      estimateSec: 700,
      longestWaitSec: 0,
      targetSec: 600,
    });
    expect(a.isActive('advice')).toBe(true);
    expect(a.update(reading(900, 3))).toBeUndefined(); // already raised
    expect(a.update(reading(500, 4))).toBeUndefined(); // under target, above 80%
    expect(a.update(reading(470, 5))).toMatchObject({ kind: 'cleared', raisedAt: T + 2 * MIN });
    expect(a.active()).toEqual([]);
  });

  it('holds each state at least the minimum interval', () => {
    const a = new WaitAlerts({ minIntervalMs: 5 * MIN });
    expect(a.update(reading(700, 0))?.kind).toBe('raised');
    expect(a.nextDecisionAt()).toBeUndefined();
    expect(a.update(reading(100, 1))).toBeUndefined(); // too soon to clear
    expect(a.nextDecisionAt()).toBe(T + 5 * MIN); // ... until then
    expect(a.update(reading(100, 5))?.kind).toBe('cleared');
    expect(a.nextDecisionAt()).toBeUndefined();
    expect(a.update(reading(900, 6))).toBeUndefined(); // too soon to raise again
    expect(a.update(reading(900, 10))?.kind).toBe('raised');
  });

  it('keeps services apart and ignores services without a target', () => {
    const a = new WaitAlerts({ minIntervalMs: 0 });
    expect(a.update(reading(700, 0, 600, 'advice'))?.kind).toBe('raised');
    expect(a.update(reading(700, 0, 900, 'returns'))).toBeUndefined();
    expect(a.update(reading(99_999, 0, 0, 'pickup'))).toBeUndefined();
    expect(a.active().map((x) => x.service)).toEqual(['advice']);
  });

  it('never flaps, whatever the readings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 90 })), {
          maxLength: 200,
        }),
        (steps) => {
          const interval = 5 * MIN;
          const a = new WaitAlerts({ minIntervalMs: interval });
          let t = T;
          const changes: WaitAlertChange[] = [];
          for (const [estimateSec, dtSec] of steps) {
            t += dtSec * 1000;
            const c = a.update({ service: 's', estimateSec, targetSec: 600, at: t });
            if (c) {
              // a raise only above the target, a recovery only below 80% of it
              if (c.kind === 'raised') expect(estimateSec).toBeGreaterThan(600);
              else expect(estimateSec).toBeLessThan(480);
              changes.push(c);
            }
          }
          changes.forEach((c, i) => {
            // raises and recoveries alternate, the first is a raise, and none come too soon
            expect(c.kind).toBe(i % 2 === 0 ? 'raised' : 'cleared');
            if (i > 0) expect(c.at - changes[i - 1]!.at).toBeGreaterThanOrEqual(interval);
          });
        },
      ),
    );
  });

  it('places a wait against its target for the floor view', () => {
    expect(waitLevel(100, 600)).toBe('ok');
    expect(waitLevel(480, 600)).toBe('near');
    expect(waitLevel(600, 600)).toBe('near');
    expect(waitLevel(601, 600)).toBe('over');
    expect(waitLevel(9999, 0)).toBe('ok');
  });

  it('raises when anyone waits with no counter for their service, and clears once served', () => {
    const a = new WaitAlerts({ minIntervalMs: 0 });
    const noCounter = (waiting: number, min: number) => ({
      service: 'pickup',
      noCounter: true,
      waiting,
      longestWaitSec: waiting > 0 ? 60 : 0,
      targetSec: 600,
      at: T + min * MIN,
    });
    // nobody waits: no counter is no alarm
    expect(a.update(noCounter(0, 0))).toBeUndefined();
    // somebody waits for a minute: the estimate is no number, the alert goes up at once
    expect(a.update(noCounter(1, 1))).toMatchObject({
      kind: 'raised',
      reason: 'noCounter',
      estimateSec: undefined,
    });
    expect(a.active()).toMatchObject([{ service: 'pickup', reason: 'noCounter' }]);
    // a counter opens with a short wait: cleared
    expect(
      a.update({
        service: 'pickup',
        noCounter: false,
        estimateSec: 60,
        waiting: 1,
        longestWaitSec: 120,
        targetSec: 600,
        at: T + 2 * MIN,
      }),
    ).toMatchObject({ kind: 'cleared', reason: 'noCounter' });
    // and when everybody left while still no counter is open, it clears too
    expect(a.update(noCounter(2, 3))?.kind).toBe('raised');
    expect(a.update(noCounter(0, 4))?.kind).toBe('cleared');
  });

  it('raises on the longest current wait even when a new customer would wait less', () => {
    const a = new WaitAlerts({ minIntervalMs: 0 });
    const r = (longestWaitSec: number, estimateSec: number, min: number) => ({
      service: 'advice',
      noCounter: false,
      waiting: 3,
      estimateSec,
      longestWaitSec,
      targetSec: 600,
      at: T + min * MIN,
    });
    expect(a.update(r(500, 200, 0))).toBeUndefined();
    // 18 minutes waited, target 10: raised though a newcomer is told about 3 minutes
    expect(a.update(r(1080, 200, 1))).toMatchObject({
      kind: 'raised',
      reason: 'longestWait',
      longestWaitSec: 1080,
      estimateSec: 200,
    });
    // the long waiter was called, the next one has waited 9 minutes: still above 80%
    expect(a.update(r(540, 200, 2))).toBeUndefined();
    expect(a.update(r(300, 200, 3))).toMatchObject({ kind: 'cleared', reason: 'longestWait' });
  });

  it('follows the reason while an alert stands, and clears only when every reason is gone', () => {
    const a = new WaitAlerts({ minIntervalMs: 0 });
    const base = { service: 'advice', targetSec: 600, waiting: 4 };
    a.update({ ...base, noCounter: true, longestWaitSec: 30, at: T });
    expect(a.active()[0]?.reason).toBe('noCounter');
    // a counter opened, but the estimate is still far above target
    const still = { ...base, noCounter: false, estimateSec: 900, longestWaitSec: 60, at: T + MIN };
    expect(a.update(still)).toBeUndefined();
    expect(a.active()[0]?.reason).toBe('estimate');
    // the estimate came down, the longest wait did not
    const longest = { ...still, estimateSec: 100, longestWaitSec: 500, at: T + 2 * MIN };
    expect(a.update(longest)).toBeUndefined();
    expect(a.update({ ...longest, longestWaitSec: 470, at: T + 3 * MIN })?.kind).toBe('cleared');
  });

  it('never raises nor clears against its rules, whatever the readings (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            noCounter: fc.boolean(),
            waiting: fc.integer({ min: 0, max: 5 }),
            estimateSec: fc.integer({ min: 0, max: 1500 }),
            longestWaitSec: fc.integer({ min: 0, max: 1500 }),
            dtSec: fc.integer({ min: 0, max: 600 }),
          }),
          { maxLength: 100 },
        ),
        (steps) => {
          const a = new WaitAlerts({ minIntervalMs: 5 * MIN });
          let t = T;
          let kinds = '';
          for (const x of steps) {
            t += x.dtSec * 1000;
            const reading = { service: 's', targetSec: 600, at: t, ...x };
            const c = a.update(reading);
            if (c?.kind === 'raised') expect(c.reason).toBe(alertReason(reading));
            if (c?.kind === 'cleared') {
              expect(x.noCounter && x.waiting > 0).toBe(false);
              expect(x.longestWaitSec).toBeLessThan(480);
              if (!x.noCounter) expect(x.estimateSec).toBeLessThan(480);
            }
            if (c) kinds += c.kind[0];
          }
          expect(kinds).toMatch(/^(rc)*r?$/);
        },
      ),
    );
  });

  it('reads a service’s wait the same on the floor and in the hub', () => {
    const open = { noCounter: false, estimateSec: 700, sameServiceAhead: 2, longestWaitSec: 90 };
    expect(waitReading('advice', open, 600, T)).toEqual({
      service: 'advice',
      targetSec: 600,
      at: T,
      noCounter: false,
      waiting: 2,
      longestWaitSec: 90,
      estimateSec: 700,
    });
    // with no counter the estimate is not read, even if a number came along
    const none = { ...open, noCounter: true };
    expect(waitReading('advice', none, 600, T)).not.toHaveProperty('estimateSec');
  });
});

describe('serviceWaitLevel: the colour of a service on staff screens', () => {
  const w = (over: Partial<Parameters<typeof serviceWaitLevel>[0]>) => ({
    noCounter: false,
    estimateSec: 100,
    sameServiceAhead: 1,
    longestWaitSec: 100,
    ...over,
  });
  it('is never ok with no counter: red with someone waiting, "closed" without', () => {
    expect(serviceWaitLevel(w({ noCounter: true }), 600)).toBe('noCounter');
    expect(serviceWaitLevel(w({ noCounter: true, sameServiceAhead: 0 }), 600)).toBe('closed');
  });
  it('takes the worse of the longest current wait and the estimate', () => {
    expect(serviceWaitLevel(w({}), 600)).toBe('ok');
    expect(serviceWaitLevel(w({ longestWaitSec: 1080 }), 600)).toBe('over');
    expect(serviceWaitLevel(w({ estimateSec: 500 }), 600)).toBe('near');
    expect(serviceWaitLevel(w({ estimateSec: 700, longestWaitSec: 500 }), 600)).toBe('over');
  });
});
