import type { StoreEvent } from '../domain/queue/events.ts';
import { CHUNK, PUBLISH_TIMEOUT_MS } from '../domain/sync/protocol/timing.ts';
import type { Clock, Transport } from './ports.ts';

/**
 * Owns the wire form of what a replica publishes: its vector (QoS 0, a lost one is announced
 * again) and events in chunks (QoS 1, each acknowledged by the broker in time or failed).
 */
export function publishVector(
  transport: Transport,
  topic: string,
  body: { from: string; vector: Record<string, number>; at: number; since?: string },
): void {
  const payload = JSON.stringify({ v: 1, kind: 'vector', ...body });
  void transport.publish(topic, payload, { qos: 0 }).catch(() => undefined);
}

/**
 * Publishes events in chunks, floors with the first; `onSent` hears each chunk's events as it
 * goes out (the outbox marks them in flight). Rejects when a chunk is not acknowledged.
 */
export async function publishEvents(
  port: { transport: Transport; clock: Clock },
  topic: string,
  from: string,
  events: readonly StoreEvent[],
  floors: Record<string, number>,
  onSent: (chunk: readonly StoreEvent[]) => void,
): Promise<void> {
  for (let i = 0; i < Math.max(events.length, 1); i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    const payload = JSON.stringify({
      v: 1,
      kind: 'events',
      from,
      events: chunk,
      ...(i === 0 && Object.keys(floors).length > 0 ? { floors } : {}),
    });
    onSent(chunk);
    await withTimeout(
      port.transport.publish(topic, payload, { qos: 1 }),
      PUBLISH_TIMEOUT_MS,
      port.clock,
    );
  }
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

export function describe(err: unknown): string {
  if (err instanceof Error) {
    return err.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : err.message;
  }
  return String(err);
}
