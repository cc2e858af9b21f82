import { ChannelRates } from './channels.ts';
import type { LineFact } from './line.ts';
import { DurationShape } from './shape.ts';

/**
 * What the estimator learns from history, online: per service, the time a counter spends on a
 * customer (mean per hour of day, shrunk towards the service's overall mean by how much the
 * hours really differ; shape of the distribution), the no-show rate and the time a no-show
 * costs, the abandonment rate of waiting customers, where transfers go, and (channels.ts) how
 * remote and booked customers turn up.
 */

/** Exponentially weighted mean and variance with a memory of about `memory` observations. */
class Ew {
  w = 0;
  s1 = 0;
  s2 = 0;
  constructor(readonly memory: number) {}
  add(x: number, weight = 1): void {
    const keep = 1 - weight / this.memory;
    this.w = this.w * keep + weight;
    this.s1 = this.s1 * keep + weight * x;
    this.s2 = this.s2 * keep + weight * x * x;
  }
  get mean(): number {
    return this.s1 / this.w;
  }
  get variance(): number {
    const m = this.s1 / this.w;
    return Math.max(0, this.s2 / this.w - m * m);
  }
}

const HOURS = 24;

class ServiceTimes {
  readonly all: Ew;
  readonly hours: Ew[];
  readonly shape = new DurationShape();
  private cache: Float64Array | undefined;

  constructor(
    readonly priorMs: number,
    readonly priorWeight: number,
    memory: number,
    hourMemory: number,
  ) {
    this.all = new Ew(memory);
    this.hours = Array.from({ length: HOURS }, () => new Ew(hourMemory));
  }

  add(hour: number, ms: number): void {
    const before = this.meanAt(hour);
    this.shape.add(ms / before);
    this.all.add(ms);
    this.hours[hour]!.add(ms);
    this.cache = undefined;
  }

  /** Overall mean, with the configured prior worth `priorWeight` observations. */
  private get overall(): number {
    return (this.all.s1 + this.priorWeight * this.priorMs) / (this.all.w + this.priorWeight);
  }

  /**
   * Empirical Bayes: each hour's mean is pulled towards the overall mean with weight
   * tau^2 / (tau^2 + sigma^2 / n_h), where tau^2 is the variance of the true hourly means
   * (method of moments over the hours seen) and sigma^2 / n_h the sampling noise of one hour.
   * Hours are told apart only when they differ beyond chance (chi-square test at 1%), so a
   * service whose times do not depend on the hour pools all its data.
   */
  private hourlyMeans(): Float64Array {
    if (this.cache) return this.cache;
    const overall = this.overall;
    const sigma2 = this.all.w > 1 ? this.all.variance : overall * overall;
    let k = 0;
    let excess = 0;
    let chi2 = 0;
    for (const h of this.hours) {
      if (h.w < 10) continue;
      const d = h.mean - overall;
      const v = sigma2 / h.w;
      excess += d * d - v;
      chi2 += (d * d) / v;
      k++;
    }
    const differ = k >= 2 && chi2 > k + 2.33 * Math.sqrt(2 * k);
    const tau2 = differ ? Math.max(0, excess / k) : 0;
    const out = new Float64Array(HOURS);
    for (let i = 0; i < HOURS; i++) {
      const h = this.hours[i]!;
      if (h.w <= 0 || tau2 === 0) {
        out[i] = overall;
        continue;
      }
      const weight = tau2 / (tau2 + sigma2 / h.w);
      out[i] = overall + weight * (h.mean - overall);
    }
    this.cache = out;
    return out;
  }

  meanAt(hour: number): number {
    return this.hourlyMeans()[hour] ?? this.overall;
  }
}

/** Exponentially weighted rate of events per unit of exposure. */
class EwRate {
  events = 0;
  exposure = 0;
  constructor(readonly memory: number) {}
  add(event: boolean, exposure: number): void {
    const keep = 1 - 1 / this.memory;
    this.events = this.events * keep + (event ? 1 : 0);
    this.exposure = this.exposure * keep + exposure;
  }
}

export interface ModelOptions {
  /** Prior mean time at the counter per service, seconds (kiosk-config `avgServiceSec`). */
  readonly serviceSec?: Readonly<Record<string, number>>;
  /** Prior for services without one, seconds. */
  readonly defaultServiceSec?: number;
  /** Memory of the overall service-time mean, in visits. */
  readonly memory?: number;
  /** Memory of each hour's service-time mean, in visits. */
  readonly hourMemory?: number;
  /** Memory of the no-show, abandonment and transfer rates, in customers. */
  readonly rateMemory?: number;
}

interface ServiceRates {
  readonly noShow: EwRate; // events = no-shows, exposure = calls
  readonly abandon: EwRate; // events = abandonments, exposure = ms waited
  readonly transfer: EwRate; // events = transfers, exposure = visits
  readonly targets: Map<string, number>;
}

export class WaitModel {
  private readonly times = new Map<string, ServiceTimes>();
  private readonly rates = new Map<string, ServiceRates>();
  private readonly noShowAll: EwRate;
  private readonly abandonAll: EwRate;
  private readonly noShowTime: Ew;
  /** Priority tickets issued per service: events = priority issues, exposure = ms. */
  private readonly priority = new Map<string, EwRate>();
  private lastIssueAt = NaN;
  /** Remote check-ins and booked customers who come (channels.ts). */
  readonly channels = new ChannelRates();
  readonly noShowShape = new DurationShape(500);
  private readonly memory: number;
  private readonly hourMemory: number;
  private readonly rateMemory: number;

