import type { StoreConfig } from '../../../domain/config/types.ts';
import type { CommandResult } from '../../../domain/queue/commands.ts';
import { ticketAtCounter } from '../../../domain/queue/selectors.ts';
import type { Alert, QueueState } from '../../../domain/queue/state.ts';
import { alertForVisit } from '../../../domain/visit/alerts.ts';
import {
  acknowledgeAlert,
  raiseManagerAlert,
  recordVisitFeedback,
  recordVisitNote,
  recordVisitStep,
} from '../../../domain/visit/commands.ts';
import { ticketCommandForVisitEnd, visitEventForTicket } from '../../../domain/visit/link.ts';
import {
  moreActions,
  nextActions,
  sideActions,
  type NextAction,
} from '../../../domain/visit/next-actions.ts';
import { emptyParking, parkingReducer, type Parking } from '../../../domain/visit/parking.ts';
import {
  persistVisit,
  resumeVisit,
  startVisit,
  type VisitActor,
  type VisitClock,
} from '../../../domain/visit/persist.ts';
import { visitSettings } from '../../../domain/visit/settings.ts';
import { stepOf, stepsSince } from '../../../domain/visit/steps.ts';
import type {
  VisitContext,
  VisitEvent,
  VisitEventType,
  VisitStep,
  VisitTicket,
} from '../../../domain/visit/types.ts';
import type { VisitRow } from '../../../data/db.ts';
import type { RunOutcome } from '../../runtime/types.ts';

/**
 * The clerk's visits on this handheld: one live visit machine per customer, one on screen and
 * the others parked. Every transition is saved (the machine's persisted snapshot, in IndexedDB)
 * and then written to the store's event log (one `visit.step` per step, the rating, the manager
 * alert). The order matters: the snapshot is the truth, the log is derived from it and written
 * idempotently, so a reload between the two writes only what is missing.
 *
 * Screens read `getView()` and call the methods below; the rules live in src/domain/visit.
 */
export interface DeskRuntime {
  readonly deviceId: string;
  readonly config: StoreConfig;
  run(decide: (state: QueueState) => CommandResult): Promise<RunOutcome>;
  subscribe(listener: () => void): () => void;
  getSnapshot(): { readonly state: QueueState };
}

export interface DeskStore {
  load(now: number): Promise<{ rows: VisitRow[]; parking: Parking }>;
  save(row: VisitRow, parking?: Parking): Promise<void>;
  saveParking(parking: Parking): Promise<void>;
}

/** What the screen shows of one visit. */
export interface VisitCard {
  readonly id: string;
  readonly ticket: VisitTicket | null;
  readonly step: VisitStep;
  readonly final: boolean;
  readonly context: VisitContext;
  /** The one or two main buttons. */
  readonly next: readonly NextAction[];
  /** Other forward steps possible now, as smaller buttons. */
  readonly more: readonly VisitEventType[];
  /** Exits: get a manager, transfer, customer left. */
  readonly side: readonly VisitEventType[];
  /** The manager alert of this visit, as the store's log knows it. */
  readonly alert: Alert | undefined;
}

export interface DeskView {
  readonly ready: boolean;
  readonly active: VisitCard | null;
  readonly parked: readonly VisitCard[];
  /** The visit that ended last on this screen, until another starts or it is dismissed. */
  readonly finished: VisitCard | null;
  /** Counts re-check reminders that became due: the screen sounds one nudge per increase. */
  readonly nudges: number;
  /** Ids of visits (active or parked) whose re-check is due now. */
  readonly due: readonly string[];
  /** How long restoring the saved visits took at start (ms), for the benchmark. */
  readonly restoreMs: number | null;
}

export interface DeskOptions {
  readonly runtime: DeskRuntime;
  readonly store: DeskStore;
  readonly counter: string;
  /** Wall clock for event stamps; the machine's timers run on `clock` (real timers if absent). */
  readonly now?: () => number;
  readonly clock?: VisitClock;
  readonly newId?: (prefix: 'v' | 'al') => string;
  readonly onError?: (what: string, error: unknown) => void;
}

interface LiveVisit {
  readonly id: string;
  readonly actor: VisitActor;
  row: VisitRow;
  due: boolean;
  unsubscribe: () => void;
}

