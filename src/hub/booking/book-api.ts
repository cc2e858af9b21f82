/**
 * Booking a time, over plain HTTP from the hub (like /api/join, a customer's phone is never a
 * store device):
 *
 *   GET  /api/book                          the store, its bookable services, the days
 *   GET  /api/book/slots?service=&date=     that day's slots ahead, with their free places
 *   POST /api/book                          {service, at, name?, lang?}: 201 {appointment,
 *                                           token, code, service, at}
 *   GET  /api/book/<id>?k=<token>           where the booking stands (booking-view.ts)
 *   POST /api/book/<id>/cancel              {k}
 *   POST /api/book/<id>/move                {k, at}
 *   GET  /api/book/<id>/calendar.ics?k=     the booking for the customer's calendar
 *   POST /api/book/<id>/here                {k}: "I'm here", only from the store's network;
 *                                           issues the ticket, answers {ticket}
 *
 * The token is the customer's capability (kept in the confirmation link); the hub keeps only
 * its digest. Decisions are domain/booking's; the bookings are booking-store.ts's; today's
 * log is booking-day.ts's. One log line per booking, move, cancel and check-in, and one per
 * refusal kind and address a minute.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { arriveForBooking, type ArrivalRefusal } from '../../domain/booking/arrive.ts';
import type { Booking } from '../../domain/booking/bookings.ts';
import { freeIn } from '../../domain/booking/bookings.ts';
import {
  bookSlot,
  cancelBooking,
  moveBooking,
  newBookingCode,
  type BookingRefusal,
} from '../../domain/booking/decide.ts';
import { bookableSlots } from '../../domain/booking/slots.ts';
import { readConfig, type ConfigSource } from '../../domain/config/types.ts';
import { dayNumberOf, localAt } from '../../domain/hours/wall-time.ts';
import { cleanName } from '../../domain/join/name.ts';
import { onStoreNetwork } from '../../domain/join/network.ts';
import { readBody } from '../body.ts';
import { isJsonRequest, jsonObject, refuseNotJson, sendJson } from '../json-response.ts';
import type { Logger } from '../log.ts';
import { SECURITY_HEADERS } from '../security-headers.ts';
import { createLogThrottle } from '../throttle.ts';
import { newTicketId } from '../ticket-id.ts';
import type { BookingDay, BookingReplica } from './booking-day.ts';
import type { BookingStore } from './booking-store.ts';
import { bookingMenu, bookingView } from './booking-view.ts';
import { bookingCalendar } from './calendar.ts';

export interface BookApiOptions {
  readonly config: ConfigSource;
  readonly log: Logger;
  readonly store: BookingStore;
  /** The agent's replica and today's log keeper, once the agent runs. */
  readonly source: () => BookingReplica | undefined;
  readonly day: () => BookingDay | undefined;
  readonly now?: () => number;
}

export type BookApi = (
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
) => Promise<boolean>;

const PREFIX = '/api/book';
const MAX_BODY_BYTES = 1024;
const BOOKING_ID = /^[a-z2-7]{26}$/;
const TOKEN = /^[a-f0-9]{32}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
const DAY_MS = 86_400_000;

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether `token` is the booking's capability (compared in constant time). */
function holds(b: Booking, token: unknown): boolean {
  if (typeof token !== 'string' || !TOKEN.test(token)) return false;
  return timingSafeEqual(Buffer.from(digest(token)), Buffer.from(b.key));
}

