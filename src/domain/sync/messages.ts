import type { StoreEvent } from '../queue/events.ts';
import { validateEvent } from './validate.ts';

/** Replication messages exchanged between devices and the hub's agent. */
export interface EventsMessage {
  readonly v: 1;
  readonly kind: 'events';
  readonly from: string;
  readonly events: readonly StoreEvent[];
}

/** "I hold every event of device d up to seq vector[d]": peers send what is missing. */
export interface VectorMessage {
  readonly v: 1;
  readonly kind: 'vector';
  readonly from: string;
  readonly vector: Readonly<Record<string, number>>;
}

export type SyncMessage = EventsMessage | VectorMessage;

/** Payloads above this are refused before parsing. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
export const MAX_EVENTS_PER_MESSAGE = 500;

export interface ParsedEvents {
  readonly message: EventsMessage;
  /** Events that failed validation, with why; they never reach the fold. */
  readonly rejected: readonly string[];
}

export type ParseResult =
  | { ok: true; kind: 'events'; from: string; events: StoreEvent[]; rejected: string[] }
  | { ok: true; kind: 'vector'; from: string; vector: Record<string, number> }
  | { ok: false; reason: string };

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function parseSyncMessage(payload: string, byteLength: number): ParseResult {
  if (byteLength > MAX_PAYLOAD_BYTES)
    return { ok: false, reason: `payload of ${byteLength} bytes is over the cap` };
  let x: unknown;
  try {
    x = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  if (typeof x !== 'object' || x === null) return { ok: false, reason: 'payload is not an object' };
  const m = x as Record<string, unknown>;
  if (m.v !== 1) return { ok: false, reason: 'unsupported message version' };
  if (typeof m.from !== 'string' || !ID.test(m.from))
    return { ok: false, reason: 'field "from" is not an id' };
  if (m.kind === 'events') {
    if (!Array.isArray(m.events) || m.events.length > MAX_EVENTS_PER_MESSAGE) {
      return { ok: false, reason: 'field "events" must be a list of at most 500 events' };
    }
    const events: StoreEvent[] = [];
    const rejected: string[] = [];
    for (const raw of m.events as unknown[]) {
      const r = validateEvent(raw);
      if (r.ok) events.push(r.value);
      else rejected.push(r.reason);
    }
    return { ok: true, kind: 'events', from: m.from, events, rejected };
  }
  if (m.kind === 'vector') {
    const v = m.vector;
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return { ok: false, reason: 'field "vector" is not an object' };
    const vector: Record<string, number> = {};
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > 10_000) return { ok: false, reason: 'vector too large' };
    for (const [k, n] of entries) {
      if (!ID.test(k) || typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        return { ok: false, reason: `vector entry ${JSON.stringify(k.slice(0, 40))} is invalid` };
      }
      vector[k] = n;
    }
    return { ok: true, kind: 'vector', from: m.from, vector };
  }
  return { ok: false, reason: 'unknown message kind' };
}
