/**
 * One timer on the Clock port for work due at deadlines the queue knows (a phone ticket's
 * check-in grace, a booking's late minutes): armed for the next deadline, looked at again
 * whenever the queue changes and at least once a minute, sweeps one after another.
 * check-in-sweep.ts and booking/booking-day.ts say what is due; this says when to look.
 */
import type { Clock } from '../sync/ports.ts';
import type { Logger } from './log.ts';

export interface DeadlineSweep {
  /** Does what is due now; resolves to how many things were done. */
  sweep(): Promise<number>;
  /** The deadlines changed (a new config): arm the timer afresh. */
  rearm(): void;
  close(): void;
}

const RECHECK_MS = 60_000;

export function startDeadlineSweep(deps: {
  readonly clock: Clock;
  readonly log: Logger;
  /** The log's topic and what failed, for its warning ("check-in sweep"). */
  readonly topic: string;
  readonly name: string;
  /** Told of every change of the queue. */
  subscribe(listener: () => void): () => void;
  /** The next deadline after `now`, if any. */
  next(now: number): number | undefined;
  /** Does what is due; resolves to how many things were done. */
  due(): Promise<number>;
}): DeadlineSweep {
  const { clock, log } = deps;
  let stopped = false;
  let cancelTimer: (() => void) | undefined;
  let armedFor: number | undefined;
  /** Sweeps run one after another (two at once would race to do the same thing). */
  let chain: Promise<unknown> = Promise.resolve();
  const warn = (error: unknown) => log.warn(deps.topic, `${deps.name} failed: ${String(error)}`);

  function sweep(): Promise<number> {
    // queued, not joined: a look that started before a deadline must not stand in for one after
    const next = chain.then(() => deps.due());
    chain = next.catch(() => undefined);
    return next;
  }

  function schedule(): void {
    if (stopped) return;
    const now = clock.now();
    const next = deps.next(now);
    const at = Math.min(now + RECHECK_MS, next === undefined ? Infinity : next + 10);
    if (armedFor !== undefined && armedFor <= at && armedFor > now) return;
    cancelTimer?.();
    armedFor = at;
    cancelTimer = clock.after(Math.max(0, at - now), () => {
      armedFor = undefined;
      sweep().catch(warn).finally(schedule);
    });
  }

  const unsubscribe = deps.subscribe(schedule);
  void sweep().catch(warn);
  schedule();
  return {
    sweep,
    rearm() {
      armedFor = undefined;
      schedule();
    },
    close() {
      stopped = true;
      unsubscribe();
      cancelTimer?.();
    },
  };
}
