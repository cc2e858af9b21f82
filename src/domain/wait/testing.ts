import type { CounterShift, SimCustomer, SimVisit } from '../portable/engine.ts';
import { Rng } from './rng.ts';

/** Small simulated stores for tests (the benchmark has the real scenarios). */

export const DAY0 = Date.UTC(2025, 0, 6, 9);
const SEC = 1000;

/** M/M/s: one service "A", s counters open all along, exponential times. */
export function mmsStore(
  seed: number,
  customers: number,
  s: number,
  rho: number,
  meanServiceSec = 180,
): { customers: SimCustomer[]; shifts: CounterShift[] } {
  const rng = new Rng(seed);
  const mean = meanServiceSec * SEC;
  const lambda = (rho * s) / mean;
  const list: SimCustomer[] = [];
  let t = DAY0;
  for (let i = 0; i < customers; i++) {
    t += Math.max(1, Math.round(rng.exp(lambda)));
    list.push({
      ticket: `t${i}`,
      service: 'A',
      arrival: t,
      patienceMs: Infinity,
      visits: [{ durationMs: Math.max(1, rng.exp(1 / mean)), outcome: 'completed' }],
    });
  }
  const shifts = Array.from({ length: s }, (_, k) => ({
    counter: `c${k + 1}`,
    services: ['A'],
    from: DAY0 - 60 * SEC,
    to: t + 86_400_000,
  }));
  return { customers: list, shifts };
}

/**
 * A random little store: up to 3 services, 1-3 counters with random service sets and hours,
 * no-shows, leavers, recalls and transfers. Every log it makes is valid.
 */
export function randomStore(
  seed: number,
  customers: number,
): { customers: SimCustomer[]; shifts: CounterShift[] } {
  const rng = new Rng(seed);
  const services = ['A', 'B', 'C'].slice(0, 1 + rng.int(3));
  const pick = (): string => services[rng.int(services.length)]!;
  const visit = (service: string, allowTransfer: boolean): SimVisit[] => {
    if (rng.next() < 0.1)
      return [
        { durationMs: 30 * SEC + rng.int(60 * SEC), outcome: 'noShow', recallsMs: [20 * SEC] },
      ];
    const v: SimVisit = {
      durationMs: 20 * SEC + rng.exp(1 / (120 * SEC)),
      outcome: 'completed',
      startAfterMs: 10 * SEC,
      ...(rng.next() < 0.2 ? { recallsMs: [5 * SEC] } : {}),
    };
    if (allowTransfer && services.length > 1 && rng.next() < 0.1) {
      const to = services.find((s) => s !== service)!;
      return [{ ...v, outcome: 'transferred', toService: to }, ...visit(to, false)];
    }
    return [v];
  };
  const list: SimCustomer[] = [];
  let t = DAY0;
  for (let i = 0; i < customers; i++) {
    t += Math.round(rng.exp(1 / (50 * SEC)));
    const service = pick();
    list.push({
      ticket: `t${i}`,
      number: `${service}${i}`,
      service,
      arrival: t,
      patienceMs: rng.next() < 0.3 ? rng.exp(1 / (300 * SEC)) : Infinity,
      visits: visit(service, true),
    });
  }
  const shifts: CounterShift[] = [];
  const counters = 1 + rng.int(3);
  for (let k = 0; k < counters; k++) {
    const served = k === 0 ? [...services] : services.filter(() => rng.next() < 0.6);
    if (served.length === 0) served.push(pick());
    const from = DAY0 + (k === 0 ? -SEC : rng.int(3600) * SEC);
    const to = k === 0 ? t + 3600 * SEC : from + rng.int(7200) * SEC + SEC;
    shifts.push({
      counter: `c${k + 1}`,
      services: served,
      from,
      to,
      ...(k === 0 ? { drain: true } : {}),
    });
  }
  return { customers: list, shifts };
}