type EventInput = VisitEvent extends infer E ? (E extends unknown ? Omit<E, 'at'> : never) : never;

export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** What the screen shows until the saved visits are back. */
export const EMPTY_VIEW: DeskView = {
  ready: false,
  active: null,
  parked: [],
  finished: null,
  nudges: 0,
  due: [],
  restoreMs: null,
};

export class VisitDesk {
  private readonly live = new Map<string, LiveVisit>();
  /** Calls of tickets that already had a visit here (open or finished): never started twice. */
  private readonly callsSeen = new Set<string>();
  private parking: Parking = emptyParking;
  private finished: VisitCard | null = null;
  private nudges = 0;
  private ready = false;
  private closed = false;
  private restoreMs: number | null = null;
  private view: DeskView = EMPTY_VIEW;
  private dirty = true;
  private readonly listeners = new Set<() => void>();
  private chain: Promise<unknown> = Promise.resolve();
  private unsubscribeRuntime: (() => void) | undefined;
  private reconcileScheduled = false;
  private readonly now: () => number;
  private readonly newId: (prefix: 'v' | 'al') => string;
  private readonly recheckAfterMs: number;

  constructor(private readonly opts: DeskOptions) {
    this.now = opts.now ?? (() => Date.now());
    this.newId = opts.newId ?? randomId;
    this.recheckAfterMs = visitSettings(opts.runtime.config).recheckAfterMs;
  }

  private get clerk(): string {
    return this.opts.runtime.deviceId;
  }

  /** Restores the saved visits (re-arming re-check reminders at their original deadlines). */
  async open(): Promise<void> {
    const started = performance.now();
    const { rows, parking } = await this.opts.store.load(this.now());
    if (this.closed) return;
    for (const row of rows) {
      if (row.call) this.callsSeen.add(row.call);
      if (row.final) continue;
      try {
        const persisted = JSON.parse(row.snapshot) as Parameters<typeof resumeVisit>[0];
        this.adopt(row, resumeVisit(persisted, this.now(), this.opts.clock));
      } catch (error) {
        this.opts.onError?.(`visit ${row.id} could not be restored`, error);
      }
    }
    this.parking = this.checkedParking(parking);
    this.restoreMs = performance.now() - started;
    performance.mark('nextup:visits-restored');
    this.ready = true;
    this.unsubscribeRuntime = this.opts.runtime.subscribe(() => {
      this.changed();
      this.scheduleReconcile();
    });
    // Catch up on what a reload may have cut short, then look at the queue.
    for (const v of this.live.values()) this.onTransition(v);
    this.scheduleReconcile();
    this.changed();
  }

  close(): void {
    this.closed = true;
    this.unsubscribeRuntime?.();
    for (const v of this.live.values()) {
      v.unsubscribe();
      v.actor.stop();
    }
    this.live.clear();
    this.listeners.clear();
  }

