import type { StoreEvent } from '../domain/queue/events.ts';
import { answerDelay } from '../domain/sync/catch-up.ts';
import {
  FUTURE_SKEW_MS,
  noteContact,
  PAST_SKEW_MS,
  type ContactBook,
} from '../domain/sync/plausibility.ts';
import { isAgent } from '../domain/sync/protocol/policy.ts';
import { ACK_DELAY_MS, ANNOUNCE_DELAY_MS } from '../domain/sync/protocol/timing.ts';
import {
  onVector,
  reportSkew,
  type Effect,
  type PeerState,
} from '../domain/sync/protocol/vectors.ts';
import { freshOf, judgeFresh, takeJudged } from '../domain/sync/remote-batch.ts';
import { readInbound, type Inbound } from './inbound.ts';
import { describe } from './publisher.ts';
import type { ReplicaHost } from './replica-host.ts';
import type { Sender } from './replica-sender.ts';

/** Refused events remembered at most (a store's day is a few thousand events). */
const MAX_REFUSED = 20_000;

/**
 * Owns the replica's receiving side: checks each sync message (src/sync/inbound.ts), stores
 * and takes in peers' events through the log core, and performs the effects of the pure
 * vector step (src/domain/sync/protocol/vectors.ts) when a peer announces its vector.
 */
export class Receiver {
  /** When each peer was last heard holding how many of its own events (plausibility). */
  private readonly contacts: ContactBook = new Map();
  /** Events the agent holds that we refused (see Inbound), by device: we never will hold them. */
  private readonly refused = new Map<string, Set<number>>();
  private refusedCount = 0;

  constructor(
    private readonly h: ReplicaHost,
    private readonly sender: Sender,
  ) {}

  receive(topic: string, payload: string, bytes: number): void {
    const { message, rejected } = readInbound(
      this.h.opts.root,
      this.h.opts.device,
      topic,
      payload,
      bytes,
    );
    for (const reason of rejected) this.h.opts.onRejected?.(reason);
    if (!message) return;
    if (message.kind === 'vector') return this.onVector(message);
    const { events, floors } = message;
    if (this.noteRefused(message.refused)) this.h.changed();
    if (events.length > 0)
      this.h.peers = { ...this.h.peers, lastEventsAt: this.h.opts.clock.now() };
    if (events.length > 0 || Object.keys(floors).length > 0) {
      void this.h.enqueue(() => this.applyRemote(events, floors));
    }
  }

  /**
   * Whether we lack events the agent's `vector` holds, not counting those we refused, or have
   * not folded what we hold: the device is then not current (src/domain/sync/protocol/freshness.ts).
   */
  behind(vector: Readonly<Record<string, number>>): boolean {
    const skip = (device: string, seq: number): boolean =>
      this.refused.get(device)?.has(seq) ?? false;
    return this.h.core.log.behind(vector, skip) || this.h.core.stale;
  }

  /** Notes refused events; true when one is new. Bounded: a flood is not worth remembering. */
  private noteRefused(events: readonly { device: string; seq: number }[]): boolean {
    let added = false;
    for (const { device, seq } of events) {
      if (this.refusedCount >= MAX_REFUSED) break;
      let seqs = this.refused.get(device);
      if (!seqs) this.refused.set(device, (seqs = new Set()));
      if (seqs.has(seq)) continue;
      seqs.add(seq);
      this.refusedCount++;
      added = true;
    }
    return added;
  }

