import { describe, expect, it } from 'vitest';
import { IntervalCalibrator } from './calibration.ts';
import { Rng } from './rng.ts';
import { DurationShape } from './shape.ts';

describe('IntervalCalibrator', () => {
  const raw = { mean: 100_000, q10: 60_000, q90: 140_000, immediate: false };

  it('keeps the model range until it has enough scores', () => {
    const c = new IntervalCalibrator({ minScores: 50 });
    for (let i = 0; i < 49; i++) c.record(raw, 1_000_000);
    expect(c.adjust(raw)).toEqual({ low: 60_000, high: 140_000 });
  });

  it('widens a range that is too narrow, so that 10% fall on each side', () => {
    const c = new IntervalCalibrator({ minScores: 50 });
    // actual waits spread uniformly over 0..400 s while the model said 60..140 s
    for (let i = 0; i < 1000; i++) c.record(raw, (i % 100) * 4_000 + 2_000);
    const r = c.adjust(raw);
    // 10% of actual waits are below ~40 s and 10% above ~360 s
    expect(r.low / 1000).toBeCloseTo(38, -1);
    expect(r.high / 1000).toBeCloseTo(362, -1);
  });

  it('narrows a range that is too wide', () => {
    const c = new IntervalCalibrator({ minScores: 50 });
    for (let i = 0; i < 1000; i++) c.record(raw, 90_000 + (i % 10) * 2_000);
    const r = c.adjust(raw);
    expect(r.low).toBeGreaterThan(60_000);
    expect(r.high).toBeLessThan(140_000);
  });

  it('immediate calls: [0, the 80% quantile of what such customers waited]', () => {
    const c = new IntervalCalibrator({ minScores: 10 });
    const now = { mean: 0, q10: 0, q90: 0, immediate: true };
    for (let i = 0; i < 100; i++) c.record(now, (i % 10) * 1000);
    expect(c.adjust(now)).toEqual({ low: 0, high: 8000 });
  });
});

describe('DurationShape', () => {
  it('is exponential until it has data, then resamples with mean 1', () => {
    const shape = new DurationShape(2000, 30);
    const rng = new Rng(1);
    expect(shape.survival(1)).toBeCloseTo(Math.exp(-1), 12);
    for (let i = 0; i < 2000; i++) shape.add(2 * rng.next()); // uniform 0..2
    shape.refresh();
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += shape.sample(rng);
    expect(sum / 20_000).toBeCloseTo(1, 1);
    expect(shape.survival(1.5)).toBeCloseTo(0.25, 1);
  });

  it('residual life given the time already spent', () => {
    const shape = new DurationShape(2000, 30);
    const rng = new Rng(2);
    for (let i = 0; i < 2000; i++) shape.add(i < 1000 ? 0.5 : 1.5); // two kinds of visit
    shape.refresh();
    // after 0.6 only the long visits remain: 1.5 - 0.6 = 0.9 left
    for (let i = 0; i < 100; i++) expect(shape.sampleResidual(rng, 0.6)).toBeCloseTo(0.9, 9);
  });
});
