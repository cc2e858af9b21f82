import { wallOf } from '../clock/hlc.ts';
import {
  compareEvents,
  type StoreEvent,
  type TicketChannel,
  type WaitPromise,
} from '../queue/events.ts';
import { applyEvent, noteRefusals } from '../queue/fold.ts';
import { emptyState } from '../queue/state.ts';
import { FINAL_STEPS, type Satisfaction, type VisitStep } from '../visit/types.ts';

/**
 * A store day's rollup: one small record per ticket issued that day and per visit started that
 * day, plus how many counters were open each hour. Reports filter and group these records at
 * query time, so every figure is exact (p90 included) and a year (150,000 tickets) still
 * answers in milliseconds. Built once per closed day file and cached by the hub.
 *
 * Times are the hybrid logical clock's wall part of each event, and events are applied in the
 * log's total order (compareEvents), the same order as the live queue, so a report never
 * disagrees with what the screens showed. The clock never runs backwards along a causal chain
 * (a clerk's call comes after the issue it saw), so a skewed tablet cannot make a wait
 * negative; durations are still clamped at 0 as a last guard.
 */
export const ROLLUP_VERSION = 3;

/**
 * How a ticket ended: served, no-show, left (the customer cancelled), closed by the store at
 * closing, dropped for not checking in (a phone ticket), or still open when the log ends.
 */
export type Outcome = 'served' | 'noShow' | 'left' | 'closed' | 'noCheckIn' | 'open';

export interface TicketFact {
  /** Hour of issue on the store's clock, 0..23. */
  readonly hour: number;
  /** The service the customer took a ticket for. */
  readonly service: string;
  /** Counter and clerk of the first call ('' when never called). */
  readonly counter: string;
  readonly clerk: string;
  /** Issue to first call, whole seconds; null when never called. */
  readonly waitSec: number | null;
  /** Last call to completion, whole seconds; null unless served. */
  readonly serviceSec: number | null;
  readonly outcome: Outcome;
  /** Never called (left or open): how long the customer had waited when the log lost them. */
  readonly leftAfterSec: number | null;
  /**
   * The wait the kiosk showed at issue (the accuracy audit); undefined when none was shown
   * (the key is always there: one shape for every record).
   */
  readonly promised: WaitPromise | undefined;
  /** Where the ticket was taken: kiosk, phone or appointment (reports split by channel). */
  readonly channel: TicketChannel;
  /** Issue to check-in at the store, whole seconds; null when it never needed or got one. */
  readonly checkInSec: number | null;
}

export interface VisitFact {
  readonly hour: number;
  readonly clerk: string;
  readonly counter: string;
  /** Seconds spent in each step (greeting to thanks), summed over the visit. */
  readonly steps: Readonly<Partial<Record<VisitStep, number>>>;
  readonly satisfaction?: Satisfaction;
  readonly nps?: number;
}

export interface DayRollup {
  readonly version: number;
  readonly day: string;
  readonly tickets: readonly TicketFact[];
  readonly visits: readonly VisitFact[];
  /**
   * Mean number of counters open in each hour of the day (counter-minutes over the minutes of
   * the hour that have passed), 24 entries; null for an hour that had not begun when the rollup was built (today's later hours) or that
   * the store's clock skipped (the hour a daylight-saving change leaves out). Such an hour has
   * no figure: counting it as 0 pulled the average of several days down.
   */
  readonly openCounters: readonly (number | null)[];
  /**
   * Whether a ticket or visit of this day was still unfinished at the end of its own day file,
   * so that the next day's file completes it (the hub then keys its cache on both files).
   */
  readonly needsNextDay: boolean;
}

export interface RollupOptions {
  readonly day: string;
  readonly timeZone: string;
  /** First moment of the store day and of the next one (ms): for counter hours. */
  readonly dayStart: number;
  readonly dayEnd: number;
  /**
   * Where the history ends, when that is inside the day (now, for today): a counter still open
   * counts until here, not until midnight, and later hours have no figure yet.
   */
  readonly until?: number;
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** Hour of the day (0..23) on the store's clock. */
export function hourOf(ms: number, timeZone: string): number {
  let f = hourFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormatters.set(timeZone, f);
  }
  return Number(f.format(ms)) % 24;
}

