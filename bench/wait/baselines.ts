import type { OnlineEstimator, Prediction } from '../../src/domain/portable/replay.ts';
import type { PortableEvent } from '../../src/domain/portable/types.ts';
import {
  erlangQuantile,
  gammaQuantile,
  qlmMean,
  qlmVariance,
} from '../../src/domain/wait/erlang.ts';
import { LineTracker, type WaitingEntry } from '../../src/domain/wait/line.ts';
import type { ChannelTruth } from './oracle-channels.ts';

/**
 * The published baselines (Ibrahim & Whitt 2009, 2011), as online estimators that read the
 * same portable logs through the same replay as ours.
 *
 * Oracles know the truth the simulator used: mean counter time per service (1/mu) and the
 * abandonment rate per service (theta); the number of open counters s they read from the log.
 * With several services (scenario 4) the QL oracles are "pooled": s is the number of open
 * counters serving the ticket's service, and the customers ahead are those of every service
 * those counters serve, each weighted by the share of its counters that are in that pool.
 */
export interface Truth {
  /** Mean counter time per service, ms (no-shows included). */
  readonly meanMs: Readonly<Record<string, number>>;
  /** Abandonment rate per service, per ms (0 if none). */
  readonly theta: Readonly<Record<string, number>>;
  /** Who turns up and when (the channels scenario, oracle-channels.ts). */
  readonly channels?: ChannelTruth;
}

const NO_RANGE = { lowSec: NaN, highSec: NaN };

export abstract class Tracked implements OnlineEstimator {
  protected readonly line = new LineTracker();
  protected readonly waits = new Map<string, number[]>();
  observe(e: PortableEvent): void {
    for (const f of this.line.apply(e)) {
      if (f.kind === 'waitEnded' && f.first && !f.abandoned) {
        let l = this.waits.get(f.service);
        if (!l) this.waits.set(f.service, (l = []));
        l.push(f.waitedMs);
        if (l.length > 64) l.splice(0, l.length - 10);
      }
    }
  }
  abstract predict(ticket: string, at: number): Prediction;
  protected lastWaits(service: string, n: number): number[] {
    const l = this.waits.get(service) ?? [];
    return l.slice(Math.max(0, l.length - n));
  }
}

/** Last to enter service: the wait of the last customer of the service who was called. */
export class Les extends Tracked {
  predict(ticket: string): Prediction {
    const w = this.line.waitingTicket(ticket);
    const last = w ? this.lastWaits(w.service, 1)[0] : undefined;
    return { meanSec: (last ?? 0) / 1000, ...NO_RANGE };
  }
}

/** Head of line: how long the first customer in the service's line has waited so far. */
export class Hol extends Tracked {
  predict(ticket: string, at: number): Prediction {
    const w = this.line.waitingTicket(ticket);
    if (!w) return { meanSec: 0, ...NO_RANGE };
    const head = this.line.waitingFor(w.service)[0];
    const elapsed = head && head.ticket !== ticket ? at - head.since : 0;
    return { meanSec: elapsed / 1000, ...NO_RANGE };
  }
}

/** Rolling average of the last 10 waits of the service. */
export class RollingAverage extends Tracked {
  constructor(readonly window = 10) {
    super();
  }
  predict(ticket: string): Prediction {
    const w = this.line.waitingTicket(ticket);
    const l = w ? this.lastWaits(w.service, this.window) : [];
    const mean = l.length ? l.reduce((a, b) => a + b, 0) / l.length : 0;
    return { meanSec: mean / 1000, ...NO_RANGE };
  }
}

/** Oracle QL (withAbandonment = false) and QL_m (true): Erlang / hypoexponential waits. */
export class OracleQl extends Tracked {
  constructor(
    private readonly truth: Truth,
    private readonly withAbandonment: boolean,
  ) {
    super();
  }

  predict(ticket: string, at: number): Prediction {
    const w = this.line.waitingTicket(ticket);
    if (!w) return { meanSec: 0, lowSec: 0, highSec: 0 };
    void at;
    return this.pooled(w, (svc) =>
      svc === w.service ? this.line.aheadOf(svc, w.key) : this.line.waitingCount(svc),
    );
  }

  /** The pooled prediction with `aheadIn(service)` customers of each service ahead. */
  protected pooled(w: WaitingEntry, aheadIn: (service: string) => number): Prediction {
    const counters = this.line.counters().filter((c) => c.open);
    let pool = counters.filter((c) => c.services.includes(w.service));
    if (pool.length === 0) {
      // No open counter serves the service: as our estimator, assume one opens now for it.
      const virtual = { id: '(virtual)', open: true, services: [w.service] };
      pool = [virtual];
      counters.push(virtual);
    }
    const s = pool.length;
    // customers ahead, by service, weighted by the share of that service's counters in the pool
    const poolServices = new Set(pool.flatMap((c) => c.services));
    let nEff = 0;
    let work = 0;
    let thetaSum = 0;
    for (const svc of poolServices) {
      const ahead = aheadIn(svc);
      if (ahead === 0) continue;
      const serving = counters.filter((c) => c.services.includes(svc)).length;
      const share = pool.filter((c) => c.services.includes(svc)).length / serving;
      nEff += ahead * share;
      work += ahead * share * (this.truth.meanMs[svc] ?? 0);
      thetaSum += ahead * share * (this.truth.theta[svc] ?? 0);
    }
    const idle = pool.some((c) => !c.busy);
    if (idle && nEff === 0) return { meanSec: 0, lowSec: 0, highSec: 0 };
    const own = this.truth.meanMs[w.service] ?? 0;
    // mean time per departure from the pool: the work ahead plus one more departure
    const perDeparture = (work + own) / (nEff + 1);
    const mu = 1 / perDeparture;
    const n = Math.round(nEff);
    if (!this.withAbandonment) {
      const rate = s * mu;
      const k = n + 1;
      return {
        meanSec: k / rate / 1000,
        lowSec: erlangQuantile(k, rate, 0.1) / 1000,
        highSec: erlangQuantile(k, rate, 0.9) / 1000,
      };
    }
    const theta = nEff > 0 ? thetaSum / nEff : 0;
    const m = qlmMean(n, s, mu, theta);
    const v = qlmVariance(n, s, mu, theta);
    const shape = (m * m) / v;
    const rate = m / v;
    return {
      meanSec: m / 1000,
      lowSec: gammaQuantile(shape, rate, 0.1) / 1000,
      highSec: gammaQuantile(shape, rate, 0.9) / 1000,
    };
  }
}