  /** Resolves when every save and log write started so far is done (tests, benchmark). */
  idle(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getView(): DeskView {
    if (this.dirty) {
      this.view = this.buildView();
      this.dirty = false;
    }
    return this.view;
  }

  /** A customer without a ticket. */
  startWalkIn(): string {
    return this.start(null);
  }

  /** Sends one of the machine's events to a visit, stamped now. */
  send(visitId: string, event: EventInput): void {
    const v = this.live.get(visitId);
    if (!v) return;
    v.actor.send({ ...event, at: this.now() });
  }

  escalate(visitId: string, reason: string): void {
    this.send(visitId, { type: 'ESCALATE', reason });
  }

  transfer(visitId: string, toService: string): void {
    this.send(visitId, { type: 'TRANSFER', toService });
  }

  /** The clerk's note on a visit, written to the store's log with the customer's ticket. */
  note(visitId: string, text: string): Promise<RunOutcome> {
    const v = this.live.get(visitId);
    if (!v) return Promise.resolve({ ok: false, error: 'unknownVisit' });
    const ticket = v.actor.getSnapshot().context.ticket;
    const about = {
      visit: visitId,
      clerk: this.clerk,
      counter: this.opts.counter,
      ...(ticket ? { ticket: ticket.id } : {}),
    };
    return this.run((s) => recordVisitNote(s, about, text));
  }

  park(): void {
    this.setParking(parkingReducer(this.parking, { type: 'park' }));
  }

  resume(visitId: string): void {
    this.setParking(parkingReducer(this.parking, { type: 'resume', visitId }));
  }

  dismissFinished(): void {
    this.finished = null;
    this.changed();
  }

  // ---- internals ----

  private start(ticket: VisitTicket | null, call: string | null = null): string {
    const id = this.newId('v');
    const at = this.now();
    const actor = startVisit(
      {
        visitId: id,
        clerk: this.clerk,
        ticket,
        startedAt: at,
        recheckAfterMs: this.recheckAfterMs,
      },
      this.opts.clock,
    );
    if (call) this.callsSeen.add(call);
    const row: VisitRow = {
      id,
      clerk: this.clerk,
      counter: this.opts.counter,
      ticket: ticket?.id ?? null,
      call,
      snapshot: JSON.stringify(persistVisit(actor)),
      final: false,
      written: 0,
      feedbackWritten: false,
      alert: null,
      settled: false,
      updatedAt: at,
    };
    this.parking = parkingReducer(this.parking, { type: 'start', visitId: id });
    this.finished = null;
    this.adopt(row, actor);
    this.onTransition(this.live.get(id)!);
    return id;
  }

  private adopt(row: VisitRow, actor: VisitActor): void {
    const v: LiveVisit = { id: row.id, actor, row, due: false, unsubscribe: () => undefined };
    const sub = actor.subscribe({
      next: () => this.onTransition(v),
      error: (error: unknown) => this.opts.onError?.(`visit ${row.id} failed`, error),
    });
    v.unsubscribe = () => sub.unsubscribe();
    this.live.set(row.id, v);
  }

  private onTransition(v: LiveVisit): void {
    if (this.closed) return;
    const snapshot = v.actor.getSnapshot();
    const step = stepOf(snapshot.value);
    const due = step === 'browsing.reminderDue';
    if (due && !v.due) this.nudges++;
    v.due = due;
    if (snapshot.status === 'done') {
      this.parking = parkingReducer(this.parking, { type: 'finish', visitId: v.id });
      this.finished = this.card(v);
      this.live.delete(v.id);
      v.unsubscribe();
    }
    v.row = {
      ...v.row,
      snapshot: JSON.stringify(persistVisit(v.actor)),
      final: snapshot.status === 'done',
      updatedAt: this.now(),
    };
    // Saved as of when the write runs, so a later transition's snapshot is never overwritten.
    this.enqueue(async () => {
      await this.opts.store.save(v.row, this.parking);
      await this.writeLog(v);
    });
    this.changed();
  }

  /** Writes to the store's log what the visit's snapshot holds and the log does not yet. */
  private async writeLog(v: LiveVisit): Promise<void> {
    const snapshot = v.actor.getSnapshot();
    const context = snapshot.context;
    const { counter } = this.opts;
    const place = { counter, ...(context.ticket ? { ticket: context.ticket.id } : {}) };
    let row = v.row;
    // Written now or before: either way, done. Only a failed local write is tried again.
    const settled = (o: RunOutcome) => o.ok || o.error !== 'storageFailed';

    for (const record of stepsSince(snapshot, row.written)) {
      const outcome = await this.run((s) => recordVisitStep(s, record, place));
      if (!settled(outcome)) break; // the next transition tries again
      row = { ...row, written: record.n };
    }
    if (context.feedback && !row.feedbackWritten) {
      const { feedback } = context;
      const outcome = await this.run((s) => recordVisitFeedback(s, v.id, this.clerk, feedback));
      if (settled(outcome)) row = { ...row, feedbackWritten: true };
    }
    const step = stepOf(snapshot.value);
    const escalation = context.escalation;
    if (step === 'escalated' && escalation && row.alert?.escalationAt !== escalation.at) {
      const id = this.newId('al');
      const about = { counter, visit: v.id, reason: escalation.reason };
      const outcome = await this.run((s) => raiseManagerAlert(s, id, about));
      if (outcome.ok) row = { ...row, alert: { id, escalationAt: escalation.at } };
    }
    if (step !== 'escalated' && row.alert) {
      // The clerk is back with the customer (or the visit ended): the call is answered.
      const alertId = row.alert.id;
      const outcome = await this.run((s) => acknowledgeAlert(s, alertId));
      if (settled(outcome)) row = { ...row, alert: null };
    }
    if (snapshot.status === 'done' && !row.settled) {
      const config = this.opts.runtime.config;
      const outcome = await this.run((s) =>
        ticketCommandForVisitEnd(s, config, counter, step, context),
      );
      if (settled(outcome)) row = { ...row, settled: true };
    }
    if (row !== v.row) {
      v.row = { ...v.row, ...pickBookkeeping(row) };
      await this.opts.store.save(v.row);
    }
  }

  private async run(decide: (state: QueueState) => CommandResult): Promise<RunOutcome> {
    try {
      return await this.opts.runtime.run(decide);
    } catch (error) {
      this.opts.onError?.('visit event not saved', error);
      return { ok: false, error: 'storageFailed' };
    }
  }

  private enqueue(task: () => Promise<void>): void {
    // Tasks queued before close() still run: the last transition is saved on the way out.
    this.chain = this.chain
      .then(task)
      .catch((error: unknown) => this.opts.onError?.('visit not saved', error));
  }

  private scheduleReconcile(): void {
    if (this.reconcileScheduled) return;
    this.reconcileScheduled = true;
    queueMicrotask(() => {
      this.reconcileScheduled = false;
      if (!this.closed && this.ready) this.reconcile();
    });
  }

  /** Keeps visits and queue tickets together (see domain/visit/link.ts). */
  private reconcile(): void {
    const { state } = this.opts.runtime.getSnapshot();
    const { counter } = this.opts;
    for (const v of [...this.live.values()]) {
      const ticket = v.actor.getSnapshot().context.ticket;
      if (!ticket) continue;
      const event = visitEventForTicket(state.tickets.get(ticket.id), counter, this.clerk);
      if (!event) continue;
      const stamped = { ...event, at: this.now() };
      if (v.actor.getSnapshot().can(stamped)) v.actor.send(stamped);
    }
    const current = ticketAtCounter(state, counter);
    if (!current || current.calledBy !== this.clerk) return;
    const call = `${current.id}@${current.calledAt ?? 0}`;
    if (!this.callsSeen.has(call)) {
      this.start({ id: current.id, number: current.number, service: current.service }, call);
    }
  }

  private setParking(next: Parking): void {
    if (next === this.parking) return;
    this.parking = next;
    this.enqueue(() => this.opts.store.saveParking(this.parking));
    this.changed();
  }

  private checkedParking(saved: Parking): Parking {
    const open = (id: string | null): id is string => id !== null && this.live.has(id);
    const parked = saved.parked.filter(open);
    for (const id of this.live.keys()) {
      if (id !== saved.active && !parked.includes(id)) parked.push(id);
    }
    return { active: open(saved.active) ? saved.active : null, parked };
  }

  private card(v: LiveVisit): VisitCard {
    const snapshot = v.actor.getSnapshot();
    const { state } = this.opts.runtime.getSnapshot();
    return {
      id: v.id,
      ticket: snapshot.context.ticket,
      step: stepOf(snapshot.value),
      final: snapshot.status === 'done',
      context: snapshot.context,
      next: nextActions(snapshot),
      more: moreActions(snapshot),
      side: sideActions(snapshot),
      alert: alertForVisit(state, v.id),
    };
  }

  private buildView(): DeskView {
    if (!this.ready) return EMPTY_VIEW;
    const cardOf = (id: string | null) => {
      const v = id !== null ? this.live.get(id) : undefined;
      return v ? this.card(v) : null;
    };
    const parked = this.parking.parked.map(cardOf).filter((c): c is VisitCard => c !== null);
    const due = [...this.live.values()].filter((v) => v.due).map((v) => v.id);
    return {
      ready: true,
      active: cardOf(this.parking.active),
      parked,
      finished: this.finished,
      nudges: this.nudges,
      due,
      restoreMs: this.restoreMs,
    };
  }

  private changed(): void {
    this.dirty = true;
    for (const l of this.listeners) l();
  }
}

function pickBookkeeping(row: VisitRow): Partial<VisitRow> {
  const { written, feedbackWritten, alert, settled } = row;
  return { written, feedbackWritten, alert, settled };
}
