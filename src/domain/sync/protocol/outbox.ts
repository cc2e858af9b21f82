import { IN_FLIGHT_MS, RETRY_FIRST_MS } from './timing.ts';

/**
 * Owns the outbox and its retransmission as pure state: own events not yet in the agent's
 * durable history, when each was last sent on this connection, and the resend back-off.
 * Each function returns a new state; the driver (src/sync/replica.ts) stores and publishes.
 */
export interface OutboxState {
  /** Event ids, oldest first. */
  readonly ids: readonly string[];
  /** When each id was last published on this connection (clock ms). */
  readonly sentAt: ReadonlyMap<string, number>;
  /** The pause before unacknowledged events are sent again. */
  readonly retryMs: number;
}

export function outboxOf(ids: readonly string[]): OutboxState {
  return { ids: [...ids], sentAt: new Map(), retryMs: RETRY_FIRST_MS };
}

/** A local event committed: it waits for the agent. */
export function committed(o: OutboxState, id: string): OutboxState {
  return { ...o, ids: [...o.ids, id] };
}

export const seqOf = (id: string): number => Number(id.slice(id.lastIndexOf(':') + 1));

/**
 * The ids the agent's vector covers (it holds ours up to `upTo`): a prefix of the outbox, up to
 * the first the log does not hold.
 */
export function acknowledged(
  o: OutboxState,
  upTo: number,
  held: (seq: number) => boolean,
): string[] {
  const done: string[] = [];
  for (const id of o.ids) {
    const seq = seqOf(id);
    if (!held(seq) || seq > upTo) break;
    done.push(id);
  }
  return done;
}

/** Acknowledged ids left the outbox on disk: they leave it here, and the back-off restarts. */
export function removed(o: OutboxState, done: readonly string[]): OutboxState {
  const gone = new Set(done);
  const sentAt = new Map(o.sentAt);
  for (const id of done) sentAt.delete(id);
  return { ids: o.ids.filter((id) => !gone.has(id)), sentAt, retryMs: RETRY_FIRST_MS };
}

/** A new connection: nothing is in flight on it yet. */
export function reconnected(o: OutboxState): OutboxState {
  return { ...o, sentAt: new Map() };
}

/** Up to `limit` ids not yet sent on this connection, in order. */
export function unsent(o: OutboxState, limit: number): string[] {
  return o.ids.filter((id) => !o.sentAt.has(id)).slice(0, limit);
}

export function sent(o: OutboxState, ids: Iterable<string>, now: number): OutboxState {
  const sentAt = new Map(o.sentAt);
  for (const id of ids) sentAt.set(id, now);
  return { ...o, sentAt };
}

/** Sent so recently that it is still on its way: not sent twice. */
export function inFlight(o: OutboxState, id: string, now: number): boolean {
  const at = o.sentAt.get(id);
  return at !== undefined && now - at < IN_FLIGHT_MS;
}

/**
 * The resend timer fired with events unacknowledged: those sent longer than IN_FLIGHT_MS ago
 * count as unsent again, and the next pause doubles up to `capMs` (the anti-entropy period).
 */
export function retried(o: OutboxState, now: number, capMs: number): OutboxState {
  const stale = now - IN_FLIGHT_MS;
  const sentAt = new Map(o.sentAt);
  for (const id of o.ids) {
    const at = sentAt.get(id);
    if (at !== undefined && at <= stale) sentAt.delete(id);
  }
  return { ...o, sentAt, retryMs: Math.min(o.retryMs * 2, capMs) };
}
