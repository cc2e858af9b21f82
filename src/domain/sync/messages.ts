import { isHlcString } from '../clock/hlc.ts';
import type { StoreEvent } from '../queue/events.ts';
import { MAX_EVENTS_PER_MESSAGE, MAX_PAYLOAD_BYTES } from './message-limits.ts';
import { validateEvent } from './validate.ts';

/** Replication messages exchanged between devices and the hub's agent. */
export interface EventsMessage {
  readonly v: 1;
  readonly kind: 'events';
  readonly from: string;
  readonly events: readonly StoreEvent[];
  /** Per device: events up to this seq are older than what the receiver asked for. */
  readonly floors?: Readonly<Record<string, number>>;
}

/** "I hold every event of device d up to seq vector[d]": peers send what is missing. */
export interface VectorMessage {
  readonly v: 1;
  readonly kind: 'vector';
  readonly from: string;
  readonly vector: Readonly<Record<string, number>>;
  /** The sender's wall clock when sending: lets devices notice a wrong clock. */
  readonly at?: number;
  /** The sender wants only events at or after this clock value (it keeps recent days). */
  readonly since?: string;
}

export type SyncMessage = EventsMessage | VectorMessage;

export type ParseResult =
  | {
      ok: true;
      kind: 'events';
      from: string;
      events: StoreEvent[];
      rejected: string[];
      floors: Record<string, number>;
    }
  | {
      ok: true;
      kind: 'vector';
      from: string;
      vector: Record<string, number>;
      at?: number;
      since?: string;
    }
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
    const floors = m.floors === undefined ? {} : parseVector(m.floors);
    if (typeof floors === 'string') return { ok: false, reason: `field "floors": ${floors}` };
    return { ok: true, kind: 'events', from: m.from, events, rejected, floors };
  }
  if (m.kind === 'vector') {
    const vector = parseVector(m.vector);
    if (typeof vector === 'string') return { ok: false, reason: `field "vector": ${vector}` };
    const at = m.at;
    if (at !== undefined && (typeof at !== 'number' || !Number.isFinite(at) || at < 0)) {
      return { ok: false, reason: 'field "at" is not a time' };
    }
    const since = m.since;
    if (since !== undefined && (typeof since !== 'string' || !isHlcString(since))) {
      return { ok: false, reason: 'field "since" is not a clock value' };
    }
    return {
      ok: true,
      kind: 'vector',
      from: m.from,
      vector,
      ...(at !== undefined ? { at } : {}),
      ...(since !== undefined ? { since } : {}),
    };
  }
  return { ok: false, reason: 'unknown message kind' };
}

function parseVector(v: unknown): Record<string, number> | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > 10_000) return 'too many entries';
  const out: Record<string, number> = {};
  for (const [k, n] of entries) {
    if (!ID.test(k) || typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      return `entry ${JSON.stringify(k.slice(0, 40))} is invalid`;
    }
    out[k] = n;
  }
  return out;
}
