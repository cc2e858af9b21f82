import type { Clock } from '../ports.ts';
import { SimScheduler } from './scheduler.ts';

/**
 * Owns virtual time for unit tests of timer-driven sync pieces (the replica, the wait
 * publisher): clocks on one SimScheduler, and waits bounded by events and virtual time, never
 * by real sleeps, so a busy machine cannot make them flaky.
 */
export interface SimTime {
  readonly scheduler: SimScheduler;
  /** Virtual now (ms). */
  now(): number;
  /** A clock on the scheduler, off by `skewMs`. */
  clock(skewMs?: number): Clock;
  /** Lets `ms` of virtual time pass, running every timer due. */
  pass(ms?: number): Promise<void>;
  /** Runs virtual time until `check` holds; fails after `ms` of virtual time. */
  until(check: () => boolean, ms?: number): Promise<void>;
}

export function simTime(start = Date.UTC(2026, 5, 1, 10)): SimTime {
  const scheduler = new SimScheduler(start);
  return {
    scheduler,
    now: () => scheduler.now,
    clock: (skewMs = 0) => scheduler.clock(skewMs),
    pass: (ms = 30) => scheduler.runUntil(scheduler.now + ms),
    async until(check, ms = 3000) {
      const end = scheduler.now + ms;
      await scheduler.runUntil(scheduler.now);
      while (!check()) {
        if (scheduler.now >= end) throw new Error(`condition not met in ${ms} ms of virtual time`);
        await scheduler.runUntil(scheduler.now + 10);
      }
    },
  };
}
