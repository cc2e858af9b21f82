import { describe, expect, it } from 'vitest';
import {
  erlangMean,
  erlangQuantile,
  gammaCdf,
  gammaP,
  gammaQuantile,
  lnGamma,
  normalQuantile,
  qlMean,
  qlmMean,
  qlmQuantile,
  qlmVariance,
} from './erlang.ts';

describe('gamma and Erlang functions', () => {
  it('lnGamma matches factorials', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('P(1, x) is the exponential CDF and P(2, x) = 1 - e^-x (1 + x)', () => {
    for (const x of [0.1, 1, 3, 10]) {
      expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
      expect(gammaP(2, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x), 12);
    }
  });

  it('Erlang quantiles: hand-computed values', () => {
    // Erlang(1, 1) median = ln 2
    expect(erlangQuantile(1, 1, 0.5)).toBeCloseTo(Math.LN2, 9);
    // Erlang(3, rate 1/2) is chi-square with 6 degrees of freedom: 10% 2.2041, 90% 10.6446
    expect(erlangQuantile(3, 0.5, 0.1)).toBeCloseTo(2.2041, 3);
    expect(erlangQuantile(3, 0.5, 0.9)).toBeCloseTo(10.6446, 3);
    // Erlang(2, 1): 1 - e^-q (1 + q) = 0.5 at q = 1.67835
    expect(erlangQuantile(2, 1, 0.5)).toBeCloseTo(1.67835, 4);
    // rate scales the quantile
    expect(erlangQuantile(4, 2, 0.8)).toBeCloseTo(erlangQuantile(4, 1, 0.8) / 2, 12);
  });

  it('gamma quantile inverts the CDF, also for large and fractional shapes', () => {
    for (const shape of [0.3, 1, 2.5, 40, 400]) {
      for (const p of [0.05, 0.1, 0.5, 0.9, 0.99]) {
        expect(gammaCdf(shape, 3, gammaQuantile(shape, 3, p))).toBeCloseTo(p, 9);
      }
    }
  });

  it('normal quantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.281552, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
  });
});

describe('queue-length estimators', () => {
  it('QL: n ahead, s servers at rate mu: (n+1)/(s mu)', () => {
    expect(qlMean(4, 2, 0.5)).toBe(5);
    expect(erlangMean(5, 1)).toBe(5);
    // 9 ahead, 3 counters, 4 minutes each: 10 departures at 3/4 per minute = 13.33 min
    expect(qlMean(9, 3, 1 / 4)).toBeCloseTo(40 / 3, 12);
  });

  it('QL_m: sum of 1/(s mu + k theta), k = 0..n', () => {
    // n = 2, s = 2, mu = 1, theta = 0.5: 1/2 + 1/2.5 + 1/3
    expect(qlmMean(2, 2, 1, 0.5)).toBeCloseTo(0.5 + 0.4 + 1 / 3, 12);
    expect(qlmVariance(2, 2, 1, 0.5)).toBeCloseTo(0.25 + 0.16 + 1 / 9, 12);
    // without abandonment it is QL
    expect(qlmMean(7, 3, 0.2, 0)).toBeCloseTo(qlMean(7, 3, 0.2), 12);
    expect(qlmQuantile(7, 3, 0.2, 0, 0.9)).toBeCloseTo(erlangQuantile(8, 0.6, 0.9), 9);
  });
});
