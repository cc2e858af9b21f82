/**
 * The check-in grace time on the hub: a phone ticket that had to check in and did not by its
 * deadline gets a `ticket.cancelled` (reason 'noCheckIn') from the agent; domain/join/grace.ts
 * decides which and when. The hub only keeps a timer on the Clock port, set to the next
 * deadline (looked at again whenever the queue changes, and at least once a minute).
 */
import type { StoreConfig } from '../domain/config/types.ts';
import { dropUncheckedIn, nextCheckInDeadline, overdueCheckIns } from '../domain/join/grace.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import type { QueueState } from '../domain/queue/state.ts';
import type { Clock } from '../sync/ports.ts';
import type { Logger } from './log.ts';

export interface CheckInReplica {
  readonly state: QueueState;
  run(decide: (state: QueueState, at: number) => CommandResult): Promise<{ ok: boolean }>;
  subscribe(listener: () => void): () => void;
}

export interface CheckInSweep {
  /** Drops what is overdue now; resolves to the number of tickets dropped. */
  sweep(): Promise<number>;
  setConfig(config: StoreConfig): void;
  close(): void;
}

const RECHECK_MS = 60_000;

export function startCheckInSweep(deps: {
  readonly config: StoreConfig;
  readonly replica: CheckInReplica;
  readonly clock: Clock;
  readonly log: Logger;
}): CheckInSweep {
  const { replica, clock, log } = deps;
  let config = deps.config;
  let stopped = false;
  let cancelTimer: (() => void) | undefined;
  let armedFor: number | undefined;
  /** Sweeps run one after another (two at once would race to drop the same tickets). */
  let chain: Promise<unknown> = Promise.resolve();

  async function sweepOnce(): Promise<number> {
    let dropped = 0;
    for (const id of overdueCheckIns(config, replica.state, clock.now())) {
      const number = replica.state.tickets.get(id)?.number ?? id;
      const outcome = await replica.run((state, at) => dropUncheckedIn(config, state, id, at));
      if (!outcome.ok) continue;
      dropped++;
      log.info('join', `ticket ${number} dropped: not checked in within the grace time`);
    }
    return dropped;
  }

  function sweep(): Promise<number> {
    // queued, not joined: a look that started before a deadline must not stand in for one after
    const next = chain.then(sweepOnce);
    chain = next.catch(() => undefined);
    return next;
  }

  function schedule(): void {
    if (stopped) return;
    const now = clock.now();
    const next = nextCheckInDeadline(config, replica.state, now);
    const at = Math.min(now + RECHECK_MS, next === undefined ? Infinity : next + 10);
    if (armedFor !== undefined && armedFor <= at && armedFor > now) return;
    cancelTimer?.();
    armedFor = at;
    cancelTimer = clock.after(Math.max(0, at - now), () => {
      armedFor = undefined;
      sweep()
        .catch((error: unknown) => log.warn('join', `check-in sweep failed: ${String(error)}`))
        .finally(schedule);
    });
  }

  const unsubscribe = replica.subscribe(schedule);
  void sweep().catch((error: unknown) =>
    log.warn('join', `check-in sweep failed: ${String(error)}`),
  );
  schedule();
  return {
    sweep,
    setConfig(next) {
      config = next;
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
