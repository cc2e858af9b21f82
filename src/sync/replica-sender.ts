import type { StoreEvent } from '../domain/queue/events.ts';
import {
  CATCH_UP_LIMITS,
  type CatchUpBudget,
  type CatchUpLimits,
} from '../domain/sync/catch-up.ts';
import { planAnswer } from '../domain/sync/protocol/answer.ts';
import * as outbox from '../domain/sync/protocol/outbox.ts';
import {
  outboxStep,
  type OutboxEffect,
  type OutboxInput,
} from '../domain/sync/protocol/outbox-step.ts';
import { CHUNK } from '../domain/sync/protocol/timing.ts';
import { askDelay } from '../domain/sync/protocol/vectors.ts';
import type { Inbound } from './inbound.ts';
import { describe, publishEvents, publishVector } from './publisher.ts';
import type { ReplicaHost } from './replica-host.ts';
import { topics } from './topics.ts';

/**
 * Owns the replica's sending side: its outbox on the wire (drain, resend with back-off,
 * acknowledgement by the agent's vector), announcements of its vector, and answers to peers'
 * announcements within the agent's catch-up budgets. Decisions come from the pure protocol
 * (src/domain/sync/protocol/); this performs them through the ports.
 */
export class Sender {
  /** The agent's catch-up budget per asking device. */
  readonly budgets = new Map<string, CatchUpBudget>();
  private draining = false;

  constructor(private readonly h: ReplicaHost) {}

  /** Feeds the outbox step one input: keeps its new state and returns what to do. */
  feed(input: OutboxInput): readonly OutboxEffect[] {
    const step = outboxStep(this.h.box, input);
    this.h.box = step.state;
    return step.effects;
  }

  /** Does what the outbox step asked (publishes happen inside the sending loop). */
  perform(effects: readonly OutboxEffect[]): void {
    for (const effect of effects) {
      if (effect.kind === 'remove') this.remove(effect.ids);
      else if (effect.kind === 'retryIn') this.scheduleRetry(effect.ms);
      else if (effect.kind === 'send') this.drain();
    }
  }

  /** The agent holds our events up to `upTo` durably: they leave the outbox. */
  acknowledge(upTo: number): void {
    const held = (seq: number) => this.h.core.log.get(this.h.opts.device, seq) !== undefined;
    this.perform(this.feed({ kind: 'agentHolds', upTo, held }));
  }

  private remove(done: readonly string[]): void {
    void this.h.enqueue(async () => {
      try {
        await this.h.opts.storage.removeFromOutbox(done);
      } catch (err) {
        this.h.opts.onRejected?.(`updating the outbox failed: ${describe(err)}`);
        return;
      }
      this.feed({ kind: 'removed', ids: done });
      this.h.changed();
    });
  }

  catchUpLimits(): CatchUpLimits {
    return this.h.opts.catchUp ?? CATCH_UP_LIMITS;
  }

  answer(m: Extract<Inbound, { kind: 'vector' }>, part: 'all' | 'own'): void {
    if (this.h.opts.transport.state !== 'online' || this.h.closed()) return;
    const now = this.h.opts.clock.now();
    const budget = this.budgets.get(m.from);
    const plan = planAnswer({
      log: this.h.core.log,
      self: this.h.opts.device,
      from: m.from,
      theirs: m.vector,
      ...(m.since !== undefined ? { since: m.since } : {}),
      part,
      now,
      inFlight: (id) => outbox.inFlight(this.h.box, id, now),
      ...(budget ? { budget } : {}),
      limits: this.catchUpLimits(),
    });
    if (!plan) return;
    if (plan.budget) this.budgets.set(m.from, plan.budget);
    if (plan.withheld > 0) {
      const all = plan.events.length + plan.withheld;
      this.h.opts.onRejected?.(
        `catch-up for ${m.from} limited to ${plan.events.length} of ${all} events`,
      );
    }
    const topic = plan.to === 'asker' ? topics.to(this.h.opts.root, m.from) : undefined;
    this.sendEvents(plan.events, plan.floors, topic);
  }