  private async applyRemote(batch: StoreEvent[], floors: Record<string, number>): Promise<void> {
    const fresh = freshOf(this.h.core, batch, floors, this.h.now());
    if (fresh.length === 0) {
      // a resend of what we hold: the sender's acknowledgement was lost, so say it again
      if (this.h.policy.acknowledges) this.sender.scheduleAnnounce(ACK_DELAY_MS);
      return;
    }
    await this.h.rollDay();
    if (this.h.core.stale && this.h.policy.refoldsAtOnce) this.h.refold();
    const now = this.h.now();
    const maxDriftMs = this.h.opts.maxDriftMs ?? FUTURE_SKEW_MS;
    const rules = { pastSkewMs: PAST_SKEW_MS, futureSkewMs: maxDriftMs, config: this.h.config() };
    const judged = judgeFresh(this.h.core, fresh, {
      now,
      rules,
      contacts: this.contacts,
      maxDriftMs,
    });
    for (const s of judged.skews)
      this.perform(reportSkew(this.h.peers, s.device, s.driftMs, this.h.opts.clock.now()));
    try {
      // verdicts first: a crash that tears the batch keeps a prefix of it, and a verdict
      // without its event is harmless where an event without its verdict is let in (issue
      // 15, found by src/hub/disk-chaos.property.test.ts)
      await this.h.opts.storage.appendRemote([...judged.verdicts, ...fresh]);
    } catch (err) {
      // not applied and not counted as held: catch-up will bring these events again
      this.h.opts.onRejected?.(`storing ${fresh.length} events failed: ${describe(err)}`);
      return;
    }
    const taken = takeJudged(this.h.core, judged);
    const verb = this.h.policy.implausible === 'refuse' ? 'refused' : 'held back';
    for (const [id, reason] of judged.refused) {
      this.h.opts.onRejected?.(`implausible event ${id} ${verb}: ${reason}`);
    }
    // a refold for a verdict has folded these too
    if (!this.h.core.applyVerdicts(taken, now))
      this.h.afterApply(this.h.core.applyInOrder(taken, now));
    this.h.changed();
    this.h.emitEvents(taken);
    this.h.opts.onRemoteApplied?.(taken);
    if (judged.verdicts.length > 0) this.sender.sendEvents(judged.verdicts);
    if (this.h.policy.acknowledges) this.sender.scheduleAnnounce(ACK_DELAY_MS);
    else {
      this.settleQuarantine();
      if (this.h.core.log.hasGaps()) this.sender.scheduleAnnounce(ANNOUNCE_DELAY_MS);
    }
  }

  private settleQuarantine(): void {
    const released = this.h.core.settleQuarantine(this.h.peers.agentSaid, this.h.now());
    if (released.length === 0) return;
    this.h.changed();
    this.h.emitEvents(released);
  }

  private onVector(m: Extract<Inbound, { kind: 'vector' }>): void {
    const now = this.h.opts.clock.now();
    const budget = this.sender.budgets.get(m.from);
    const limits = this.sender.catchUpLimits();
    this.perform(
      onVector(this.h.policy, this.h.peers, {
        self: this.h.opts.device,
        from: m.from,
        theirs: m.vector,
        ...(m.at !== undefined ? { at: m.at } : {}),
        now,
        behind: this.h.core.log.behind(m.vector),
        budgetWait: budget ? answerDelay(budget, now, limits) : 0,
        maxDriftMs: this.h.opts.maxDriftMs ?? FUTURE_SKEW_MS,
      }),
      m,
    );
    if (isAgent(m.from)) this.h.noteFreshness({ kind: 'agentSaid', behind: this.behind(m.vector) });
  }

  /** Performs a protocol step's effects: the only place they meet the ports. */
  private perform(
    step: { state: PeerState; effects: readonly Effect[] },
    m?: Extract<Inbound, { kind: 'vector' }>,
  ): void {
    this.h.peers = step.state;
    for (const e of step.effects) {
      switch (e.kind) {
        case 'announce':
          this.sender.scheduleAnnounce(e.delayMs);
          break;
        case 'ask':
          this.sender.askForMissing();
          break;
        case 'answer':
          if (m)
            this.h.timers.restart(`answer:${e.key}`, e.delayMs, () =>
              this.sender.answer(m, e.part),
            );
          break;
        case 'acknowledge':
          this.sender.acknowledge(e.upTo);
          break;
        case 'settleQuarantine':
          void this.h.enqueue(() => Promise.resolve(this.settleQuarantine()));
          break;
        case 'contact':
          noteContact(this.contacts, e.device, e.count, e.at);
          break;
        case 'clockSkew':
          this.h.opts.onClockSkew?.(e.device, e.driftMs);
          break;
        case 'changed':
          this.h.changed();
      }
    }
  }
}
