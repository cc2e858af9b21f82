import {
  decodeHlc,
  encodeHlc,
  maxHlc,
  receive,
  tick,
  wallOf,
  ZERO_HLC,
  type Hlc,
} from '../domain/clock/hlc.ts';
import type { StoreConfig } from '../domain/config/types.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import { dayKey, startOfDaysBack } from '../domain/queue/day.ts';
import { compareEvents, eventId, type StoreEvent } from '../domain/queue/events.ts';
import {
  applyEvent,
  applyEvents,
  noteRefusals,
  refusedIds,
  withRefusals,
} from '../domain/queue/fold.ts';
import { emptyState, type QueueState } from '../domain/queue/state.ts';
import { summarizeDays } from '../domain/queue/summary.ts';
import {
  answerDelay,
  CATCH_UP_LIMITS,
  freshBudget,
  spend,
  type CatchUpBudget,
  type CatchUpLimits,
} from '../domain/sync/catch-up.ts';
import { EventLog } from '../domain/sync/event-log.ts';
import { MAX_EVENTS_PER_MESSAGE, parseSyncMessage } from '../domain/sync/messages.ts';
import {
  FUTURE_SKEW_MS,
  noteContact,
  PAST_SKEW_MS,
  type ContactBook,
  type PlausibilityRules,
} from '../domain/sync/plausibility.ts';
import type { Clock, ConnectionState, ReplicaStorage, Transport } from './ports.ts';
import { isSyncTopic, topics, type TopicRoot } from './topics.ts';
import {
  checkEventsProvenance,
  isAgentDevice,
  syncTopicDevice,
} from '../domain/security/provenance.ts';
import {
  emptyTicketIndex,
  indexTicket,
  judgeBatch,
  verdictBodies,
  type TicketIndex,
} from '../domain/sync/admission.ts';

export interface ReplicaOptions {
  readonly root: TopicRoot;
  readonly device: string;
  readonly timeZone: string;
  readonly storage: ReplicaStorage;
  readonly transport: Transport;
  readonly clock: Clock;
  /**
   * The hub's agent keeps the durable history: it answers catch-up at once, and its vector
   * is what takes a device's event out of the outbox. Devices help each other more slowly.
   */
  readonly role?: 'agent' | 'device';
  /** How often the version vector is announced while online (anti-entropy). */
  readonly antiEntropyMs?: number;
  /** Store days kept in memory and local storage (today and the day before by default). */
  readonly keepDays?: number;
  /** A clock this far ahead of ours is wrong: reported, and its events refused. */
  readonly maxDriftMs?: number;
  /**
   * The store's configuration, for the ticket checks that need it (services, kiosks' ranges,
   * the kiosk's rate limit: src/domain/sync/plausibility.ts). Without it those are skipped.
   */
  readonly config?: Pick<StoreConfig, 'services' | 'kiosks' | 'kiosk'>;
  /** The agent's catch-up budget per device (src/domain/sync/catch-up.ts). */
  readonly catchUp?: CatchUpLimits;
  readonly onRejected?: (reason: string) => void;
  /** A device's clock is off by `driftMs` (positive: ahead of ours). */
  readonly onClockSkew?: (device: string, driftMs: number) => void;
  /** Called after events from peers were committed and applied. */
  readonly onRemoteApplied?: (events: readonly StoreEvent[]) => void;
}

export type LocalOutcome =
  | { ok: true; event: StoreEvent }
  | { ok: false; error: Extract<CommandResult, { ok: false }>['error'] | 'storageFailed' };

const PUBLISH_TIMEOUT_MS = 10_000;
/**
 * The replication timers below are exported so that bounds in tests are derived from them
 * (src/sync/simulation/simulation.test.ts), not guessed.
 *
 * Default anti-entropy period: the agent announces its vector, a device asks for what it lacks
 * and sends again what the agent has not acknowledged. Also the cap of the resend back-off.
 */
export const ANTI_ENTROPY_MS = 15_000;
/** A replica announces its vector this long after a reason to (reasons in between share it). */
export const ANNOUNCE_DELAY_MS = 100;
/** The agent acknowledges events (announces its vector) this long after storing them. */
export const ACK_DELAY_MS = 200;
/** A replica answers a peer's announcement with the events the peer lacks after this long. */
export const ANSWER_DELAY_MS = 30;
const CHUNK = MAX_EVENTS_PER_MESSAGE / 5;
/** Own events sent this recently are in flight: not resent when the agent's vector lacks them. */
const IN_FLIGHT_MS = 1_000;
/** Below this, a device trusts its own clock; above, it follows the agent's. */
const OFFSET_TOLERANCE_MS = 2_000;
const RETRY_FIRST_MS = 1_500;
const SKEW_REPORT_EVERY_MS = 60_000;
/**
 * A device receiving events (a catch-up streaming in) asks for more only after this long
 * without any: its vector lags what is already on the way, and asking early made the agent
 * send the in-flight events again, and again; a large day never caught up.
 */
