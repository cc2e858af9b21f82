import type { OnlineEstimator, Prediction } from '../portable/replay.ts';
import { LocalClock } from '../portable/time.ts';
import type { PortableEvent } from '../portable/types.ts';
import { IntervalCalibrator, type CalibrationOptions, type RawInterval } from './calibration.ts';
import { placeInLine } from './ahead.ts';
import { forwardSimulate, sampleQuantile, type ReplicationBudget } from './forward.ts';
import { priorityPlace } from '../queue/line-order.ts';
import { LineTracker, type LineSnapshot } from './line.ts';
import { WaitModel, type ModelOptions } from './model.ts';
import { hashSeed, hashString, Rng } from './rng.ts';

/**
 * The wait-time estimator: the same code on devices, on the hub and in `nextup replay`.
 *
 * - Learns online from portable-log events (`observe`): service times per service and hour
 *   of day, no-show, abandonment and transfer rates (model.ts), how remote and booked
 *   customers turn up (channels.ts), and how far its own past predictions missed
 *   (calibration.ts).
 * - Estimates by forward simulation of the current line (forward.ts): the mean and an 80%
 *   range, widened or narrowed by the learned calibration.
 *
 * For a new ticket use `estimateNew(service, now)`; for a waiting one `estimateTicket(id, now)`
 * (remaining wait). Both read the line the estimator tracked from the events it observed.
 * Apps that hold a QueueState instead can pass its line through `estimateInLine` (see
 * queue-state.ts). Every estimate is a pure function of what was observed and the query: it
 * draws from a PRNG seeded by the query, so asking twice gives the same answer.
 */

export interface WaitEstimate {
  readonly meanSec: number;
  readonly lowSec: number;
  readonly highSec: number;
  /** People the counters that can serve the ticket call before it (ahead.ts). */
  readonly ahead: number;
  /** Waiting tickets of the same service ahead (for a new ticket: all who wait for it). */
  readonly sameServiceAhead: number;
  /** Open counters serving the service. */
  readonly openCounters: number;
  /** No open counter serves the service: the estimate assumes one opens now. */
  readonly noCounter: boolean;
}

export interface WaitEstimatorOptions extends ModelOptions, CalibrationOptions {
  /** IANA time zone of the store, for hour-of-day statistics. Default UTC. */
  readonly timeZone?: string;
  readonly replications?: Partial<ReplicationBudget>;
  readonly seed?: number;
}

const DEFAULT_BUDGET: ReplicationBudget = { budget: 1800, min: 40, max: 120 };
const DAY = 86_400_000;

export class WaitEstimator implements OnlineEstimator {
  /** The line as followed from the observed events (read-only use). */
  readonly line = new LineTracker();
  private readonly clock: LocalClock;
  private readonly model: WaitModel;
  private readonly calibrator: IntervalCalibrator;
  private readonly budget: ReplicationBudget;
  private readonly seed: number;
  private readonly pending = new Map<string, { readonly raw: RawInterval; readonly at: number }>();
  private last:
    { readonly ticket: string; readonly at: number; readonly estimate: WaitEstimate } | undefined;
  private lastSweep = 0;

  constructor(options: WaitEstimatorOptions = {}) {
    this.clock = new LocalClock(options.timeZone ?? 'UTC');
    this.model = new WaitModel(options, (at) => this.clock.hourOf(at));
    this.calibrator = new IntervalCalibrator(options);
    this.budget = { ...DEFAULT_BUDGET, ...options.replications };
    this.seed = options.seed ?? 0x5eed;
  }

