import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitAlerts, waitLevel, type WaitAlertChange } from './alerts.ts';

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
      estimateSec: 700,
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
});