  /** Announces our vector (peers answer with what we lack) once no events are streaming in. */
  askForMissing(): void {
    const wait = askDelay(this.h.peers.lastEventsAt, this.h.opts.clock.now());
    if ('announceIn' in wait) {
      return this.h.timers.once('announce', wait.announceIn, () => this.announceIfQuiet());
    }
    this.h.timers.once('announce', wait.askAgainIn, () => this.askForMissing());
  }

  /** The ask's announcement, unless events came in since it was decided (askDelay). */
  private announceIfQuiet(): void {
    const wait = askDelay(this.h.peers.lastEventsAt, this.h.opts.clock.now());
    if ('announceIn' in wait) this.announce();
    else this.askForMissing();
  }

  scheduleAnnounce(ms: number): void {
    this.h.timers.once('announce', ms, () => this.announce());
  }

  announce(): void {
    if (this.h.opts.transport.state !== 'online' || this.h.closed()) return;
    publishVector(this.h.opts.transport, topics.vector(this.h.opts.root, this.h.opts.device), {
      from: this.h.opts.device,
      vector: this.h.core.log.vector(),
      at: this.h.opts.clock.now(),
      ...(this.h.policy.announcesSince ? { since: this.h.core.since(this.h.now()) } : {}),
    });
  }

  sendEvents(
    events: readonly StoreEvent[],
    floors: Record<string, number> = {},
    topic?: string,
  ): void {
    void this.publish(events, floors, topic).catch(() => undefined);
  }

  private publish(
    events: readonly StoreEvent[],
    floors: Record<string, number> = {},
    topic = topics.events(this.h.opts.root, this.h.opts.device),
  ): Promise<void> {
    const now = this.h.opts.clock.now();
    return publishEvents(this.h.opts, topic, this.h.opts.device, events, floors, (chunk) => {
      const own = chunk.filter((e) => e.device === this.h.opts.device).map((e) => e.id);
      if (own.length > 0) this.feed({ kind: 'published', ids: own, now });
    });
  }

  /** Whether every event the outbox names is in the log (a partial start's may not be). */
  private unsentHeld(): boolean {
    const { device } = this.h.opts;
    return this.h.box.ids.every((id) => this.h.core.log.get(device, outbox.seqOf(id)));
  }

  /**
   * Sends outbox events not yet sent on this connection, in order, as the outbox step says.
   * They stay in the outbox until the agent's vector shows them stored; then a resend timer.
   */
  drain(): void {
    if (this.draining || this.h.closed() || this.h.opts.transport.state !== 'online') return;
    // a resumed start's older unsent events are not in the log yet: the wire drains after
    // them (a start that folded what it read holds its unsent events at once)
    if (this.h.core.partial && !this.unsentHeld()) return;
    this.draining = true;
    void (async () => {
      let after: readonly OutboxEffect[] = [];
      try {
        for (;;) {
          if (this.h.opts.transport.state !== 'online' || this.h.closed()) break;
          const effects = this.feed({ kind: 'canSend', limit: CHUNK });
          const publish = effects.find((e) => e.kind === 'publish');
          if (!publish) {
            after = effects;
            break;
          }
          const events = publish.ids.map((id) =>
            this.h.core.log.get(this.h.opts.device, outbox.seqOf(id)),
          );
          await this.publish(events.filter((e): e is StoreEvent => e !== undefined));
        }
      } catch {
        // unsent ones are sent again after the pause, on the next connection or agent vector
      } finally {
        this.draining = false;
      }
      if (after.length === 0) after = this.feed({ kind: 'paused' });
      this.perform(after);
    })();
  }

  /**
   * Sent but not acknowledged by the agent (its vector was lost, or it is down): the step says
   * when to send again; the pause doubles up to the anti-entropy period.
   */
  private scheduleRetry(ms: number): void {
    if (this.h.closed()) return;
    this.h.timers.once('retry', ms, () => {
      if (this.h.opts.transport.state !== 'online') return;
      const now = this.h.opts.clock.now();
      this.perform(this.feed({ kind: 'retryDue', now, capMs: this.h.antiEntropyMs() }));
    });
  }
}