export const CATCH_UP_QUIET_MS = 500;

export const isAgent = (device: string): boolean => device.startsWith('agent-');

/**
 * One replica of the store's event log: commits local events, replicates them over the
 * transport, applies peers' events idempotently and heals peers that miss events.
 * Every change to the log goes through one queue, so state is never read half-written.
 */
export class Replica {
  readonly device: string;
  state: QueueState = emptyState();
  version = 0;

  private readonly log = new EventLog();
  private readonly outbox: string[] = [];
  private readonly sentAt = new Map<string, number>();
  private hlc: Hlc = ZERO_HLC;
  private seq = 0;
  private day = '';
  /** Today's bounds as wall-clock ms [start, end): cheaper than a calendar lookup per event. */
  private dayStart = 0;
  private dayEnd = 0;
  /** Events arrived out of order and the state waits for a refold (see applyInOrder). */
  private stale = false;
  private cancelRefold: (() => void) | undefined;
  private refoldMs = 0;
  /** When peers' events last arrived (clock ms). */
  private lastEventsAt = -Infinity;
  private lastApplied: StoreEvent | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private draining = false;
  private cancelAnnounce: (() => void) | undefined;
  private cancelAntiEntropy: (() => void) | undefined;
  private cancelRetry: (() => void) | undefined;
  private retryMs = RETRY_FIRST_MS;
  private readonly pendingAnswers = new Map<string, () => void>();
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(events: readonly StoreEvent[]) => void>();
  private readonly skewReported = new Map<string, number>();
  /** Agent's clock minus ours, when notable. */
  private offset = 0;
  private closed = false;
  /** When each peer was last heard holding how many of its own events (plausibility). */
  private readonly contacts: ContactBook = new Map();
  /**
   * A device's provisional refusals: held (they count in its vector) but left out of its state
   * until the agent has ruled. Its verdict refuses them for good; its vector covering them
   * without a verdict lets them in. Only the agent's word is final, so replicas converge.
   */
  private readonly quarantine = new Map<string, StoreEvent>();
  /** The agent's latest vector: what it has ruled on. */
  private agentSaid:
    { readonly device: string; readonly vector: Record<string, number> } | undefined;
  /** The agent's catch-up budget per asking device. */
  private readonly budgets = new Map<string, CatchUpBudget>();
  /** Today's tickets taken into the log, current even while the state waits for a refold. */
  private tickets: TicketIndex = emptyTicketIndex();

  private config: ReplicaOptions['config'];

  private constructor(private readonly opts: ReplicaOptions) {
    this.config = opts.config;
    this.device = opts.device;
  }

  static async open(opts: ReplicaOptions): Promise<Replica> {
    const r = new Replica(opts);
    await r.load();
    r.wire();
    return r;
  }

  private get agentRole(): boolean {
    return this.opts.role === 'agent';
  }

  get connection(): ConnectionState {
    return this.opts.transport.state;
  }

  /** Own events not yet in the hub's durable history. */
  get pending(): number {
    return this.outbox.length;
  }

  get eventCount(): number {
    return this.log.size;
  }

  /** Our clock as corrected by the agent's, when ours is off. */
  now(): number {
    return this.opts.clock.now() + this.offset;
  }

  /** How far off our own clock is from the agent's (0 when within tolerance). */
  get clockOffsetMs(): number {
    return this.offset;
  }

  vector(): Record<string, number> {
    return this.log.vector();
  }

