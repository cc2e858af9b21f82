import type { CounterShift, SimCustomer, SimVisit } from '../../src/domain/portable/engine.ts';
import { Rng } from '../../src/domain/wait/rng.ts';
import type { Truth } from './baselines.ts';

/**
 * Benchmark scenarios: customers drawn from queueing models and counter schedules, which the
 * simulation engine turns into portable logs. All randomness comes from seeded PRNGs.
 */
export interface ScenarioData {
  readonly customers: SimCustomer[];
  readonly shifts: CounterShift[];
  readonly truth: Truth;
  /** Tickets issued before this are used for learning only, not scored (ms). */
  readonly scoreFrom: number;
}

export interface Scenario {
  readonly id: string;
  readonly group: 1 | 2 | 3 | 4;
  readonly label: string;
  /** Offered load, for the 1-rho sanity check (single-service stationary scenarios). */
  readonly rho?: number;
  /** `customers` overrides the size of stationary runs (the long sanity runs). */
  build(quick: boolean, customers?: number): ScenarioData;
}

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 6 January 2025, 00:00 UTC (the logs are in UTC, so local = UTC). */
const T0 = Date.UTC(2025, 0, 6);

function hashName(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const simpleVisit = (durationMs: number): SimVisit => ({ durationMs, outcome: 'completed' });

/** M/M/s or Erlang-A (M/M/s+M): one service, s counters all day, a long stationary run. */
function stationary(
  id: string,
  group: 1 | 2,
  s: number,
  rho: number,
  patienceInServices: number | undefined,
  customers: { full: number; quick: number },
): Scenario {
  const meanService = 180 * SEC;
  const label =
    patienceInServices === undefined
      ? `M/M/${s}, rho=${rho}`
      : `Erlang-A s=${s}, rho=${rho}, patience ${patienceInServices}/mu`;
  return {
    id,
    group,
    label,
    rho,
    build(quick, override) {
      const rng = new Rng(hashName(id));
      const n = override ?? (quick ? customers.quick : customers.full);
      const lambda = (rho * s) / meanService;
      const theta = patienceInServices === undefined ? 0 : 1 / (patienceInServices * meanService);
      const list: SimCustomer[] = [];
      let t = T0 + 9 * HOUR;
      for (let i = 0; i < n; i++) {
        t += Math.max(1, Math.round(rng.exp(lambda)));
        list.push({
          ticket: `t${i}`,
          service: 'A',
          arrival: t,
          patienceMs: theta > 0 ? rng.exp(theta) : Infinity,
          visits: [simpleVisit(Math.max(1, rng.exp(1 / meanService)))],
        });
      }
      const end = t + 30 * DAY;
      const shifts = Array.from({ length: s }, (_, k) => ({
        counter: `c${k + 1}`,
        services: ['A'],
        from: T0 + 9 * HOUR - MIN,
        to: end,
      }));
      // Warm-up: the first 10% of customers (at least 2000) teach but are not scored.
      const warm = list[Math.min(n - 1, Math.max(2000, Math.floor(n / 10)))]!.arrival;
      return {
        customers: list,
        shifts,
        truth: { meanMs: { A: meanService }, theta: { A: theta } },
        scoreFrom: warm,
      };
    },
  };
}

/** Hourly staffing as shifts: counter k is open in the hours where at least k counters are. */
function shiftsFromStaffing(
  day0: number,
  openHour: number,
  staffing: readonly number[],
  services: readonly string[],
): CounterShift[] {
  const shifts: CounterShift[] = [];
  const max = Math.max(...staffing);
  for (let k = 1; k <= max; k++) {
    let start = -1;
    for (let h = 0; h <= staffing.length; h++) {
      const on = h < staffing.length && staffing[h]! >= k;
      if (on && start < 0) start = h;
      if (!on && start >= 0) {
        const from = day0 + (openHour + start) * HOUR - (start === 0 ? MIN : 0);
        const to = day0 + (openHour + h) * HOUR;
        // at closing time the counters still open finish the line
        const drain = h === staffing.length;
        shifts.push({ counter: `c${k}`, services, from, to, ...(drain ? { drain } : {}) });
        start = -1;
      }
    }
  }
  return shifts;
}

/**
 * Time-varying arrivals lambda(t) = mean * (1 + A sin(2 pi t / T)), T = 5 h, over a 10-hour day,
 * exponential service; staffing changes every hour, set from the hour's mean arrival rate
 * for a load of 0.9, and off by one counter in about a third of the hours (late reactions).
 */
function timeVarying(id: string, amplitude: number): Scenario {
  const meanService = 180 * SEC;
  const meanRate = (8 * 0.9) / meanService; // about 8 counters
  const period = 5 * HOUR;
  const openHours = 10;
  return {
    id,
    group: 3,
    label: `lambda(t) sinusoid A=${amplitude}, staffing changes hourly`,
    build(quick) {
      const rng = new Rng(hashName(id));
      const days = quick ? 8 : 50;
      const customers: SimCustomer[] = [];
      const shifts: CounterShift[] = [];
      const rate = (x: number): number =>
        meanRate * (1 + amplitude * Math.sin((2 * Math.PI * x) / period));
      const maxRate = meanRate * (1 + amplitude);
      let n = 0;
      for (let d = 0; d < days; d++) {
        const day0 = T0 + d * DAY;
        const open = day0 + 9 * HOUR;
        // thinning (Lewis & Shedler)
        let x = 0;
        for (;;) {
          x += rng.exp(maxRate);
          if (x >= openHours * HOUR) break;
          if (rng.next() * maxRate > rate(x)) continue;
          customers.push({
            ticket: `t${n++}`,
            service: 'A',
            arrival: open + Math.round(x),
            patienceMs: Infinity,
            visits: [simpleVisit(Math.max(1, rng.exp(1 / meanService)))],
          });
        }
        const staffing: number[] = [];
        for (let h = 0; h < openHours; h++) {
          // mean rate over the hour (closed form of the sinusoid's integral)
          const a = h * HOUR;
          const b = a + HOUR;
          const integral =
            meanRate * (b - a) +
            ((meanRate * amplitude * period) / (2 * Math.PI)) *
              (Math.cos((2 * Math.PI * a) / period) - Math.cos((2 * Math.PI * b) / period));
          const need = Math.ceil(integral / HOUR / (0.9 / meanService));
          const u = rng.next();
          const noise = u < 0.15 ? -1 : u < 0.3 ? 1 : 0;
          staffing.push(Math.max(1, need + noise));
        }
        shifts.push(...shiftsFromStaffing(day0, 9, staffing, ['A']));
      }
      return {
        customers,
        shifts,
        truth: { meanMs: { A: meanService }, theta: { A: 0 } },
        scoreFrom: T0 + DAY,
      };
    },
  };
}

interface ServiceSpec {
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

const STORE_SERVICES: readonly ServiceSpec[] = [
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
const STORE_COUNTERS: readonly { id: string; services: string[]; hours: [number, number][] }[] = [
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

/**
 * A realistic store day: 09:00-19:00, lunch and evening peaks, four services with lognormal
 * times (two of them slower or faster at some hours), six counters serving overlapping
 * subsets with their own hours (jittered daily; now and then a counter is missing or late),
 * 5% no-shows (recalled, then marked), some slow walkers recalled, about 3% who leave the
 * line, a few transfers and 3% priority tickets (served before the others).
 */
function storeDay(): Scenario {
  const id = 'store-day';
  return {
    id,
    group: 4,
    label: 'store day: 4 services, 6 counters, peaks, no-shows, leavers, transfers, priority',
    build(quick) {
      const rng = new Rng(hashName(id));
      const days = quick ? 10 : 60;
      const baseRate = 32 / HOUR;
      const peak = (x: number): number =>
        1 +
        1.3 * Math.exp(-(((x - 12.75) / 0.9) ** 2)) +
        1.1 * Math.exp(-(((x - 17.75) / 0.8) ** 2));
      const evening = (x: number): number => Math.exp(-(((x - 17.75) / 1.2) ** 2));
      const byId = new Map(STORE_SERVICES.map((s) => [s.id, s]));
      const visitFor = (spec: ServiceSpec, hour: number, allowTransfer: boolean): SimVisit[] => {
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
          const next = visitFor(byId.get(t.to)!, hour, false);
          return [{ ...visit, outcome: 'transferred', toService: t.to }, ...next];
        }
        return [visit];
      };
      const customers: SimCustomer[] = [];
      const shifts: CounterShift[] = [];
      const numbers = new Map<string, number>();
      let n = 0;
      for (let d = 0; d < days; d++) {
        const day0 = T0 + d * DAY;
        const volume = Math.exp(0.12 * rng.normal() - 0.0072);
        const maxRate = baseRate * volume * 3.5;
        numbers.clear();
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
          const k = (numbers.get(spec.id) ?? 0) + 1;
          numbers.set(spec.id, k);
          customers.push({
            ticket: `t${n++}`,
            number: `${spec.prefix}${String(k).padStart(3, '0')}`,
            service: spec.id,
            arrival: day0 + Math.round(x),
            patienceMs: rng.exp(1 / (spec.patienceMin * MIN)),
            visits: visitFor(spec, Math.floor(hour), true),
            ...(rng.next() < 0.03 ? { priority: true } : {}),
          });
        }
        const missing = rng.next() < 0.12 ? 2 + rng.int(4) : -1; // c3..c6 absent today
        const late = rng.next() < 0.15;
        STORE_COUNTERS.forEach((c, i) => {
          if (i === missing) return;
          for (const [from, to] of c.hours) {
            const jf =
              from === 540
                ? -2
                : Math.round((rng.next() - 0.5) * 30) + (late && c.id === 'c5' ? 30 : 0);
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
      }
      // Truth for the oracles: mean counter time per service (no-shows included, hours averaged).
      const meanMs: Record<string, number> = {};
      const theta: Record<string, number> = {};
      for (const s of STORE_SERVICES) {
        const walk = (0.9 * 10 + 0.1 * 40 + 15) * SEC;
        let f = 0;
        for (let h = 9; h < 19; h++) f += s.hourFactor(h) / 10;
        meanMs[s.id] = 0.95 * (walk + s.meanSec * f * SEC) + 0.05 * 90 * SEC;
        theta[s.id] = 1 / (s.patienceMin * MIN);
      }
      return { customers, shifts, truth: { meanMs, theta }, scoreFrom: T0 + 2 * DAY };
    },
  };
}

export function scenarios(): Scenario[] {
  const list: Scenario[] = [];
  for (const s of [1, 5, 20]) {
    for (const rho of [0.8, 0.9, 0.95]) {
      list.push(
        stationary(`mms-s${s}-r${rho}`, 1, s, rho, undefined, { full: 120_000, quick: 12_000 }),
      );
    }
  }
  list.push(stationary('erlangA-s20-r1.0', 2, 20, 1.0, 2, { full: 120_000, quick: 12_000 }));
  list.push(stationary('erlangA-s5-r1.2', 2, 5, 1.2, 5, { full: 120_000, quick: 12_000 }));
  list.push(timeVarying('tv-A0.2', 0.2));
  list.push(timeVarying('tv-A0.4', 0.4));
  list.push(storeDay());
  return list;
}
