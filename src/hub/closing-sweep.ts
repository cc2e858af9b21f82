/**
 * The agent's closing time: once a service closes, each ticket still waiting for it gets a
 * `ticket.cancelled` from the agent (domain/hours/closing.ts decides which). Runs at start (a
 * hub restarted after closing still closes the line), at each service's closing, and once a
 * minute in between (a ticket that arrives late from a kiosk that was offline).
 */
import type { StoreConfig } from '../domain/config/types.ts';
import { closeAtClosing, nextClosingAfter, waitingPastClosing } from '../domain/hours/closing.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import type { QueueState } from '../domain/queue/state.ts';
import type { Clock } from '../sync/ports.ts';
import type { Logger } from './log.ts';

/** What the sweep needs of the agent's replica. */
export interface SweepReplica {
  readonly state: QueueState;
  run(decide: (state: QueueState, at: number) => CommandResult): Promise<{ ok: boolean }>;
}

export interface ClosingSweep {
  /** Closes what is past closing now; resolves to the number of tickets closed. */
  sweep(): Promise<number>;
  setConfig(config: StoreConfig): void;
  close(): void;
}

/** The longest the sweep sleeps between two looks. */
const RECHECK_MS = 60_000;

export function startClosingSweep(deps: {
  readonly config: StoreConfig;
  readonly replica: SweepReplica;
  readonly clock: Clock;
  readonly log: Logger;
}): ClosingSweep {
  const { replica, clock, log } = deps;
  let config = deps.config;
  let stopped = false;
  let cancelTimer: (() => void) | undefined;
  let running: Promise<number> | undefined;

  async function sweepOnce(): Promise<number> {
    let closed = 0;
    for (const id of waitingPastClosing(config, replica.state, clock.now())) {
      const outcome = await replica.run((state, at) => closeAtClosing(config, state, id, at));
      if (outcome.ok) closed++;
    }
    if (closed > 0) {
      log.info('hours', `closing time: ${closed} waiting ticket${closed === 1 ? '' : 's'} closed`);
    }
    return closed;
  }

  function sweep(): Promise<number> {
    // one sweep at a time: two would race to close the same tickets
    running ??= sweepOnce().finally(() => (running = undefined));
    return running;
  }

  function schedule(): void {
    cancelTimer?.();
    if (stopped) return;
    const now = clock.now();
    const closing = nextClosingAfter(config, now);
    const wait = closing === undefined ? RECHECK_MS : Math.min(RECHECK_MS, closing - now + 10);
    cancelTimer = clock.after(Math.max(0, wait), () => {
      sweep()
        .catch((error: unknown) => log.warn('hours', `closing sweep failed: ${String(error)}`))
        .finally(schedule);
    });
  }

  void sweep().catch((error: unknown) =>
    log.warn('hours', `closing sweep failed: ${String(error)}`),
  );
  schedule();
  return {
    sweep,
    setConfig(next) {
      config = next;
      schedule();
    },
    close() {
      stopped = true;
      cancelTimer?.();
    },
  };
}
