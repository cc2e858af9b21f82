import { isHlcString } from '../clock/hlc.ts';
import { EVENT_TYPES, eventId, type EventType, type StoreEvent } from '../queue/events.ts';

/**
 * Schema check for events arriving from the network (or from a file). Anything that does not
 * match exactly is refused with a reason; extra fields are dropped so they never reach state.
 */
export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string };

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const NUMBER = /^[A-Z][0-9]{3,6}$/;
const MAX_SEQ = 2 ** 40;

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function idField(o: Obj, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' && ID.test(v) ? v : null;
}

export function validateEvent(x: unknown): Validated<StoreEvent> {
  if (!isObj(x)) return { ok: false, reason: 'event is not an object' };
  const store = idField(x, 'store');
  const device = idField(x, 'device');
  if (!store) return { ok: false, reason: 'field "store" is missing or not an id' };
  if (!device) return { ok: false, reason: 'field "device" is missing or not an id' };
  const seq = x.seq;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
    return { ok: false, reason: 'field "seq" must be a whole number from 1' };
  }
  if (x.id !== eventId(device, seq))
    return { ok: false, reason: 'field "id" must be "<device>:<seq>"' };
  if (typeof x.hlc !== 'string' || !isHlcString(x.hlc)) {
    return { ok: false, reason: 'field "hlc" is not a clock value' };
  }
  const type = x.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    return { ok: false, reason: `unknown event type ${JSON.stringify(String(type).slice(0, 40))}` };
  }
  const meta = { id: x.id, store, device, seq, hlc: x.hlc };
  const body = validateBody(type as EventType, x);
  if (typeof body === 'string') return { ok: false, reason: `${type}: ${body}` };
  return { ok: true, value: { ...meta, ...body } as StoreEvent };
}

function validateBody(type: EventType, x: Obj): Obj | string {
  const need = (...keys: string[]): Obj | string => {
    const out: Obj = { type };
    for (const k of keys) {
      const v = idField(x, k);
      if (!v) return `field "${k}" is missing or not an id`;
      out[k] = v;
    }
    return out;
  };
  switch (type) {
    case 'ticket.issued': {
      const body = need('ticket', 'service');
      if (typeof body === 'string') return body;
      if (typeof x.number !== 'string' || !NUMBER.test(x.number))
        return 'field "number" must look like A023';
      if (typeof x.n !== 'number' || !Number.isInteger(x.n) || x.n < 0 || x.n > 999_999) {
        return 'field "n" must be a whole number';
      }
      if (Number(x.number.slice(1)) !== x.n) return 'fields "number" and "n" disagree';
      return { ...body, number: x.number, n: x.n };
    }
    case 'ticket.cancelled':
      return need('ticket');
    case 'ticket.transferred':
      return need('ticket', 'counter', 'toService');
    case 'counter.opened': {
      const body = need('counter');
      if (typeof body === 'string') return body;
      const s = x.services;
      if (
        !Array.isArray(s) ||
        s.length > 50 ||
        !s.every((v) => typeof v === 'string' && ID.test(v))
      ) {
        return 'field "services" must be a list of ids';
      }
      return { ...body, services: [...(s as string[])] };
    }
    case 'counter.closed':
      return need('counter');
    default:
      return need('ticket', 'counter');
  }
}
