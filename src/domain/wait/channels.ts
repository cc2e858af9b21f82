import type { LineFact } from './line.ts';
import { DurationShape } from './shape.ts';

/**
 * What the wait model learns about customers who are not in the store yet, per service and
 * apart from everything else: the share of remote tickets that must check in and do (against
 * those dropped for never checking in) and how long after the issue they check in; the share
 * of booked times whose customer comes (against those cancelled as missed).
 *
 * Honesty rule: a wait is never rosier than the store can deliver. With nothing learned yet,
 * every remote customer and every booking is assumed to come, at once (what the estimator did
 * before it knew the channels); the learned shares move away from that only as evidence comes
 * in (a prior worth SHOW_PRIOR customers who came, and a check-in delay shrunk towards zero).
 */
const SHOW_PRIOR = 5;
const DELAY_PRIOR = 2;
/** Check-ins seen before their delays tell whether a late one still comes. */
const LEARNED = 30;
/** Booked customers' check-ins are measured from this long before their slot. */
export const BOOKED_LEAD_MS = 30 * 60_000;

/** Exponentially weighted counts of customers who came and who did not. */
class Shows {
  came = 0;
  total = 0;
  constructor(private readonly memory: number) {}
  add(came: boolean): void {
    const keep = 1 - 1 / this.memory;
    this.came = this.came * keep + (came ? 1 : 0);
    this.total = this.total * keep + 1;
  }
  get p(): number {
    return (this.came + SHOW_PRIOR) / (this.total + SHOW_PRIOR);
  }
}

interface ServiceChannels {
  readonly remote: Shows;
  readonly booked: Shows;
  delayW: number;
  delaySum: number;
  readonly delayShape: DurationShape;
  leadW: number;
  leadSum: number;
  readonly leadShape: DurationShape;
}

export class ChannelRates {
  private readonly byService = new Map<string, ServiceChannels>();

  constructor(private readonly memory = 500) {}

  learn(f: LineFact): void {
    if (f.kind === 'checkInEnded') {
      const c = this.of(f.service);
      c.remote.add(f.checkedIn);
      if (!f.checkedIn || !(f.delayMs >= 0)) return;
      const mean = this.checkInMeanMs(f.service);
      if (mean > 0) c.delayShape.add(f.delayMs / mean);
      const keep = 1 - 1 / this.memory;
      c.delayW = c.delayW * keep + 1;
      c.delaySum = c.delaySum * keep + f.delayMs;
    } else if (f.kind === 'appointmentEnded') {
      const c = this.of(f.service);
      c.booked.add(f.showed);
      if (!f.showed || f.offsetMs === undefined) return;
      // as a duration from BOOKED_LEAD_MS before the slot (a customer earlier still: 0)
      const lead = Math.max(0, f.offsetMs + BOOKED_LEAD_MS);
      const mean = this.bookedLeadMeanMs(f.service);
      if (mean > 0) c.leadShape.add(lead / mean);
      const keep = 1 - 1 / this.memory;
      c.leadW = c.leadW * keep + 1;
      c.leadSum = c.leadSum * keep + lead;
    }
  }

  private of(service: string): ServiceChannels {
    let c = this.byService.get(service);
    if (!c) {
      c = {
        remote: new Shows(this.memory),
        booked: new Shows(this.memory),
        delayW: 0,
        delaySum: 0,
        delayShape: new DurationShape(500),
        leadW: 0,
        leadSum: 0,
        leadShape: new DurationShape(500),
      };
      this.byService.set(service, c);
    }
    return c;
  }

  /** Probability that a remote ticket awaiting its check-in checks in (1 until learned). */
  remoteShowProb(service: string): number {
    return this.byService.get(service)?.remote.p ?? 1;
  }

  /** Mean time from a remote ticket's issue to its check-in, ms (0 until learned). */
  checkInMeanMs(service: string): number {
    const c = this.byService.get(service);
    return c ? c.delaySum / (c.delayW + DELAY_PRIOR) : 0;
  }

  /** Enough check-ins seen to judge from a ticket's delay so far whether it still comes. */
  checkInLearned(service: string): boolean {
    return (this.byService.get(service)?.delayW ?? 0) >= LEARNED;
  }

  /** The shape of check-in delays (exponential until enough are seen). */
  checkInShape(service: string): DurationShape {
    return this.of(service).delayShape;
  }

  /** Probability that a booked customer comes (1 until learned). */
  bookedShowProb(service: string): number {
    return this.byService.get(service)?.booked.p ?? 1;
  }

  /**
   * Booked customers' check-ins, as a duration from BOOKED_LEAD_MS before their slot: the mean
   * (ms), its shape, and whether enough were seen to use them (until then a booked customer
   * is taken to come at the earliest time they may be called).
   */
  bookedLeadMeanMs(service: string): number {
    const c = this.byService.get(service);
    return c && c.leadW > 0 ? c.leadSum / c.leadW : 0;
  }

  bookedLeadShape(service: string): DurationShape {
    return this.of(service).leadShape;
  }

  bookedLeadLearned(service: string): boolean {
    return (this.byService.get(service)?.leadW ?? 0) >= LEARNED;
  }

  refresh(services: Iterable<string>): void {
    for (const s of services) {
      this.byService.get(s)?.delayShape.refresh();
      this.byService.get(s)?.leadShape.refresh();
    }
  }
}
