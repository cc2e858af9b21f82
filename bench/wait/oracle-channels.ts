import type { Prediction } from '../../src/domain/portable/replay.ts';
import { APPOINTMENT_BASE } from '../../src/domain/queue/line-order.ts';
import { OracleQl, type Truth } from './baselines.ts';

/**
 * The full-information oracle of the channels scenario: the QL_m oracle (baselines.ts) told
 * what no estimator can know, who is going to turn up and when. It counts ahead of a walk-in
 * only the remote customers who will check in and the booked customers who will come (those
 * not issued yet included), and of those only the ones callable before its own predicted call
 * (three rounds of prediction and recount). The wait model has to learn these shares; this is
 * the yardstick for "estimates for walk-ins stay within 1.25x of a full-information oracle".
 */
export interface BookedArrival {
  readonly service: string;
  /** The ticket's issue (the customer's check-in), and from when it may be called, ms. */
  readonly issuedAt: number;
  readonly callableAt: number;
}

export interface ChannelTruth {
  /** Per remote or booked ticket: from when it may be called (Infinity: never comes). */
  readonly callableAt: ReadonlyMap<string, number>;
  /** Booked customers who come, by issue time. */
  readonly booked: readonly BookedArrival[];
}

export class OracleFullInfo extends OracleQl {
  private readonly byService = new Map<string, BookedArrival[]>();

  constructor(
    truth: Truth,
    private readonly channels: ChannelTruth,
  ) {
    super(truth, true);
    for (const b of channels.booked) {
      let l = this.byService.get(b.service);
      if (!l) this.byService.set(b.service, (l = []));
      l.push(b);
    }
  }

  override predict(ticket: string, at: number): Prediction {
    const w = this.line.waitingTicket(ticket);
    if (!w) return { meanSec: 0, lowSec: 0, highSec: 0 };
    let p = this.pooled(w, () => 0);
    for (let round = 0; round < 3; round++) {
      const until = at + p.meanSec * 1000;
      p = this.pooled(w, (svc) => this.callableAhead(svc, w.key, at, until));
    }
    return p;
  }

  /** Tickets (and bookings yet to come) of `svc` before `key` that are callable by `until`. */
  private callableAhead(svc: string, key: number, now: number, until: number): number {
    let n = 0;
    for (const e of this.line.waitingFor(svc)) {
      if (e.key >= key) break;
      if ((this.channels.callableAt.get(e.ticket) ?? -Infinity) <= until) n++;
    }
    if (key < APPOINTMENT_BASE) return n; // a priority ticket: bookings come after it
    const l = this.byService.get(svc) ?? [];
    let lo = 0;
    let hi = l.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (l[mid]!.issuedAt <= now) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < l.length && l[i]!.issuedAt <= until; i++)
      if (l[i]!.callableAt <= until) n++;
    return n;
  }
}
