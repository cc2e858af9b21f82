import type {
  CounterShift,
  SimBooking,
  SimCustomer,
  SimVisit,
} from '../../src/domain/portable/engine.ts';
import { Rng } from '../../src/domain/wait/rng.ts';
import type { Truth } from './baselines.ts';
import { channelsDay } from './channels-day.ts';
import {
  DAY,
  HOUR,
  MIN,
  SEC,
  T0,
  hashName,
  storeArrivals,
  storeShifts,
  storeTruth,
  storeVisits,
} from './store.ts';

/**
 * Benchmark scenarios: customers drawn from queueing models and counter schedules, which the
 * simulation engine turns into portable logs. All randomness comes from seeded PRNGs.
 */
export interface ScenarioData {
  readonly customers: SimCustomer[];
  readonly shifts: CounterShift[];
  /** Bookings (the channels scenario). */
  readonly bookings?: SimBooking[];
  readonly truth: Truth;
  /** Tickets issued before this are used for learning only, not scored (ms). */
  readonly scoreFrom: number;
  /** Only these tickets are scored (absent: all). */
  readonly scored?: (ticket: string) => boolean;
}

export interface Scenario {
  readonly id: string;
  readonly group: 1 | 2 | 3 | 4 | 5;
  readonly label: string;
  /** Offered load, for the 1-rho sanity check (single-service stationary scenarios). */
  readonly rho?: number;
  /** `customers` overrides the size of stationary runs (the long sanity runs). */
  build(quick: boolean, customers?: number): ScenarioData;
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
      const customers: SimCustomer[] = [];
      const shifts: CounterShift[] = [];
      const numbers = new Map<string, number>();
      let n = 0;
      for (let d = 0; d < days; d++) {
        const day0 = T0 + d * DAY;
        numbers.clear();
        storeArrivals(rng, 32 / HOUR, (x, spec) => {
          const k = (numbers.get(spec.id) ?? 0) + 1;
          numbers.set(spec.id, k);
          customers.push({
            ticket: `t${n++}`,
            number: `${spec.prefix}${String(k).padStart(3, '0')}`,
            service: spec.id,
            arrival: day0 + Math.round(x),
            patienceMs: rng.exp(1 / (spec.patienceMin * MIN)),
            visits: storeVisits(rng, spec, Math.floor(x / HOUR), true),
            ...(rng.next() < 0.03 ? { priority: true } : {}),
          });
        });
        shifts.push(...storeShifts(rng, day0));
      }
      return { customers, shifts, truth: storeTruth(), scoreFrom: T0 + 2 * DAY };
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
  list.push(channelsDay());
  return list;
}