const secs = (ms: number): number => Math.max(0, Math.round(ms / 1000));

interface TicketTrack {
  /** The service at issue: a transfer changes the ticket's, reports keep the customer's choice. */
  readonly service: string;
  readonly promised: WaitPromise | undefined;
  firstCallAt?: number;
  counter: string;
  clerk: string;
}

/**
 * Folds one day's events (and, to finish its tickets and visits, the next day's) into the
 * day's rollup. A ticket belongs to the day it was issued, even when it is called after
 * midnight; the next day's events only complete this day's tickets and visits.
 */
export function buildDayRollup(
  dayEvents: readonly StoreEvent[],
  nextDayEvents: readonly StoreEvent[],
  opts: RollupOptions,
): DayRollup {
  const state = emptyState();
  // events the store agent refused never happened, as far as reports go
  noteRefusals(state, [...dayEvents, ...nextDayEvents]);
  const track = new Map<string, TicketTrack>();
  /** Clerk of a visit: staff signed in on its device when it started, else the device. */
  const visitClerk = new Map<string, string>();
  const counterSpans: { counter: string; from: number; to: number }[] = [];
  const openSince = new Map<string, number>();

  const staffOf = (device: string): string => state.staffOn.get(device) ?? device;
  const step = (e: StoreEvent, ownDay: boolean): void => {
    if (state.refused.has(e.id)) return;
    if (e.type === 'visit.step' && !state.visits.has(e.visit)) {
      if (!ownDay) return;
      visitClerk.set(e.visit, state.staffOn.get(e.device) ?? e.clerk);
    }
    applyEvent(state, e);
    const at = wallOf(e.hlc);
    if (e.type === 'ticket.issued' && ownDay) {
      if (!track.has(e.ticket)) {
        const promised = e.promised;
        track.set(e.ticket, { service: e.service, promised, counter: '', clerk: '' });
      }
    } else if (e.type === 'ticket.called') {
      const t = state.tickets.get(e.ticket);
      const tr = track.get(e.ticket);
      // the call counts only if the fold accepted it (a lost race is a conflict, not a call)
      if (t && tr && t.calledAt === at && t.calledBy === e.device && t.counter === e.counter) {
        if (tr.firstCallAt === undefined) {
          tr.firstCallAt = at;
          tr.counter = e.counter;
          tr.clerk = staffOf(e.device);
        }
      }
    } else if (ownDay && e.type === 'counter.opened') {
      if (!openSince.has(e.counter)) openSince.set(e.counter, at);
    } else if (ownDay && e.type === 'counter.closed') {
      const from = openSince.get(e.counter);
      if (from !== undefined) counterSpans.push({ counter: e.counter, from, to: at });
      openSince.delete(e.counter);
    }
  };

  for (const e of [...dayEvents].sort(compareEvents)) step(e, true);
  const unfinished = (): boolean =>
    [...state.tickets.values()].some(
      (t) => t.status === 'waiting' || t.status === 'called' || t.status === 'serving',
    ) || [...state.visits.values()].some((v) => !FINAL_STEPS.includes(v.step));
  const needsNextDay = unfinished();
  if (needsNextDay) {
    for (const e of [...nextDayEvents].sort(compareEvents)) {
      const own =
        ('ticket' in e &&
          e.type !== 'visit.step' &&
          e.type !== 'visit.note' &&
          track.has(e.ticket)) ||
        ((e.type === 'visit.step' || e.type === 'visit.feedback' || e.type === 'visit.note') &&
          state.visits.has(e.visit)) ||
        e.type === 'staff.signedIn' ||
        e.type === 'staff.signedOut';
      if (own) step(e, false);
    }
  }
  const end = Math.min(opts.dayEnd, opts.until ?? opts.dayEnd);
  for (const [counter, from] of openSince) {
    counterSpans.push({ counter, from, to: end });
  }

  const chunks = hourChunks(opts.dayStart, opts.dayEnd, opts.timeZone);
  const hour = (ms: number): number => {
    const i = Math.floor((ms - opts.dayStart) / HOUR_MS);
    return i >= 0 && i < chunks.length ? chunks[i]! : hourOf(ms, opts.timeZone);
  };
  let lastAt = opts.dayStart;
  for (const e of dayEvents) lastAt = Math.max(lastAt, wallOf(e.hlc));
  const tickets: TicketFact[] = [];
  for (const t of state.tickets.values()) {
    const tr = track.get(t.id);
    if (!tr) continue;
    const outcome: Outcome =
      t.status === 'done'
        ? 'served'
        : t.status === 'noShow'
          ? 'noShow'
          : t.status === 'cancelled'
            ? (t.cancelReason ?? 'left')
            : 'open';
    const waitSec = tr.firstCallAt !== undefined ? secs(tr.firstCallAt - t.issuedAt) : null;
    const fact: TicketFact = {
      hour: hour(t.issuedAt),
      service: tr.service,
      counter: tr.counter,
      clerk: tr.clerk,
      waitSec,
      serviceSec:
        outcome === 'served' && t.calledAt !== undefined && t.endedAt !== undefined
          ? secs(t.endedAt - t.calledAt)
          : null,
      outcome,
      // one shape for every record: reports run over a year of them
      leftAfterSec:
        waitSec !== null
          ? null
          : (outcome === 'left' || outcome === 'closed') && t.endedAt !== undefined
            ? secs(t.endedAt - t.issuedAt)
            : outcome === 'open'
              ? secs(lastAt - t.issuedAt)
              : null,
      promised: tr.promised,
      channel: t.channel ?? 'kiosk',
      checkInSec: t.checkedInAt !== undefined ? secs(t.checkedInAt - t.issuedAt) : null,
    };
    tickets.push(fact);
  }

  const visits: VisitFact[] = [];
  for (const v of state.visits.values()) {
    const clerk = visitClerk.get(v.id);
    if (clerk === undefined) continue;
    const steps: Partial<Record<VisitStep, number>> = {};
    for (let i = 0; i + 1 < v.steps.length; i++) {
      const s = v.steps[i]!;
      steps[s.step] = (steps[s.step] ?? 0) + secs(v.steps[i + 1]!.at - s.at);
    }
    const first = v.steps[0]!;
    visits.push({
      hour: hour(first.at),
      clerk,
      counter: v.counter ?? '',
      steps,
      ...(v.feedback ? { satisfaction: v.feedback.satisfaction } : {}),
      ...(v.feedback?.nps !== undefined ? { nps: v.feedback.nps } : {}),
    });
  }

  return {
    version: ROLLUP_VERSION,
    day: opts.day,
    tickets,
    visits,
    openCounters: openCounterHours(counterSpans, opts, chunks),
    needsNextDay,
  };
}