export function createBookApi(opts: BookApiOptions): BookApi {
  const { log, store } = opts;
  const config = () => readConfig(opts.config);
  const now = opts.now ?? Date.now;
  /** When each address booked, within the last day (the per-address-per-day limit). */
  const booked = new Map<string, number[]>();
  const shouldLog = createLogThrottle(60_000, now);

  function refuse(res: ServerResponse, address: string, r: BookingRefusal | ArrivalRefusal) {
    if (shouldLog(`${address}:${r.kind}`)) {
      log.info('booking', `refused for ${address}: ${r.kind}`);
    }
    const status = r.kind === 'notFound' ? 404 : r.kind === 'unknownService' ? 400 : 409;
    sendJson(res, status, { error: r.kind, refusal: r });
  }

  function addressToday(address: string, t: number): number {
    const tz = config().store.timeZone;
    const kept = (booked.get(address) ?? []).filter((x) => x > t - DAY_MS);
    if (booked.size > 10_000) booked.clear();
    booked.set(address, kept);
    return kept.filter((x) => localAt(x, tz).day === localAt(t, tz).day).length;
  }

  /** The request's JSON object, or undefined once the answer is sent (too large, not JSON). */
  function parsed(raw: Buffer | undefined, req: IncomingMessage, res: ServerResponse) {
    if (raw === undefined) return undefined;
    if (!isJsonRequest(req)) return refuseNotJson(res);
    const object = jsonObject(raw);
    if (!object) sendJson(res, 400, { error: 'send a JSON object' });
    return object;
  }

  function slots(req: IncomingMessage, res: ServerResponse): void {
    const q = new URL(req.url ?? '/', 'http://hub').searchParams;
    const service = q.get('service') ?? '';
    const day = dayNumberOf(q.get('date') ?? '');
    if (day === undefined) return sendJson(res, 400, { error: 'date must be YYYY-MM-DD' });
    const cfg = config();
    if (!cfg.services.some((s) => s.id === service)) {
      return sendJson(res, 400, { error: 'unknownService' });
    }
    const list = bookableSlots(cfg, service, day, now()).map((s) => ({
      at: s.at,
      end: s.end,
      free: freeIn(cfg, store.bookings, service, s.at),
    }));
    sendJson(res, 200, { service, date: q.get('date'), slots: list });
  }

  async function book(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const b = parsed(await readBody(req, res, MAX_BODY_BYTES), req, res);
    if (!b) return;
    const name = cleanName(b.name);
    if (typeof b.service !== 'string' || typeof b.at !== 'number' || name === null) {
      return sendJson(res, 400, {
        error: 'send {"service", "at", "name"?} as JSON; a name is one short line',
      });
    }
    const { service, at } = b;
    const lang = typeof b.lang === 'string' && LANGUAGE.test(b.lang) ? b.lang : undefined;
    const address = req.socket.remoteAddress ?? 'unknown';
    const token = randomBytes(16).toString('hex');
    const id = newTicketId();
    const t = now();
    const decided = await store.change((bookings) =>
      bookSlot(config(), bookings, {
        id,
        service,
        at,
        now: t,
        code: newBookingCode(bookings, () => randomInt(1_000_000) / 1_000_000),
        key: digest(token),
        name,
        lang,
        addressToday: addressToday(address, t),
      }),
    );
    if (!decided.ok) return refuse(res, address, decided.refusal);
    booked.get(address)?.push(t);
    const made = store.bookings.get(id)!;
    log.info(
      'booking',
      `booking ${made.code} made for ${service} at ${new Date(at).toISOString()}`,
    );
    await syncToday();
    sendJson(res, 201, { appointment: id, token, code: made.code, service, at });
  }

  /** Brings today's log in line now; a failure is logged, the sweep tries again. */
  async function syncToday(): Promise<void> {
    await opts
      .day()
      ?.sync()
      .catch((err: unknown) => log.warn('booking', `today's log: ${String(err)}`));
  }

  function found(res: ServerResponse, id: string, token: unknown): Booking | undefined {
    const b = store.bookings.get(id);
    if (b && holds(b, token)) return b;
    sendJson(res, 404, { error: 'notFound' });
    return undefined;
  }

  function status(req: IncomingMessage, res: ServerResponse, id: string): void {
    const k = new URL(req.url ?? '/', 'http://hub').searchParams.get('k');
    const b = found(res, id, k);
    if (!b) return;
    const state = opts.source()?.state;
    if (!state) return starting(res);
    sendJson(res, 200, bookingView(config(), state, b, now()));
  }

  async function change(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    action: 'cancel' | 'move',
  ): Promise<void> {
    const b = parsed(await readBody(req, res, MAX_BODY_BYTES), req, res);
    if (!b || !found(res, id, b.k)) return;
    if (action === 'move' && typeof b.at !== 'number') {
      return sendJson(res, 400, { error: 'send {"k", "at"}' });
    }
    const inLog = opts.source()?.state.appointments.get(id);
    const t = now();
    const decided = await store.change((bookings) =>
      action === 'cancel'
        ? cancelBooking(config(), bookings, { id, now: t, inLog })
        : moveBooking(config(), bookings, { id, at: b.at as number, now: t, inLog }),
    );
    const address = req.socket.remoteAddress ?? 'unknown';
    if (!decided.ok) return refuse(res, address, decided.refusal);
    const after = store.bookings.get(id)!;
    log.info(
      'booking',
      action === 'cancel'
        ? `booking ${after.code} cancelled by the customer`
        : `booking ${after.code} moved to ${new Date(after.at).toISOString()}`,
    );
    await syncToday();
    const state = opts.source()?.state;
    sendJson(res, 200, state ? bookingView(config(), state, after, now()) : { ok: true });
  }

  function calendar(req: IncomingMessage, res: ServerResponse, id: string): void {
    const q = new URL(req.url ?? '/', 'http://hub').searchParams;
    const b = found(res, id, q.get('k'));
    if (!b) return;
    const cfg = config();
    const lang = b.lang ?? cfg.store.defaultLanguage;
    const scheme = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
    const link = `${scheme}://${req.headers.host ?? 'localhost'}/book/${id}?k=${q.get('k') ?? ''}`;
    const text = bookingCalendar(cfg, b, link, lang);
    if (text === undefined) return sendJson(res, 500, { error: 'the calendar file failed' });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="booking-${b.code}.ics"`,
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  async function here(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const b = parsed(await readBody(req, res, MAX_BODY_BYTES), req, res);
    if (!b) return;
    const address = req.socket.remoteAddress;
    if (!onStoreNetwork(address, config().join?.storeNetworks)) {
      if (shouldLog(`${address}:notInStore`)) {
        log.info(
          'booking',
          `check-in refused for ${address ?? 'unknown'}: not on the store's network`,
        );
      }
      return sendJson(res, 403, { error: 'notInStore' });
    }
    const booking = found(res, id, b.k);
    const source = opts.source();
    if (!booking) return;
    if (!source) return starting(res);
    await syncToday();
    const ticketId = newTicketId();
    let refusal: ArrivalRefusal | undefined;
    const outcome = await source.run((state, at) => {
      const d = arriveForBooking(config(), state, booking, { ticketId, now: at });
      if (d.ok) return { ok: true, event: d.event };
      refusal = d.refusal;
      return { ok: false, error: 'notWaiting' };
    });
    const r: ArrivalRefusal | undefined = refusal;
    if (r?.kind === 'arrived') return sendJson(res, 200, { ticket: r.ticket });
    if (r) return refuse(res, address ?? 'unknown', r);
    const ticket = source.state.tickets.get(ticketId);
    if (!outcome.ok || !ticket)
      return sendJson(res, 503, { error: 'the ticket could not be issued' });
    log.info(
      'booking',
      `booking ${booking.code} checked in from the phone: ticket ${ticket.number}`,
    );
    sendJson(res, 200, { ticket: ticketId, number: ticket.number });
  }

  return async (req, res, urlPath) => {
    if (urlPath !== PREFIX && !urlPath.startsWith(`${PREFIX}/`)) return false;
    const method = req.method ?? 'GET';
    const reading = method === 'GET' || method === 'HEAD';
    const allow = (verbs: string) =>
      sendJson(res, 405, { error: 'method not allowed' }, { Allow: verbs });
    if (urlPath === PREFIX) {
      if (reading) {
        const cfg = config();
        const free = (service: string, at: number) => freeIn(cfg, store.bookings, service, at) > 0;
        sendJson(res, 200, bookingMenu(cfg, now(), free));
      } else if (method === 'POST') await book(req, res);
      else allow('GET, HEAD, POST');
      return true;
    }
    if (urlPath === `${PREFIX}/slots`) {
      if (reading) slots(req, res);
      else allow('GET, HEAD');
      return true;
    }
    const [id = '', action, ...rest] = urlPath.slice(PREFIX.length + 1).split('/');
    if (!BOOKING_ID.test(id)) sendJson(res, 404, { error: `no API at ${urlPath}` });
    else if (rest.length > 0) sendJson(res, 404, { error: `no API at ${urlPath}` });
    else if (action === undefined) {
      if (reading) status(req, res, id);
      else allow('GET, HEAD');
    } else if (action === 'calendar.ics') {
      if (reading) calendar(req, res, id);
      else allow('GET, HEAD');
    } else if (action === 'cancel' || action === 'move' || action === 'here') {
      if (method !== 'POST') allow('POST');
      else if (action === 'here') await here(req, res, id);
      else await change(req, res, id, action);
    } else sendJson(res, 404, { error: `no API at ${urlPath}` });
    return true;
  };
}

function starting(res: ServerResponse): void {
  sendJson(res, 503, { error: 'the store is starting' }, { 'Retry-After': '5' });
}
