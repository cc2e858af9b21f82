import { isHlcString, MAX_WALL } from '../clock/hlc.ts';
import {
  EVENT_TYPES,
  eventId,
  MAX_REFUSED_PER_EVENT,
  REFUSAL_REASONS,
  type EventType,
  type StoreEvent,
  type WaitPromise,
  MAX_PROMISE_SEC,
  CANCEL_REASONS,
  MAX_NAME_LENGTH,
  TICKET_CHANNELS,
  APPOINTMENT_CANCEL_REASONS,
  BOOKING_CODE,
} from '../queue/events.ts';
import { MAX_REASON_LENGTH, SATISFACTIONS, VISIT_STEPS } from '../visit/types.ts';

/**
 * Schema check for events arriving from the network (or from a file). Anything that does not
 * match exactly is refused with a reason; extra fields are dropped so they never reach state.
 */
export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string };

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const NUMBER = /^[A-Z][0-9]{3,6}$/;
/** A BCP 47 language tag such as "pl", "ar" or "pt-BR" (well formed; not necessarily offered). */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
const MAX_SEQ = 2 ** 40;
/** Visit step numbers and times: whole numbers in a sane range (times: 2001 to 2286). */
const MAX_STEP_N = 1_000_000;
const MIN_TIME_MS = 1_000_000_000_000;
const MAX_TIME_MS = 9_999_999_999_999;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

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

function isWhole(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** Optional id fields: absent is fine, present must be an id. */
function optionalIds(x: Obj, out: Obj, ...keys: string[]): string | null {
  for (const k of keys) {
    if (x[k] === undefined) continue;
    const v = idField(x, k);
    if (!v) return `field "${k}" is not an id`;
    out[k] = v;
  }
  return null;
}

/** Free text typed by staff: a string of at most `max` characters, no control characters. */
function textField(x: Obj, key: string, max: number): string | null | undefined {
  const v = x[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length > max || CONTROL.test(v)) return null;
  return v;
}

const TEXT_RULE = `must be text of at most ${MAX_REASON_LENGTH} characters`;

/** A transfer's optional handover: to a counter or a colleague, and why. */
function withHandover(body: Obj | string, x: Obj): Obj | string {
  if (typeof body === 'string') return body;
  const bad = optionalIds(x, body, 'toCounter', 'toStaff');
  if (bad) return bad;
  const reason = textField(x, 'reason', MAX_REASON_LENGTH);
  if (reason === null) return `field "reason" ${TEXT_RULE}`;
  return { ...body, ...(reason !== undefined ? { reason } : {}) };
}

function visitNote(body: Obj | string, x: Obj): Obj | string {
  if (typeof body === 'string') return body;
  const bad = optionalIds(x, body, 'counter', 'ticket');
  if (bad) return bad;
  const note = textField(x, 'note', MAX_REASON_LENGTH);
  if (note === undefined || note === null) return `field "note" ${TEXT_RULE}`;
  return { ...body, note };
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
    case 'visit.step': {
      const body = need('visit', 'clerk');
      if (typeof body === 'string') return body;
      const bad = optionalIds(x, body, 'counter', 'ticket');
      if (bad) return bad;
      if (!(VISIT_STEPS as readonly unknown[]).includes(x.step)) {
        return 'field "step" is not a visit step';
      }
      if (!isWhole(x.n, 1, MAX_STEP_N)) return 'field "n" must be a whole number from 1';
      if (!isWhole(x.at, MIN_TIME_MS, MAX_TIME_MS)) return 'field "at" must be a time in ms';
      return { ...body, step: x.step, n: x.n, at: x.at };
    }
    case 'visit.feedback': {
      const body = need('visit', 'clerk');
      if (typeof body === 'string') return body;
      if (!(SATISFACTIONS as readonly unknown[]).includes(x.satisfaction)) {
        return 'field "satisfaction" must be "bad", "neutral" or "good"';
      }
      if (x.nps !== undefined && !isWhole(x.nps, 0, 10)) {
        return 'field "nps" must be a whole number from 0 to 10';
      }
      return {
        ...body,
        satisfaction: x.satisfaction,
        ...(x.nps !== undefined ? { nps: x.nps } : {}),
      };
    }
    case 'alert.raised': {
      const body = need('alert');
      if (typeof body === 'string') return body;
      if (x.kind !== 'manager') return 'field "kind" must be "manager"';
      const bad = optionalIds(x, body, 'counter', 'visit');
      if (bad) return bad;
      const reason = textField(x, 'reason', MAX_REASON_LENGTH);
      if (reason === null) {
        return `field "reason" must be text of at most ${MAX_REASON_LENGTH} characters`;
      }
      return { ...body, kind: 'manager', ...(reason !== undefined ? { reason } : {}) };
    }
    case 'alert.acknowledged':
      return need('alert');
    case 'staff.signedIn':
    case 'staff.signedOut':
      return need('staff');
    case 'ticket.issued': {
      const body = need('ticket', 'service');
      if (typeof body === 'string') return body;
      if (typeof x.number !== 'string' || !NUMBER.test(x.number))
        return 'field "number" must look like A023';
      if (typeof x.n !== 'number' || !Number.isInteger(x.n) || x.n < 0 || x.n > 999_999) {
        return 'field "n" must be a whole number';
      }
      if (Number(x.number.slice(1)) !== x.n) return 'fields "number" and "n" disagree';
      if (x.priority !== undefined && typeof x.priority !== 'boolean') {
        return 'field "priority" must be true or false';
      }
      if (x.lang !== undefined && (typeof x.lang !== 'string' || !LANGUAGE.test(x.lang))) {
        return 'field "lang" must be a language code such as "pl"';
      }
      const promised = x.promised === undefined ? undefined : checkPromise(x.promised);
      if (promised === null) {
        return 'field "promised" must be {"sec","low","high"}: whole seconds, low <= sec <= high';
      }
      const remote = remoteFields(x);
      if (typeof remote === 'string') return remote;
      return {
        ...body,
        number: x.number,
        n: x.n,
        ...(x.priority === true ? { priority: true } : {}),
        ...(x.lang !== undefined ? { lang: x.lang } : {}),
        ...(promised ? { promised } : {}),
        ...remote,
      };
    }
    case 'ticket.cancelled': {
      const body = need('ticket');
      if (typeof body === 'string') return body;
      if (x.reason === undefined) return body;
      if (!(CANCEL_REASONS as readonly unknown[]).includes(x.reason)) {
        return `field "reason" must be one of ${CANCEL_REASONS.join(', ')}`;
      }
      return { ...body, reason: x.reason };
    }
    case 'ticket.checkedIn':
      return need('ticket');
    case 'appointment.booked':
      return appointmentBooked(need('appointment', 'service'), x);
    case 'appointment.cancelled': {
      const body = need('appointment');
      if (typeof body === 'string' || x.reason === undefined) return body;
      if (!(APPOINTMENT_CANCEL_REASONS as readonly unknown[]).includes(x.reason)) {
        return `field "reason" must be one of ${APPOINTMENT_CANCEL_REASONS.join(', ')}`;
      }
      return { ...body, reason: x.reason };
    }
    case 'ticket.transferred':
      return withHandover(need('ticket', 'counter', 'toService'), x);
    case 'visit.note':
      return visitNote(need('visit', 'clerk'), x);
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
    case 'event.refused': {
      const ids = x.events;
      if (
        !Array.isArray(ids) ||
        ids.length === 0 ||
        ids.length > MAX_REFUSED_PER_EVENT ||
        !ids.every((v) => typeof v === 'string' && ID.test(v))
      ) {
        return `field "events" must be a list of 1 to ${MAX_REFUSED_PER_EVENT} event ids`;
      }
      if (!(REFUSAL_REASONS as readonly unknown[]).includes(x.reason)) {
        return 'field "reason" is not a reason for a refusal';
      }
      return { type, events: [...(ids as string[])], reason: x.reason };
    }
    default:
      return need('ticket', 'counter');
  }
}

