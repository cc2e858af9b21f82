import type { CounterShift, SimVisit } from '../../src/domain/portable/engine.ts';
import type { Rng } from '../../src/domain/wait/rng.ts';
import type { Truth } from './baselines.ts';

/**
 * The realistic store of the benchmark's store-day scenarios (scenarios.ts, channels-day.ts):
 * its services, counters and hours, its customers' visits and its day's arrivals.
 */
export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Monday 6 January 2025, 00:00 UTC (the logs are in UTC, so local = UTC). */
export const T0 = Date.UTC(2025, 0, 6);

export function hashName(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface ServiceSpec {
  readonly id: string;
  readonly prefix: string;
  /** Mean time at the counter once the customer is there, s. */
  readonly meanSec: number;
  readonly cv: number;
  /** Multiplier of the mean by hour of day. */
  readonly hourFactor: (hour: number) => number;
  /** Share of arrivals outside / inside the evening peak. */
  readonly share: number;
  readonly eveningShare: number;
  /** Mean patience, minutes (exponential). */
  readonly patienceMin: number;
  /** Transfers after a visit: probability and target. */
  readonly transfer?: { readonly p: number; readonly to: string };
}

export const STORE_SERVICES: readonly ServiceSpec[] = [
  {
    id: 'pickup',
    prefix: 'P',
    meanSec: 110,
    cv: 0.6,
    hourFactor: () => 1,
    share: 0.33,
    eveningShare: 0.45,
    patienceMin: 120,
  },
  {
    id: 'returns',
    prefix: 'R',
    meanSec: 270,
    cv: 0.8,
    hourFactor: () => 1,
    share: 0.3,
    eveningShare: 0.25,
    patienceMin: 160,
    transfer: { p: 0.04, to: 'advice' },
  },
  {
    id: 'advice',
    prefix: 'A',
    meanSec: 480,
    cv: 1.0,
    hourFactor: (h) => (h >= 17 ? 1.25 : 1),
    share: 0.22,
    eveningShare: 0.2,
    patienceMin: 200,
    transfer: { p: 0.03, to: 'accounts' },
  },
  {
    id: 'accounts',
    prefix: 'B',
    meanSec: 400,
    cv: 0.7,
    hourFactor: (h) => (h < 11 ? 0.8 : 1),
    share: 0.15,
    eveningShare: 0.1,
    patienceMin: 200,
  },
];

/** The store's counters: services and usual hours (minutes from midnight). */
export const STORE_COUNTERS: readonly {
  id: string;
  services: string[];
  hours: [number, number][];
}[] = [
  { id: 'c1', services: ['pickup', 'returns'], hours: [[540, 1200]] },
  { id: 'c2', services: ['returns', 'advice'], hours: [[540, 1200]] },
  {
    id: 'c3',
    services: ['advice', 'accounts'],
    hours: [
      [540, 870],
      [930, 1170],
    ],
  },
  {
    id: 'c4',
    services: ['pickup'],
    hours: [
      [690, 870],
      [990, 1170],
    ],
  },
  {
    id: 'c5',
    services: ['pickup', 'returns', 'advice', 'accounts'],
    hours: [
      [720, 900],
      [1020, 1140],
    ],
  },
  {
    id: 'c6',
    services: ['accounts', 'returns'],
    hours: [
      [600, 750],
      [795, 1080],
    ],
  },
];

const STORE_BY_ID = new Map(STORE_SERVICES.map((s) => [s.id, s]));

/**
 * A store customer's visits: 5% no-shows (recalled, then marked), 10% slow walkers (recalled),
 * lognormal time at the counter, and the service's transfers.
 */
export function storeVisits(
  rng: Rng,
  spec: ServiceSpec,
  hour: number,
  allowTransfer: boolean,
): SimVisit[] {
  if (rng.next() < 0.05) {
    const d = (60 + rng.next() * 60) * SEC;
    return [{ durationMs: d, outcome: 'noShow', recallsMs: [30 * SEC] }];
  }
  const slow = rng.next() < 0.1;
  const walk = (slow ? 40 : 10) * SEC + rng.exp(1 / (15 * SEC));
  const service = rng.lognormal(spec.meanSec * spec.hourFactor(hour) * SEC, spec.cv);
  const visit: SimVisit = {
    durationMs: walk + service,
    outcome: 'completed',
    startAfterMs: walk,
    ...(slow ? { recallsMs: [30 * SEC] } : {}),
  };
  const t = spec.transfer;
  if (allowTransfer && t && rng.next() < t.p) {
    const next = storeVisits(rng, STORE_BY_ID.get(t.to)!, hour, false);
    return [{ ...visit, outcome: 'transferred', toService: t.to }, ...next];
  }
  return [visit];
}

/** A day's counter shifts: the usual hours jittered; now and then a counter missing or late. */
export function storeShifts(rng: Rng, day0: number): CounterShift[] {
  const shifts: CounterShift[] = [];
  const missing = rng.next() < 0.12 ? 2 + rng.int(4) : -1; // c3..c6 absent today
  const late = rng.next() < 0.15;
  STORE_COUNTERS.forEach((c, i) => {
    if (i === missing) return;
    for (const [from, to] of c.hours) {
      const jf =
        from === 540 ? -2 : Math.round((rng.next() - 0.5) * 30) + (late && c.id === 'c5' ? 30 : 0);
      const jt = to >= 1170 ? 0 : Math.round((rng.next() - 0.5) * 30);
      shifts.push({
        counter: c.id,
        services: c.services,
        from: day0 + (from + jf) * MIN,
        to: day0 + (to + jt) * MIN,
        // the last shifts of the day finish the line before closing
        ...(to >= 1140 ? { drain: true } : {}),
      });
    }
  });
  return shifts;
}

/** Truth for the oracles: mean counter time per service (no-shows included, hours averaged). */
export function storeTruth(): Truth {
  const meanMs: Record<string, number> = {};
  const theta: Record<string, number> = {};
  for (const s of STORE_SERVICES) {
    const walk = (0.9 * 10 + 0.1 * 40 + 15) * SEC;
    let f = 0;
    for (let h = 9; h < 19; h++) f += s.hourFactor(h) / 10;
    meanMs[s.id] = 0.95 * (walk + s.meanSec * f * SEC) + 0.05 * 90 * SEC;
    theta[s.id] = 1 / (s.patienceMin * MIN);
  }
  return { meanMs, theta };
}

/**
 * A store day's arrivals, 09:00-19:00 (ms since midnight), with lunch and evening peaks and
 * the evening's service mix; the day's volume varies (lognormal, 12%).
 */
export function storeArrivals(
  rng: Rng,
  baseRate: number,
  each: (x: number, spec: ServiceSpec) => void,
): void {
  const peak = (x: number): number =>
    1 + 1.3 * Math.exp(-(((x - 12.75) / 0.9) ** 2)) + 1.1 * Math.exp(-(((x - 17.75) / 0.8) ** 2));
  const evening = (x: number): number => Math.exp(-(((x - 17.75) / 1.2) ** 2));
  const volume = Math.exp(0.12 * rng.normal() - 0.0072);
  const maxRate = baseRate * volume * 3.5;
  let x = 9 * HOUR;
  for (;;) {
    x += rng.exp(maxRate);
    if (x >= 19 * HOUR) break;
    const hour = x / HOUR;
    if (rng.next() * maxRate > baseRate * volume * peak(hour)) continue;
    const e = evening(hour);
    let u = rng.next();
    let spec = STORE_SERVICES[STORE_SERVICES.length - 1]!;
    for (const s of STORE_SERVICES) {
      const share = s.share * (1 - e) + s.eveningShare * e;
      if (u < share) {
        spec = s;
        break;
      }
      u -= share;
    }
    each(x, spec);
  }
}