const HOUR_MS = 3_600_000;

/**
 * The day cut into clock-hour chunks, each with its hour on the store's clock (a DST day has
 * 23 or 25 chunks). Time zones change their offset on whole hours, so one look-up per chunk
 * serves every moment in it.
 */
export function hourChunks(dayStart: number, dayEnd: number, timeZone: string): number[] {
  const out: number[] = [];
  for (let t = dayStart; t < dayEnd; t += HOUR_MS) out.push(hourOf(t, timeZone));
  return out;
}

function openCounterHours(
  spans: readonly { from: number; to: number }[],
  opts: RollupOptions,
  chunks: readonly number[],
): (number | null)[] {
  const ms = new Array<number>(24).fill(0);
  const end = Math.min(opts.dayEnd, opts.until ?? opts.dayEnd);
  // How much of each hour of the store's clock has passed: a whole hour, the part of the
  // current one, two hours for the hour a daylight-saving change repeats, none for one it skips
  // or one still to come (no figure then).
  const passed = new Array<number>(24).fill(0);
  chunks.forEach((h, i) => {
    const from = opts.dayStart + i * HOUR_MS;
    passed[h]! += Math.max(0, Math.min(from + HOUR_MS, opts.dayEnd, end) - from);
  });
  for (const span of spans) {
    const from = Math.max(span.from, opts.dayStart);
    const to = Math.min(span.to, end);
    for (let i = 0; i < chunks.length; i++) {
      const a = Math.max(from, opts.dayStart + i * HOUR_MS);
      const b = Math.min(to, opts.dayStart + (i + 1) * HOUR_MS, end);
      if (b > a) ms[chunks[i]!]! += b - a;
    }
  }
  return ms.map((m, h) => (passed[h]! > 0 ? Math.round((m / passed[h]!) * 100) / 100 : null));
}
