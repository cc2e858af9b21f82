import { describe, expect, it } from 'vitest';
import { weekReport } from './accuracy-week.ts';

describe('the accuracy audit on a generated week (npm run bench:accuracy)', () => {
  it('judges every day of the week, with the estimator’s own promises', () => {
    const report = weekReport('day');
    expect(report.rows).toHaveLength(7);
    expect(report.total.judged).toBeGreaterThan(1000);
    // the shares of judged promises add up; an 80% range holds for most waits
    const t = report.total;
    expect(t.insideRange! + t.longerThanRange! + t.shorterThanRange!).toBeCloseTo(100, 0);
    expect(t.insideRange).toBeGreaterThan(60);
  });
});