  /** Learns from one event. Feed events in log order. */
  observe(e: PortableEvent): void {
    if (e.type === 'ticket.issued') this.model.learnIssue(e.service, e.at, e.priority === true);
    for (const f of this.line.apply(e)) {
      this.model.learn(f);
      if (f.kind === 'waitEnded') {
        const p = this.pending.get(f.ticket);
        if (p) {
          this.pending.delete(f.ticket);
          if (!f.abandoned) this.calibrator.record(p.raw, f.waitedMs);
        }
      }
    }
    if (e.type === 'ticket.issued') {
      // Every issued ticket gets a prediction now, to learn from when it is called.
      const w = this.line.waitingTicket(e.ticket);
      if (w) {
        const { raw, estimate } = this.run(this.view(e.at), w.service, w.key, e.at, w.slotAt);
        // the calibration learns from customers who are here: a remote ticket's wait holds its
        // own way to the store, a booked one's the time to its slot
        if (!w.awaitingCheckIn && w.slotAt === undefined)
          this.pending.set(e.ticket, { raw, at: e.at });
        this.last = { ticket: e.ticket, at: e.at, estimate };
      }
      if (e.at - this.lastSweep > DAY) this.sweep(e.at);
    }
  }

  /** For the replay: the estimate of a ticket just issued (OnlineEstimator). */
  predict(ticket: string, at: number): Prediction {
    const est =
      this.last && this.last.ticket === ticket && this.last.at === at
        ? this.last.estimate
        : this.estimateTicket(ticket, at);
    if (!est) return { meanSec: NaN, lowSec: NaN, highSec: NaN };
    return { meanSec: est.meanSec, lowSec: est.lowSec, highSec: est.highSec };
  }

  /** Wait for a ticket issued now for the service (with priority: before the others). */
  estimateNew(service: string, now: number, priority = false): WaitEstimate {
    const key = priority ? priorityPlace(now) : Infinity;
    return this.run(this.view(now), service, key, now).estimate;
  }

  /** Remaining wait of a waiting ticket, or undefined if it is not waiting. */
  estimateTicket(ticket: string, now: number): WaitEstimate | undefined {
    const w = this.line.waitingTicket(ticket);
    if (!w) return undefined;
    return this.run(this.view(now), w.service, w.key, now, w.slotAt).estimate;
  }

  /**
   * Wait in a line given from outside (e.g. the device's QueueState, see queue-state.ts):
   * `key` is the ticket's place in that line, or Infinity for a ticket issued now
   * (`priorityPlace(now)` for a priority one); `slotAt` a booked customer's time.
   */
  estimateInLine(
    line: LineSnapshot,
    service: string,
    key: number,
    now: number,
    slotAt?: number,
  ): WaitEstimate {
    return this.run(line, service, key, now, slotAt).estimate;
  }

  /**
   * The tracked line the estimates read. A hook for the benchmark's full-information oracle,
   * which adds what no store knows (who will come, and when).
   */
  protected view(now: number): LineSnapshot {
    void now;
    return this.line.snapshot();
  }

  private run(
    line: LineSnapshot,
    service: string,
    key: number,
    now: number,
    slotAt?: number,
  ): { raw: RawInterval; estimate: WaitEstimate } {
    const rng = new Rng(
      hashSeed(this.seed, now, Number.isFinite(key) ? key : -1, hashString(service)),
    );
    const r = forwardSimulate(
      line,
      { now, service, key, ...(slotAt !== undefined ? { slotAt } : {}) },
      this.model,
      this.clock,
      rng,
      this.budget,
    );
    const immediate = r.samples[r.samples.length - 1] === 0;
    const raw: RawInterval = {
      mean: r.mean,
      q10: sampleQuantile(r.samples, 0.1),
      q90: sampleQuantile(r.samples, 0.9),
      immediate,
    };
    const c = this.calibrator.adjust(raw);
    return {
      raw,
      estimate: {
        meanSec: raw.mean / 1000,
        lowSec: c.low / 1000,
        highSec: c.high / 1000,
        ahead: placeInLine(line, service, key).ahead,
        sameServiceAhead: r.aheadSame,
        openCounters: r.openCounters,
        noCounter: r.noCounter,
      },
    };
  }

  /** Forgets predictions of tickets that were never called nor cancelled (a day later). */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [t, p] of this.pending) if (now - p.at > DAY) this.pending.delete(t);
  }
}
