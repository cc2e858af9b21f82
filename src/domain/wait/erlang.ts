/**
 * Closed forms of the queue-length (QL) estimators (Whitt 1999; Ibrahim & Whitt 2009) and the
 * gamma/Erlang distribution functions they need.
 *
 * With s servers each at rate mu and n customers waiting ahead, a newcomer's wait is
 * Erlang(n+1, s*mu): the sum of n+1 exponential inter-departure times. With abandonment
 * (Erlang-A, patience rate theta) the k-th of those stages runs at rate s*mu + k*theta.
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized lower incomplete gamma P(a, x) (Numerical Recipes: series or continued fraction). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const lnPre = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(lnPre));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(lnPre) * h);
}

/** CDF of Gamma(shape, rate) at x. */
export function gammaCdf(shape: number, rate: number, x: number): number {
  return gammaP(shape, rate * x);
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  const poly = (k: readonly number[], x: number): number => k.reduce((acc, v) => acc * x + v, 0);
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - pl) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** Quantile of Gamma(shape, 1): safeguarded Newton from the Wilson–Hilferty start. */
function standardGammaQuantile(shape: number, p: number): number {
  const z = normalQuantile(p);
  const h = 1 / (9 * shape);
  let x = shape * Math.pow(Math.max(1e-3, 1 - h + z * Math.sqrt(h)), 3);
  if (!(x > 0)) x = 1e-3;
  let lo = 0;
  let hi = Infinity;
  const lnG = lnGamma(shape);
  for (let i = 0; i < 100; i++) {
    const f = gammaP(shape, x) - p;
    if (f < 0) lo = x;
    else hi = x;
    const pdf = Math.exp((shape - 1) * Math.log(x) - x - lnG);
    let next = pdf > 0 ? x - f / pdf : NaN;
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : x * 2;
    if (Math.abs(next - x) <= 1e-12 * x) return next;
    x = next;
  }
  return x;
}

/** Quantile of Gamma(shape, rate). */
export function gammaQuantile(shape: number, rate: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Infinity;
  return standardGammaQuantile(shape, p) / rate;
}

/** Erlang(k, rate): mean k/rate. */
export function erlangMean(k: number, rate: number): number {
  return k / rate;
}

const erlangCache = new Map<string, number>();

/** Quantile of Erlang(k, rate); standard quantiles are cached per (k, p). */
export function erlangQuantile(k: number, rate: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Infinity;
  const key = `${k}:${p}`;
  let q = erlangCache.get(key);
  if (q === undefined) {
    q = standardGammaQuantile(k, p);
    if (erlangCache.size < 100_000) erlangCache.set(key, q);
  }
  return q / rate;
}

/** QL mean wait: n waiting ahead, s servers at rate mu each: (n+1)/(s*mu). */
export function qlMean(n: number, s: number, mu: number): number {
  return (n + 1) / (s * mu);
}

/** QL_m mean wait with abandonment rate theta: sum over k = 0..n of 1/(s*mu + k*theta). */
export function qlmMean(n: number, s: number, mu: number, theta: number): number {
  let m = 0;
  for (let k = 0; k <= n; k++) m += 1 / (s * mu + k * theta);
  return m;
}

/** Variance of the QL_m wait (independent exponential stages). */
export function qlmVariance(n: number, s: number, mu: number, theta: number): number {
  let v = 0;
  for (let k = 0; k <= n; k++) {
    const r = s * mu + k * theta;
    v += 1 / (r * r);
  }
  return v;
}

/**
 * Quantile of the QL_m wait: a gamma with the same mean and variance (exact Erlang when
 * theta = 0, since then shape = n+1 and rate = s*mu).
 */
export function qlmQuantile(n: number, s: number, mu: number, theta: number, p: number): number {
  const m = qlmMean(n, s, mu, theta);
  const v = qlmVariance(n, s, mu, theta);
  return gammaQuantile((m * m) / v, m / v, p);
}
