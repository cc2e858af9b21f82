import {
  acknowledged,
  committed,
  outboxOf,
  reconnected,
  removed,
  retried,
  sent,
  unsent,
  type OutboxState,
} from './outbox.ts';

/**
 * Owns the outbox as one step function: `(state, input) -> (state, effects)`, the shape of the
 * whole protocol core (vectors.ts is the other half). The driver (src/sync/replica-sender.ts)
 * feeds it what happened and performs what it returns: storage removals, publishes, the resend
 * timer. It never decides anything about the outbox itself.
 */
export type OutboxInput =
  /** The outbox as storage held it at start. */
  | { readonly kind: 'loaded'; readonly ids: readonly string[] }
  /** A local event committed to storage with its outbox entry. */
  | { readonly kind: 'committed'; readonly id: string }
  /** The agent's vector: it holds our events up to `upTo` (those the log also holds). */
  | { readonly kind: 'agentHolds'; readonly upTo: number; readonly held: (seq: number) => boolean }
  /** Storage removed these acknowledged ids. */
  | { readonly kind: 'removed'; readonly ids: readonly string[] }
  /** A new connection: nothing is in flight on it. */
  | { readonly kind: 'connected' }
  /** The driver can publish now: what next? (`limit` per message) */
  | { readonly kind: 'canSend'; readonly limit: number }
  /** These ids went out on the wire at `now`. */
  | { readonly kind: 'published'; readonly ids: readonly string[]; readonly now: number }
  /** The driver stopped sending (offline, or a publish failed): resend later. */
  | { readonly kind: 'paused' }
  /** The resend timer fired; `capMs` bounds the next pause (the anti-entropy period). */
  | { readonly kind: 'retryDue'; readonly now: number; readonly capMs: number };

export type OutboxEffect =
  /** Delete these acknowledged ids from the durable outbox, then feed `removed`. */
  | { readonly kind: 'remove'; readonly ids: readonly string[] }
  /** Publish these own events, in order, feeding `published` as they go; then `canSend` again. */
  | { readonly kind: 'publish'; readonly ids: readonly string[] }
  /** Nothing left to send now but events await acknowledgement: `retryDue` after `ms`. */
  | { readonly kind: 'retryIn'; readonly ms: number }
  /** Resends are due: start sending (`canSend`). */
  | { readonly kind: 'send' };

export interface OutboxStep {
  readonly state: OutboxState;
  readonly effects: readonly OutboxEffect[];
}

const none: readonly OutboxEffect[] = [];

export function outboxStep(o: OutboxState, input: OutboxInput): OutboxStep {
  switch (input.kind) {
    case 'loaded':
      return { state: outboxOf(input.ids), effects: none };
    case 'committed':
      return { state: committed(o, input.id), effects: [{ kind: 'send' }] };
    case 'agentHolds': {
      const done = acknowledged(o, input.upTo, input.held);
      return { state: o, effects: done.length > 0 ? [{ kind: 'remove', ids: done }] : none };
    }
    case 'removed':
      return { state: removed(o, input.ids), effects: none };
    case 'connected':
      return { state: reconnected(o), effects: [{ kind: 'send' }] };
    case 'canSend': {
      const ids = unsent(o, input.limit);
      if (ids.length > 0) return { state: o, effects: [{ kind: 'publish', ids }] };
      return { state: o, effects: o.ids.length > 0 ? [{ kind: 'retryIn', ms: o.retryMs }] : none };
    }
    case 'paused':
      return { state: o, effects: o.ids.length > 0 ? [{ kind: 'retryIn', ms: o.retryMs }] : none };
    case 'published':
      return { state: sent(o, input.ids, input.now), effects: none };
    case 'retryDue':
      if (o.ids.length === 0) return { state: o, effects: none };
      return { state: retried(o, input.now, input.capMs), effects: [{ kind: 'send' }] };
  }
}
