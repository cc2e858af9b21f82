import type { Prediction } from '../../src/domain/portable/replay.ts';
import { APPOINTMENT_BASE } from '../../src/domain/queue/line-order.ts';
import { WaitEstimator } from '../../src/domain/wait/estimator.ts';
import type { LineSnapshot } from '../../src/domain/wait/line.ts';
import { OracleQl, type Truth } from './baselines.ts';

/**
 * Full-information oracles of the channels scenario, told what no store knows: who is going to
 * turn up and when. The wait model has to learn these shares; the oracles are the yardstick
 * for "estimates for walk-ins stay within 1.25x of a full-information oracle".
 *
 * - OracleSimFullInfo ('full-info oracle', the target's): our own estimator, its simulation told
 *   each remote customer's check-in (or that they never come) and which booked customers come
 *   and when they can be called, instead of the learned shares and delays. The difference is
 *   exactly what not knowing the channels costs.
 * - OracleQlFullInfo ('full-info QL_m'): the QL_m oracle (baselines.ts) counting ahead of a
 *   walk-in only the remote and booked customers who will come and be callable before its own
 *   predicted call (three rounds of prediction and recount).
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
  /** Per booking whose customer comes: from when they may be called. */
  readonly appointments: ReadonlyMap<string, number>;
}

export class OracleSimFullInfo extends WaitEstimator {
  constructor(private readonly channels: ChannelTruth) {
    super();
  }

  protected override view(now: number): LineSnapshot {
    const line = super.view(now);
    const known = this.channels;
    return {
      ...line,
      waiting: line.waiting.flatMap((w) => {
        const at = w.awaitingCheckIn ? known.callableAt.get(w.ticket) : undefined;
        if (at === undefined) return [w];
        return at === Infinity ? [] : [{ ...w, callableAt: at }];
      }),
      booked: (line.booked ?? []).flatMap((b) => {
        const at = known.appointments.get(b.appointment);
        return at === undefined ? [] : [{ ...b, callableAt: at }];
      }),
    };
  }
}

export class OracleQlFullInfo extends OracleQl {
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
