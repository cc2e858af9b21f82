/**
 * Today's bookings in the day's log, kept by the hub (domain/booking/day-log.ts decides what
 * is missing): at start, at each day change, and at once after a booking for today is made,
 * moved or cancelled. And the missed booking: at its slot plus the late minutes, still not
 * checked in, the agent cancels it ('missed'). Timers are deadline-sweep.ts's.
 */
import {
  cancelMissed,
  missedAppointments,
  nextDayLogEvent,
  nextMissDeadline,
} from '../../domain/booking/day-log.ts';
import type { ConfigSource } from '../../domain/config/types.ts';
import { readConfig } from '../../domain/config/types.ts';
import { instantAt, localAt } from '../../domain/hours/wall-time.ts';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import type { Clock } from '../../sync/ports.ts';
import { startDeadlineSweep } from '../deadline-sweep.ts';
import type { Logger } from '../log.ts';
import type { BookingStore } from './booking-store.ts';

export interface BookingReplica {
  readonly state: QueueState;
  run(decide: (state: QueueState, at: number) => CommandResult): Promise<{ readonly ok: boolean }>;
  subscribe(listener: () => void): () => void;
}

export interface BookingDay {
  /** Writes what today's log is missing; resolves to the number of events written. */
  sync(): Promise<number>;
  /** Syncs, then cancels the bookings missed by now. */
  sweep(): Promise<number>;
  close(): void;
}

export function startBookingDay(deps: {
  readonly config: ConfigSource;
  readonly store: BookingStore;
  readonly replica: BookingReplica;
  readonly clock: Clock;
  readonly log: Logger;
}): BookingDay {
  const { store, replica, clock, log } = deps;
  const config = () => readConfig(deps.config);

  async function sync(): Promise<number> {
    let written = 0;
    // each write is decided again on the state it commits on; bounded by the bookings
    for (let i = 0; i <= store.bookings.size; i++) {
      const tz = config().store.timeZone;
      const outcome = await replica.run((state, at) =>
        nextDayLogEvent(store.bookings, state, tz, at),
      );
      if (!outcome.ok) break;
      written++;
    }
    if (written > 0) {
      log.info(
        'booking',
        `today's log: ${written} booking change${written === 1 ? '' : 's'} written`,
      );
    }
    return written;
  }

  async function due(): Promise<number> {
    let done = await sync();
    const cfg = config();
    for (const id of missedAppointments(cfg, replica.state, clock.now())) {
      const a = replica.state.appointments.get(id);
      const outcome = await replica.run((state, at) => cancelMissed(cfg, state, id, at));
      if (!outcome.ok || !a) continue;
      done++;
      log.info('booking', `booking ${a.code} missed: not checked in by its time`);
    }
    return done;
  }

  /** The next miss deadline, or the next local midnight (a new day's log wants its bookings). */
  function next(now: number): number | undefined {
    const cfg = config();
    const tz = cfg.store.timeZone;
    const midnight = instantAt(localAt(now, tz).day + 1, 0, tz);
    const miss = nextMissDeadline(cfg, replica.state, now);
    return miss === undefined ? midnight : Math.min(miss, midnight);
  }

  const timer = startDeadlineSweep({
    clock,
    log,
    topic: 'booking',
    name: 'booking sweep',
    subscribe: (l) => replica.subscribe(l),
    next,
    due,
  });
  return { sync, sweep: () => timer.sweep(), close: () => timer.close() };
}