  constructor(
    private readonly options: ModelOptions,
    private readonly hourOf: (at: number) => number,
  ) {
    this.memory = options.memory ?? 4000;
    this.hourMemory = options.hourMemory ?? 1500;
    this.rateMemory = options.rateMemory ?? 1000;
    this.noShowAll = new EwRate(this.rateMemory);
    this.abandonAll = new EwRate(this.rateMemory * 3);
    this.noShowTime = new Ew(500);
  }

  learn(f: LineFact): void {
    if (f.kind === 'checkInEnded' || f.kind === 'appointmentEnded') {
      this.channels.learn(f);
      return;
    }
    const r = this.ratesOf(f.service);
    if (f.kind === 'waitEnded') {
      // a remote customer who never came did not lose patience in the line: channels.ts
      if (!f.first || f.noCheckIn) return;
      r.abandon.add(f.abandoned, f.waitedMs);
      this.abandonAll.add(f.abandoned, f.waitedMs);
      return;
    }
    if (f.durationMs < 0) return;
    const noShow = f.outcome === 'noShow';
    r.noShow.add(noShow, 1);
    this.noShowAll.add(noShow, 1);
    if (noShow) {
      this.noShowShape.add(f.durationMs / this.noShowMeanMs);
      this.noShowTime.add(f.durationMs);
      return;
    }
    this.timesOf(f.service).add(this.hourOf(f.calledAt), f.durationMs);
    const transferred = f.outcome === 'transferred' && f.toService !== undefined;
    r.transfer.add(transferred, 1);
    if (transferred) {
      const keep = 1 - 1 / this.rateMemory;
      for (const [k, v] of r.targets) r.targets.set(k, v * keep);
      r.targets.set(f.toService, (r.targets.get(f.toService) ?? 0) + 1);
    }
  }

  /**
   * Every issue, for the rate of priority tickets (which go before those already waiting).
   * Gaps over 15 minutes (closed hours) count as 15 minutes.
   */
  learnIssue(service: string, at: number, priority: boolean): void {
    const dt = Number.isNaN(this.lastIssueAt)
      ? 0
      : Math.min(15 * 60_000, Math.max(0, at - this.lastIssueAt));
    this.lastIssueAt = at;
    if (!this.priority.has(service)) this.priority.set(service, new EwRate(this.rateMemory));
    for (const [s, r] of this.priority) r.add(priority && s === service, dt);
  }

  /** Priority tickets issued per ms for the service (0 until one is seen). */
  priorityRate(service: string): number {
    const r = this.priority.get(service);
    return r && r.events > 0 ? r.events / (r.exposure + 3_600_000) : 0;
  }

  private timesOf(service: string): ServiceTimes {
    let t = this.times.get(service);
    if (!t) {
      const prior =
        (this.options.serviceSec?.[service] ?? this.options.defaultServiceSec ?? 300) * 1000;
      t = new ServiceTimes(prior, 5, this.memory, this.hourMemory);
      this.times.set(service, t);
    }
    return t;
  }

  private ratesOf(service: string): ServiceRates {
    let r = this.rates.get(service);
    if (!r) {
      r = {
        noShow: new EwRate(this.rateMemory),
        abandon: new EwRate(this.rateMemory * 3),
        transfer: new EwRate(this.rateMemory),
        targets: new Map(),
      };
      this.rates.set(service, r);
    }
    return r;
  }

  /** Mean time a counter spends on a customer who shows up, ms, at a local hour. */
  serviceMeanMs(service: string, hour: number): number {
    return this.timesOf(service).meanAt(hour);
  }

  serviceShape(service: string): DurationShape {
    return this.timesOf(service).shape;
  }

  /** Observed visits of a service (weighted), for diagnostics. */
  serviceCount(service: string): number {
    return this.times.get(service)?.all.w ?? 0;
  }

  /** Probability that a called customer does not show up. */
  noShowProb(service: string): number {
    const g = this.noShowAll;
    const global = (g.events + 0.2) / (g.exposure + 20);
    const r = this.ratesOf(service).noShow;
    return (r.events + 20 * global) / (r.exposure + 20);
  }

  /** Mean time a counter loses on a no-show, ms. */
  get noShowMeanMs(): number {
    const t = this.noShowTime;
    return (t.s1 + 3 * 60_000) / (t.w + 3);
  }

  /** Abandonment rate of waiting customers, per ms (hazard: abandonments / time waited). */
  abandonRate(service: string): number {
    const g = this.abandonAll;
    const priorExposure = 3_600_000; // an hour of waiting
    const global = g.events / (g.exposure + priorExposure);
    const r = this.ratesOf(service).abandon;
    return (r.events + global * priorExposure) / (r.exposure + priorExposure);
  }

  /** Probability that a visit ends in a transfer, and the targets with their weights. */
  transfers(service: string): {
    readonly p: number;
    readonly targets: ReadonlyMap<string, number>;
  } {
    const r = this.ratesOf(service);
    return { p: r.transfer.events / (r.transfer.exposure + 20), targets: r.targets };
  }

  /** Rebuild sorted samplers before a batch of predictions. */
  refresh(services: Iterable<string>): void {
    for (const s of services) this.timesOf(s).shape.refresh();
    this.channels.refresh(services);
    this.noShowShape.refresh();
  }
}