  /** Events held in memory, in log order (for export and tests). */
  events(): StoreEvent[] {
    return this.log.all();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Events newly added to the log, local and remote, right after they were committed and
   * applied (e.g. to feed the wait-time estimator). What was loaded at start is `events()`.
   */
  subscribeEvents(listener: (events: readonly StoreEvent[]) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * The time (ms) an event written now would carry: the corrected clock, or later when a
   * peer's clock ahead of ours moved the hybrid clock on. Rules that compare with the times of
   * our own events (a kiosk's rate limit) must use this, not the device's clock.
   */
  eventTime(): number {
    return tick(this.hlc, this.now()).wall;
  }

  /**
   * Decides and commits one local change; serialized with every other change. `at` is the
   * time the event will carry (see eventTime).
   */
  run(decide: (state: QueueState, at: number) => CommandResult): Promise<LocalOutcome> {
    return this.enqueue(async () => {
      const rolled = await this.rollDay();
      if (this.stale && !rolled) this.refold();
      const hlc = tick(this.hlc, this.now());
      const result = decide(this.state, hlc.wall);
      if (!result.ok) return result;
      const seq = this.seq + 1;
      const event = {
        id: eventId(this.device, seq),
        store: this.opts.root.store,
        device: this.device,
        seq,
        hlc: encodeHlc(hlc),
        ...result.event,
      } as StoreEvent;
      try {
        await this.opts.storage.appendLocal(event);
      } catch (err) {
        this.opts.onRejected?.(`local storage failed: ${describe(err)}`);
        return { ok: false, error: 'storageFailed' } as const;
      }
      // moved only after the commit: a failed write never advances the clock
      this.seq = seq;
      this.hlc = hlc;
      this.log.add(event);
      this.outbox.push(event.id);
      this.noteTickets([event]);
      this.applyInOrder([event]);
      this.changed();
      this.emitEvents([event]);
      this.drain();
      return { ok: true, event } as const;
    });
  }

  /**
   * The store's settings changed while running (src/hub/settings-api.ts): the ticket checks
   * judge against the new services from now on.
   */
  setConfig(config: NonNullable<ReplicaOptions['config']>): void {
    this.config = config;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelAnnounce?.();
    this.cancelAntiEntropy?.();
    this.cancelRetry?.();
    this.cancelRefold?.();
    for (const cancel of this.pendingAnswers.values()) cancel();
    this.pendingAnswers.clear();
    await this.queue.catch(() => undefined);
  }

  /** Start of the oldest store day kept, as a clock value. */
  private since(): string {
    const days = Math.max(1, this.opts.keepDays ?? 2);
    return encodeHlc({
      wall: startOfDaysBack(this.now(), days - 1, this.opts.timeZone),
      counter: 0,
    });
  }

  private async load(): Promise<void> {
    const { events, outbox, floors } = await this.opts.storage.load(this.since());
    for (const [device, seq] of Object.entries(floors)) this.log.raiseFloor(device, seq);
    // as when they arrived, a refused event drags no clock along: a forged one stamped hours
    // ahead would otherwise set the restarted agent's clock, and every honest event after
    // (issue 15, found by src/hub/disk-chaos.property.test.ts)
    const refused = refusedIds(events);
    for (const e of events) {
      this.log.add(e);
      if (!refused.has(e.id)) this.hlc = maxHlc(this.hlc, decodeHlc(e.hlc));
      if (e.device === this.device && e.seq > this.seq) this.seq = e.seq;
    }
    this.seq = Math.max(this.seq, this.log.floorOf(this.device));
    this.outbox.push(...outbox);
    await this.compact();
    this.refold();
  }

  private wire(): void {
    const { transport, root } = this.opts;
    transport.onMessage((topic, payload, bytes) => {
      if (!isSyncTopic(root, topic) || this.closed) return;
      this.receive(topic, payload, bytes);
    });
    transport.onStateChange((s) => {
      this.changed();
      if (s === 'online') {
        this.sentAt.clear();
        this.announce();
        this.drain();
      }
    });
    const every = this.opts.antiEntropyMs ?? ANTI_ENTROPY_MS;
    const tickLoop = (): void => {
      if (this.closed) return;
      void this.enqueue(async () => {
        if (await this.rollDay()) this.changed();
      });
      if (transport.state === 'online') {
        if (this.agentRole) this.announce();
        else this.askForMissing();
        this.drain();
      }
      this.cancelAntiEntropy = this.opts.clock.after(every, tickLoop);
    };
    this.cancelAntiEntropy = this.opts.clock.after(every, tickLoop);
    void transport
      .subscribe(topics.syncFor(root, this.device))
      .then(() => {
        if (transport.state === 'online') {
          this.announce();
          this.drain();
        }
      })
      .catch((err: unknown) => {
        this.opts.onRejected?.(`subscribe failed: ${describe(err)}`);
      });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  private emitEvents(events: readonly StoreEvent[]): void {
    for (const l of this.eventListeners) {
      try {
        l(events);
      } catch (err) {
        this.opts.onRejected?.(`an event listener failed: ${describe(err)}`);
      }
    }
  }

  /** The live queue is today's; at midnight it starts afresh and old days are compacted. */
  private async rollDay(): Promise<boolean> {
    if (dayKey(this.now(), this.opts.timeZone) === this.day) return false;
    await this.compact();
    this.refold();
    return true;
  }

  private async compact(): Promise<void> {
    const before = this.since();
    const inOutbox = new Set(this.outbox);
    const dropped = this.log.compactBefore(before, (e) => inOutbox.has(e.id));
    if (dropped.length === 0) return;
    const floors: Record<string, number> = {};
    for (const e of dropped) floors[e.device] = this.log.floorOf(e.device);
    try {
      await this.opts.storage.compact(before, floors, summarizeDays(dropped, this.opts.timeZone));
    } catch (err) {
      // the events stay on disk; compaction is tried again at the next day change
      this.opts.onRejected?.(`compacting old days failed: ${describe(err)}`);
    }
  }

  private isToday(e: StoreEvent): boolean {
    const wall = wallOf(e.hlc);
    return wall >= this.dayStart && wall < this.dayEnd;
  }

  private refold(): void {
    const started = performance.now();
    const now = this.now();
    const tz = this.opts.timeZone;
    this.day = dayKey(now, tz);
    this.dayStart = startOfDaysBack(now, 0, tz);
    // 30 hours after midnight is always tomorrow, whatever the daylight-saving change
    this.dayEnd = startOfDaysBack(this.dayStart + 30 * 3_600_000, 0, tz);
    this.stale = false;
    this.cancelRefold?.();
    this.cancelRefold = undefined;
    const state = emptyState();
    const tickets = emptyTicketIndex();
    let last: StoreEvent | undefined;
    const all = this.log.all();
    noteRefusals(state, all);
    for (const e of all) {
      if (!this.isToday(e) || this.quarantine.has(e.id) || state.refused.has(e.id)) continue;
      applyEvent(state, e);
      if (e.type === 'ticket.issued') indexTicket(tickets, e);
      last = e;
    }
    this.tickets = tickets;
    this.state = state;
    this.lastApplied = last;
    this.refoldMs = performance.now() - started;
  }

  /**
   * Events older than the last applied one need the day folded again. A catch-up brings
   * thousands of them in many messages, each reaching back in time: folding the day again
   * for each message made catching up quadratic in the day's size. One refold is due at most
   * a few refold-durations later instead (and at once before a local decision), so the cost
   * stays a bounded share of the time.
   */
  private refoldSoon(): void {
    this.stale = true;
    if (this.cancelRefold) return;
    this.cancelRefold = this.opts.clock.after(Math.max(20, 3 * this.refoldMs), () => {
      this.cancelRefold = undefined;
      void this.enqueue(() => {
        if (this.stale && !this.closed) {
          this.refold();
          this.changed();
        }
        return Promise.resolve();
      });
    });
  }

  /** Applies events incrementally when they extend the log's order, else refolds the day. */
  private applyInOrder(batch: StoreEvent[]): void {
    if (this.stale) return; // the refold due soon folds these too
    const sorted = batch.filter((e) => this.isToday(e)).sort(compareEvents);
    const first = sorted[0];
    if (!first) return;
    if (this.lastApplied && compareEvents(first, this.lastApplied) < 0) {
      // the agent publishes public topics from its state right after applying: never stale
      if (this.agentRole) this.refold();
      else this.refoldSoon();
      return;
    }
    // a new state object: whoever holds the old one (a React memo) sees it unchanged
    this.state = applyEvents(this.state, sorted);
    this.lastApplied = sorted[sorted.length - 1];
  }

  private receive(topic: string, payload: string, bytes: number): void {
    const msg = parseSyncMessage(payload, bytes);
    if (!msg.ok) {
      this.opts.onRejected?.(`sync message dropped: ${msg.reason}`);
      return;
    }
    if (msg.from === this.device) return;
    // the broker lets a client publish only on its own topics: "from" must be that client;
    // our catch-up topic is written by the agent alone
    const publisher =
      topic === topics.to(this.opts.root, this.device)
        ? isAgentDevice(msg.from)
          ? msg.from
          : undefined
        : syncTopicDevice(`${this.opts.root.prefix}/${this.opts.root.store}/sync/`, topic);
    if (publisher !== msg.from) {
      this.opts.onRejected?.(`sync message from ${msg.from} on ${topic} dropped: not its topic`);
      return;
    }
    if (msg.kind === 'vector') {
      this.onVector(msg.from, msg.vector, msg.at, msg.since);
      return;
    }
    for (const reason of msg.rejected) {
      this.opts.onRejected?.(`event from ${msg.from} dropped: ${reason}`);
    }
    const ours = msg.events.filter((e) => e.store === this.opts.root.store);
    if (ours.length !== msg.events.length) {
      this.opts.onRejected?.(`events from ${msg.from} for another store dropped`);
    }
    const checked = checkEventsProvenance(msg.from, ours, msg.floors);
    for (const reason of checked.dropped) this.opts.onRejected?.(`dropped: ${reason}`);
    const fresh = checked.accepted;
    const floors = checked.floors;
    const seenAt = this.opts.clock.now();
    if (fresh.length > 0) this.lastEventsAt = seenAt;
    if (fresh.length > 0 || Object.keys(floors).length > 0) {
      void this.enqueue(() => this.applyRemote(fresh, floors));
    }
  }

  private async applyRemote(batch: StoreEvent[], floors: Record<string, number>): Promise<void> {
    for (const [device, seq] of Object.entries(floors)) {
      if (device !== this.device) this.log.raiseFloor(device, seq);
    }
    const seen = new Set<string>();
    const since = this.since();
    const fresh = batch.filter((e) => {
      if (this.log.has(e.device, e.seq) || seen.has(e.id) || e.device === this.device) return false;
      // an old day's event: the hub keeps it; a device has no use for it
      if (!this.agentRole && e.hlc < since) return false;
      seen.add(e.id);
      return true;
    });
    if (fresh.length === 0) {
      // a resend of what we hold: the sender's acknowledgement was lost, so say it again
      if (this.agentRole) this.scheduleAnnounce(ACK_DELAY_MS);
      return;
    }
    await this.rollDay();
    if (this.stale && this.agentRole) this.refold();
    const now = this.now();
    // verdicts in this very batch (a catch-up brings them with what they judge)
    const judged = refusedIds(fresh);
    const refusedBefore = (id: string): boolean => judged.has(id) || this.state.refused.has(id);
    const refused = judgeBatch(fresh, {
      now,
      rules: this.rules(),
      contacts: this.contacts,
      held: (device, seq) => this.log.get(device, seq),
      tickets: this.tickets,
      refused: { has: refusedBefore },
      isToday: (e) => this.isToday(e),
    });
    // what is refused here, or was by the agent's verdict before it arrived
    const out = (e: StoreEvent): boolean => refused.has(e.id) || refusedBefore(e.id);
    // clocks move only with what was taken: a refused event drags no clock along
    const limit = now + (this.opts.maxDriftMs ?? FUTURE_SKEW_MS);
    let hlc = this.hlc;
    for (const e of fresh) {
      const remote = decodeHlc(e.hlc);
      if (remote.wall > limit) this.reportSkew(e.device, remote.wall - now);
      if (!out(e)) hlc = receive(hlc, remote, now);
    }
    // the agent's verdicts are stored with what they judge, so its vector never covers a
    // refused event without its verdict (a device lets in what the vector covers)
    let seq = this.seq;
    const verdicts: StoreEvent[] = [];
    if (this.agentRole) {
      for (const body of verdictBodies(refused)) {
        hlc = tick(hlc, now);
        seq++;
        verdicts.push({
          id: eventId(this.device, seq),
          store: this.opts.root.store,
          device: this.device,
          seq,
          hlc: encodeHlc(hlc),
          ...body,
        });
      }
    }
    try {
      // verdicts first: a crash that tears the batch keeps a prefix of it, and a verdict
      // without its event is harmless where an event without its verdict is let in (issue
      // 15, found by src/hub/disk-chaos.property.test.ts)
      await this.opts.storage.appendRemote([...verdicts, ...fresh]);
    } catch (err) {
      // not applied and not counted as held: catch-up will bring these events again
      this.opts.onRejected?.(`storing ${fresh.length} events failed: ${describe(err)}`);
      return;
    }
    this.hlc = hlc;
    this.seq = seq;
    for (const e of [...fresh, ...verdicts]) this.log.add(e);
    for (const e of fresh) {
      const reason = refused.get(e.id);
      if (reason === undefined) continue;
      this.opts.onRejected?.(
        `implausible event ${e.id} ${this.agentRole ? 'refused' : 'held back'}: ${reason}`,
      );
      if (!this.agentRole) this.quarantine.set(e.id, e);
    }
    const taken = [...fresh.filter((e) => !out(e)), ...verdicts];
    this.noteTickets(taken);
    // a refold for a verdict has folded these too
    if (!this.applyVerdicts(taken)) this.applyInOrder(taken);
    this.changed();
    this.emitEvents(taken);
    this.opts.onRemoteApplied?.(taken);
    if (verdicts.length > 0) void this.publishEvents(verdicts).catch(() => undefined);
    if (this.agentRole) this.scheduleAnnounce(ACK_DELAY_MS);
    else {
      this.settleQuarantine();
      if (this.log.hasGaps()) this.scheduleAnnounce(ANNOUNCE_DELAY_MS);
    }
  }

  private rules(): PlausibilityRules {
    return {
      pastSkewMs: PAST_SKEW_MS,
      futureSkewMs: this.opts.maxDriftMs ?? FUTURE_SKEW_MS,
      config: this.config,
    };
  }

  /**
   * Notes the agent's verdicts; an event already folded into today's state that a verdict
   * refuses needs the day folded again without it. True when it refolded.
   */
  private applyVerdicts(events: readonly StoreEvent[]): boolean {
    const verdicts = events.filter((e) => e.type === 'event.refused');
    if (verdicts.length === 0) return false;
    const before = new Set(this.state.refused.keys());
    this.state = withRefusals(this.state, verdicts);
    let folded = false;
    for (const id of this.state.refused.keys()) {
      if (before.has(id) || this.quarantine.delete(id)) continue;
      const e = this.log.get(...deviceAndSeq(id));
      if (e && this.isToday(e)) folded = true;
    }
    // at once: a state that names an event refused must not still show it
    if (folded) this.refold();
    return folded;
  }

  /** Indexes today's tickets just taken into the log. */
  private noteTickets(events: readonly StoreEvent[]): void {
    for (const e of events) {
      if (e.type === 'ticket.issued' && this.isToday(e) && !this.state.refused.has(e.id)) {
        indexTicket(this.tickets, e);
      }
    }
  }

  /**
   * Lets in held-back events the agent has ruled on without refusing them: its vector covers
   * them, and we hold every verdict it had written by then. A ticket we took meanwhile with the
   * same id or number, and the agent has not ruled on, lost to it there: it waits in turn.
   */
  private settleQuarantine(): void {
    const said = this.agentSaid;
    if (!said || this.quarantine.size === 0) return;
    if ((this.log.vector()[said.device] ?? 0) < (said.vector[said.device] ?? 0)) return;
    const ruled = (e: StoreEvent): boolean => (said.vector[e.device] ?? 0) >= e.seq;
    const released: StoreEvent[] = [];
    for (const [id, e] of this.quarantine) {
      if (!ruled(e)) continue;
      this.quarantine.delete(id);
      if (this.state.refused.has(id)) continue;
      released.push(e);
      if (e.type !== 'ticket.issued' || !this.isToday(e)) continue;
      for (const other of [this.tickets.byId.get(e.ticket), this.tickets.byNumber.get(e.number)]) {
        const o = other === undefined ? undefined : this.log.get(...deviceAndSeq(other));
        if (o && o.id !== id && !ruled(o)) this.quarantine.set(o.id, o);
      }
    }
    if (released.length === 0) return;
    this.refold();
    this.changed();
    this.emitEvents(released);
  }

  private reportSkew(device: string, driftMs: number): void {
    const now = this.opts.clock.now();
    const last = this.skewReported.get(device);
    if (last !== undefined && now - last < SKEW_REPORT_EVERY_MS) return;
    this.skewReported.set(device, now);
    this.opts.onClockSkew?.(device, driftMs);
  }

  private onVector(
    from: string,
    theirs: Record<string, number>,
    at?: number,
    since?: string,
  ): void {
    if (isAgent(from)) {
      if (at !== undefined && !this.agentRole) this.followAgentClock(at);
      this.acknowledge(theirs[this.device] ?? 0);
      if (!this.agentRole) {
        this.agentSaid = { device: from, vector: theirs };
        void this.enqueue(() => Promise.resolve(this.settleQuarantine()));
      }
    } else {
      // evidence for the plausibility checks: `from` had written this many events by now
      noteContact(this.contacts, from, theirs[from] ?? 0, Math.min(this.now(), at ?? Infinity));
      if (at !== undefined && this.agentRole) {
        const drift = at - this.opts.clock.now();
        if (Math.abs(drift) > (this.opts.maxDriftMs ?? FUTURE_SKEW_MS)) {
          this.reportSkew(from, drift);
        }
      }
    }
    // the agent's vector is every device's acknowledgement: answer each announcement with it
    if (this.agentRole) this.scheduleAnnounce(ANNOUNCE_DELAY_MS);
    else if (this.log.behind(theirs)) this.askForMissing();
    this.scheduleAnswer(from, theirs, since);
  }

  /** Devices take the agent's clock as the store's time when theirs is notably off. */
  private followAgentClock(agentNow: number): void {
    const offset = agentNow - this.opts.clock.now();
    const next = Math.abs(offset) > OFFSET_TOLERANCE_MS ? offset : 0;
    if (
      Math.abs(next - this.offset) > OFFSET_TOLERANCE_MS / 2 ||
      (next === 0 && this.offset !== 0)
    ) {
      this.offset = next;
      if (next !== 0) this.opts.onClockSkew?.(this.device, -next);
      this.changed();
    }
  }

  /** The agent holds our events up to `upTo` durably: they leave the outbox. */
  private acknowledge(upTo: number): void {
    const done: string[] = [];
    for (const id of this.outbox) {
      const e = this.log.get(this.device, seqOf(id));
      if (!e || e.seq > upTo) break;
      done.push(id);
    }
    if (done.length === 0) return;
    void this.enqueue(async () => {
      try {
        await this.opts.storage.removeFromOutbox(done);
      } catch (err) {
        this.opts.onRejected?.(`updating the outbox failed: ${describe(err)}`);
        return;
      }
      const gone = new Set(done);
      this.retryMs = RETRY_FIRST_MS;
      const keep = this.outbox.filter((id) => !gone.has(id));
      this.outbox.splice(0, this.outbox.length, ...keep);
      for (const id of done) this.sentAt.delete(id);
      this.changed();
    });
  }

  /**
   * Helps a peer that lacks events: the agent helps every device with everything, on that
   * device's own topic and within its catch-up budget; a device helps the agent with its own
   * events. A device does not answer other devices: a vector from anyone would otherwise make
   * every tablet send its day to every subscriber.
   */
  private scheduleAnswer(from: string, theirs: Record<string, number>, since?: string): void {
    const plan = (key: string, delay: number, part: 'all' | 'own'): void => {
      this.pendingAnswers.get(key)?.();
      this.pendingAnswers.set(
        key,
        this.opts.clock.after(delay, () => {
          this.pendingAnswers.delete(key);
          this.answer(from, theirs, since, part);
        }),
      );
    };
    if (this.agentRole) {
      const budget = this.budgets.get(from);
      const wait = budget ? answerDelay(budget, this.opts.clock.now(), this.catchUpLimits()) : 0;
      return plan(`${from}:all`, Math.max(ANSWER_DELAY_MS, wait), 'all');
    }
    // Only the agent relays other devices' events: receivers refuse a relay from anyone else
    // (src/domain/security/provenance.ts), so a peer cannot forge another device's events.
    if (isAgent(from)) plan(`${from}:own`, ANSWER_DELAY_MS, 'own');
  }

  private catchUpLimits(): CatchUpLimits {
    return this.opts.catchUp ?? CATCH_UP_LIMITS;
  }

  private answer(
    from: string,
    theirs: Record<string, number>,
    since: string | undefined,
    part: 'all' | 'own',
  ): void {
    if (this.opts.transport.state !== 'online' || this.closed) return;
    const now = this.opts.clock.now();
    const devices = part === 'own' ? new Set([this.device]) : undefined;
    const missing = this.log
      .missingFrom(theirs, {
        ...(devices ? { devices } : {}),
        ...(since !== undefined ? { since } : {}),
      })
      .filter((e) => {
        // a device holds its own events (one that lost them comes back under a new id); an
        // answer delayed by the catch-up budget must not send it what it wrote meanwhile
        if (e.device === from) return false;
        if (e.device === this.device) {
          // our own event still on its way to the agent: do not send it twice
          const sent = this.sentAt.get(e.id);
          return !(isAgent(from) && sent !== undefined && now - sent < IN_FLIGHT_MS);
        }
        return true;
      });
    const allFloors = since !== undefined ? this.log.floorsBefore(theirs, since) : {};
    // a device speaks only for itself: peers ignore its word on other devices' floors
    const floors =
      part === 'all'
        ? allFloors
        : Object.fromEntries(Object.entries(allFloors).filter(([d]) => d === this.device));
    if (missing.length === 0 && Object.keys(floors).length === 0) return;
    if (part === 'own') {
      void this.publishEvents(missing, floors).catch(() => undefined);
      return;
    }
    const limits = this.catchUpLimits();
    const budget = this.budgets.get(from) ?? freshBudget(now, limits);
    const spent = spend(budget, now, missing.length, limits);
    this.budgets.set(from, spent.budget);
    if (spent.send < missing.length) {
      this.opts.onRejected?.(
        `catch-up for ${from} limited to ${spent.send} of ${missing.length} events`,
      );
    }
    // missing runs per device from what the asker holds: a prefix keeps its vector gap-free
    void this.publishEvents(
      missing.slice(0, spent.send),
      floors,
      topics.to(this.opts.root, from),
    ).catch(() => undefined);
  }

  /** Announces our vector (peers answer with what we lack) once no events are streaming in. */
  private askForMissing(): void {
    const quietFor = this.opts.clock.now() - this.lastEventsAt;
    if (quietFor >= CATCH_UP_QUIET_MS) return this.scheduleAnnounce(ANNOUNCE_DELAY_MS);
    if (this.cancelAnnounce) return;
    this.cancelAnnounce = this.opts.clock.after(CATCH_UP_QUIET_MS - quietFor, () => {
      this.cancelAnnounce = undefined;
      this.askForMissing();
    });
  }

  private scheduleAnnounce(ms: number): void {
    if (this.cancelAnnounce) return;
    this.cancelAnnounce = this.opts.clock.after(ms, () => {
      this.cancelAnnounce = undefined;
      this.announce();
    });
  }

  private announce(): void {
    if (this.opts.transport.state !== 'online' || this.closed) return;
    const payload = JSON.stringify({
      v: 1,
      kind: 'vector',
      from: this.device,
      vector: this.log.vector(),
      at: this.opts.clock.now(),
      ...(this.agentRole ? {} : { since: this.since() }),
    });
    void this.opts.transport
      .publish(topics.vector(this.opts.root, this.device), payload, { qos: 0 })
      .catch(() => undefined);
  }

  private async publishEvents(
    events: readonly StoreEvent[],
    floors: Record<string, number> = {},
    topic = topics.events(this.opts.root, this.device),
  ): Promise<void> {
    const now = this.opts.clock.now();
    for (let i = 0; i < Math.max(events.length, 1); i += CHUNK) {
      const chunk = events.slice(i, i + CHUNK);
      const payload = JSON.stringify({
        v: 1,
        kind: 'events',
        from: this.device,
        events: chunk,
        ...(i === 0 && Object.keys(floors).length > 0 ? { floors } : {}),
      });
      for (const e of chunk) if (e.device === this.device) this.sentAt.set(e.id, now);
      await withTimeout(
        this.opts.transport.publish(topic, payload, { qos: 1 }),
        PUBLISH_TIMEOUT_MS,
        this.opts.clock,
      );
    }
  }

  /**
   * Sends outbox events not yet sent on this connection, in order. They stay in the outbox
   * until the agent's vector shows them stored; the agent's vector also triggers resends.
   */
  private drain(): void {
    if (this.draining || this.closed || this.opts.transport.state !== 'online') return;
    this.draining = true;
    void (async () => {
      try {
        for (;;) {
          const ids = this.outbox.filter((id) => !this.sentAt.has(id)).slice(0, CHUNK);
          if (ids.length === 0 || this.opts.transport.state !== 'online' || this.closed) break;
          const events = ids.map((id) => this.log.get(this.device, seqOf(id)));
          await this.publishEvents(events.filter((e): e is StoreEvent => e !== undefined));
        }
      } catch {
        // unsent ones are sent again on the next connection or the agent's next vector
      } finally {
        this.draining = false;
      }
      this.scheduleRetry();
    })();
  }

  /**
   * Sent but not acknowledged by the agent (its vector was lost, or it is down): send again
   * after a pause that doubles up to the anti-entropy period while nothing is acknowledged.
   */
  private scheduleRetry(): void {
    if (this.cancelRetry || this.outbox.length === 0 || this.closed) return;
    this.cancelRetry = this.opts.clock.after(this.retryMs, () => {
      this.cancelRetry = undefined;
      if (this.outbox.length === 0 || this.opts.transport.state !== 'online') return;
      const stale = this.opts.clock.now() - IN_FLIGHT_MS;
      for (const id of this.outbox) {
        const sent = this.sentAt.get(id);
        if (sent !== undefined && sent <= stale) this.sentAt.delete(id);
      }
      this.retryMs = Math.min(this.retryMs * 2, this.opts.antiEntropyMs ?? ANTI_ENTROPY_MS);
      this.drain();
    });
  }
}

function seqOf(id: string): number {
  return Number(id.slice(id.lastIndexOf(':') + 1));
}

function deviceAndSeq(id: string): [string, number] {
  return [id.slice(0, id.lastIndexOf(':')), seqOf(id)];
}

function withTimeout<T>(p: Promise<T>, ms: number, clock: Clock): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = clock.after(ms, () => reject(new Error(`no acknowledgement within ${ms} ms`)));
    p.then(
      (v) => {
        cancel();
        resolve(v);
      },
      (e: unknown) => {
        cancel();
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    return err.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : err.message;
  }
  return String(err);
}