/** A booking: its slot (a wall time a store can file), check-in code, name and language. */
function appointmentBooked(body: Obj | string, x: Obj): Obj | string {
  if (typeof body === 'string') return body;
  if (!wallMs(x.at)) return 'field "at" must be a time in ms';
  if (typeof x.code !== 'string' || !BOOKING_CODE.test(x.code)) {
    return 'field "code" must be six digits';
  }
  const name = nameField(x);
  if (name === null) return `field "name" must be one line of 1 to ${MAX_NAME_LENGTH} characters`;
  if (x.lang !== undefined && (typeof x.lang !== 'string' || !LANGUAGE.test(x.lang))) {
    return 'field "lang" must be a language code such as "pl"';
  }
  return {
    ...body,
    at: x.at,
    code: x.code,
    ...(name !== undefined ? { name } : {}),
    ...(x.lang !== undefined ? { lang: x.lang } : {}),
  };
}

function wallMs(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_WALL;
}

/** A first name: absent, or one trimmed line of 1 to MAX_NAME_LENGTH; null when neither. */
function nameField(x: Obj): string | undefined | null {
  const name = x.name;
  if (name === undefined) return undefined;
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > MAX_NAME_LENGTH ||
    name.trim() !== name ||
    CONTROL.test(name) ||
    /[\t\n\r]/.test(name)
  ) {
    return null;
  }
  return name;
}

/**
 * The fields of a ticket taken away from the kiosk (domain/join, domain/booking): channel,
 * name, check-in, and the booking a ticket was issued for with its slot.
 */
function remoteFields(x: Obj): Obj | string {
  const out: Obj = {};
  if (x.channel !== undefined) {
    if (!(TICKET_CHANNELS as readonly unknown[]).includes(x.channel)) {
      return `field "channel" must be one of ${TICKET_CHANNELS.join(', ')}`;
    }
    out.channel = x.channel;
  }
  const name = nameField(x);
  if (name === null) return `field "name" must be one line of 1 to ${MAX_NAME_LENGTH} characters`;
  if (name !== undefined) out.name = name;
  if (x.checkIn !== undefined && x.checkIn !== true) return 'field "checkIn" must be true';
  if (x.checkIn === true) out.checkIn = true;
  if (x.appointment !== undefined || x.slot !== undefined) {
    if (typeof x.appointment !== 'string' || !ID.test(x.appointment)) {
      return 'field "appointment" must be an id';
    }
    if (!wallMs(x.slot)) return 'field "slot" must be a time in ms';
    if (x.channel !== 'appointment') return 'a booked ticket must have channel "appointment"';
    out.appointment = x.appointment;
    out.slot = x.slot;
  }
  return out;
}

function checkPromise(x: unknown): WaitPromise | null {
  if (typeof x !== 'object' || x === null) return null;
  const { sec, low, high } = x as Record<string, unknown>;
  const whole = (n: unknown): n is number =>
    typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_PROMISE_SEC;
  if (!whole(sec) || !whole(low) || !whole(high) || low > sec || sec > high) return null;
  return { sec, low, high };
}
