/**
 * The check-in grace time on the hub: a phone ticket that had to check in and did not by its
 * deadline gets a `ticket.cancelled` (reason 'noCheckIn') from the agent; domain/join/grace.ts
 * decides which and when; the timer is deadline-sweep.ts's.
 */
import type { StoreConfig } from '../domain/config/types.ts';
import { dropUncheckedIn, nextCheckInDeadline, overdueCheckIns } from '../domain/join/grace.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import type { QueueState } from '../domain/queue/state.ts';
import type { Clock } from '../sync/ports.ts';
import { startDeadlineSweep } from './deadline-sweep.ts';
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

export function startCheckInSweep(deps: {
  readonly config: StoreConfig;
  readonly replica: CheckInReplica;
  readonly clock: Clock;
  readonly log: Logger;
}): CheckInSweep {
  const { replica, clock, log } = deps;
  let config = deps.config;

  async function due(): Promise<number> {
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

  const timer = startDeadlineSweep({
    clock,
    log,
    topic: 'join',
    name: 'check-in sweep',
    subscribe: (l) => replica.subscribe(l),
    next: (now) => nextCheckInDeadline(config, replica.state, now),
    due,
  });
  return {
    sweep: () => timer.sweep(),
    setConfig(next) {
      config = next;
      timer.rearm();
    },
    close: () => timer.close(),
  };
}
