import type { IncomingMessage, ServerResponse } from 'node:http';
import { takenAtFromLink } from '../domain/kiosk/missing-ticket.ts';
import { isTicketId } from '../domain/kiosk/tracking.ts';
import { dayKey } from '../domain/queue/day.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import type { QueueState } from '../domain/queue/state.ts';
import { dayAfter, lookupDays, type LookupScope } from '../domain/retention/lookup.ts';
import { eventsOfTicket, withoutPersonal } from '../domain/retention/personal.ts';
import { plainAddress } from '../domain/security/address.ts';
import { FailureLimiter, type FailureLimits } from '../domain/security/failure-limiter.ts';
import { readBody } from './body.ts';
import { sendJson } from './json-response.ts';
import type { Logger } from './log.ts';
import { createLogThrottle } from './throttle.ts';

/**
 * A customer's own data, reached with their ticket's link (its 128-bit id is the only key):
 *
 *   GET  /api/track/<ticket>/data[?at=<s>]    everything the hub's history holds about it
 *   POST /api/track/<ticket>/forget[?at=<s>]  removes the personal text of those events
 *                                             (notes, reasons); the store's counts stay
 *
 * `at` is the link's (when the ticket was taken). Finding a ticket reads a few day files
 * (src/domain/retention/lookup.ts), one request at a time, and each address may ask
 * LOOKUPS.perAddress times a minute (429 past it): a page on the guest Wi-Fi, or a script
 * trying made-up links, must not keep the hub reading its history.
 */
export interface PersonalHistory {
  days(): Promise<string[]>;
  readDay(day: string): Promise<StoreEvent[]>;
  rewriteDay(day: string, change: (e: StoreEvent) => StoreEvent | undefined): Promise<number>;
}

export interface PersonalDataOptions {
  readonly log: Logger;
  readonly history: () => PersonalHistory | undefined;
  /** Today's live queue: a ticket still in line is not forgotten under the clerk's feet. */
  readonly state: () => QueueState | undefined;
  readonly timeZone: () => string;
  /** retention.personalDataDays (0: no limit). */
  readonly keepDays: () => number;
  readonly now?: () => number;
}

/** Lookups a minute: a customer asks a few times; a script guessing links is stopped. */
export const LOOKUPS: FailureLimits = {
  perAddress: 10,
  total: 120,
  windowMs: 60_000,
  maxAddresses: 10_000,
};

const PATH = /^\/api\/track\/([^/]+)\/(data|forget)$/;
const MAX_BODY_BYTES = 1024;

/** The ticket's events and the days they are in (its day, and the next for late ones). */
async function findTicket(
  h: PersonalHistory,
  ticket: string,
  scope: Omit<LookupScope, 'days'>,
): Promise<{ days: string[]; events: StoreEvent[] } | undefined> {
  const all = await h.days();
  for (const day of lookupDays({ ...scope, days: all })) {
    const mine = eventsOfTicket(await h.readDay(day), ticket);
    if (!mine.some((e) => e.type === 'ticket.issued')) continue;
    const next = dayAfter(all, day);
    const later = next === undefined ? [] : eventsOfTicket(await h.readDay(next), ticket);
    return { days: later.length > 0 ? [day, next!] : [day], events: [...mine, ...later] };
  }
  return undefined;
}

/**
 * Counts lookups per address (LOOKUPS); past the limit it answers 429 with a JSON error and
 * logs one line a minute, and the caller stops.
 */
function createLookupLimit(log: Logger, now: () => number) {
  const lookups = new FailureLimiter(LOOKUPS);
  const logged = createLogThrottle(undefined, now);
  return function admit(req: IncomingMessage, res: ServerResponse): boolean {
    const from = plainAddress(req.socket.remoteAddress);
    const t = now();
    const blocked = lookups.blocked(from, t);
    if (!blocked) {
      // every lookup counts, found or not, as wrong pairing codes do for enrollment
      lookups.fail(from, t);
      return true;
    }
    if (logged(`${from} lookups`)) {
      const who = blocked === 'address' ? `for ${from}` : 'for every address';
      const limit = blocked === 'address' ? LOOKUPS.perAddress : LOOKUPS.total;
      log.warn('privacy', `ticket data lookups paused ${who}: more than ${limit} a minute`);
    }
    const retryAfterSec = Math.ceil(LOOKUPS.windowMs / 1000);
    sendJson(
      res,
      429,
      { error: 'too many lookups of ticket data: try again in a minute', retryAfterSec },
      { 'Retry-After': String(retryAfterSec) },
    );
    return false;
  };
}

export function createPersonalDataApi(opts: PersonalDataOptions) {
  const now = opts.now ?? Date.now;
  const admit = createLookupLimit(opts.log, now);
  let busy = false;

  const find = (h: PersonalHistory, ticket: string, takenAt: number | undefined) => {
    const timeZone = opts.timeZone();
    const today = dayKey(now(), timeZone);
    return findTicket(h, ticket, { today, timeZone, keepDays: opts.keepDays(), takenAt });
  };

  async function forget(
    req: IncomingMessage,
    res: ServerResponse,
    h: PersonalHistory,
    ticket: string,
    takenAt: number | undefined,
  ) {
    if ((await readBody(req, res, MAX_BODY_BYTES)) === undefined) return;
    const live = opts.state()?.tickets.get(ticket);
    if (
      live &&
      (live.status === 'waiting' || live.status === 'called' || live.status === 'serving')
    ) {
      return sendJson(res, 409, { error: 'the ticket is still in line: leave the queue first' });
    }
    const found = await find(h, ticket, takenAt);
    if (!found) return sendJson(res, 404, { error: 'no such ticket' });
    const ids = new Set(found.events.map((e) => e.id));
    let removed = 0;
    for (const day of found.days) {
      removed += await h.rewriteDay(day, (e) => (ids.has(e.id) ? withoutPersonal(e) : undefined));
    }
    opts.log.info(
      'privacy',
      `a customer asked to be forgotten: personal text removed from ${removed} events of their ticket`,
    );
    sendJson(res, 200, { removed });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, urlPath: string) {
    const m = PATH.exec(urlPath);
    if (!m) return false;
    const [, ticket = '', action] = m;
    const method = action === 'data' ? 'GET' : 'POST';
    if (req.method !== method) {
      sendJson(res, 405, { error: `use ${method}` }, { Allow: method });
      return true;
    }
    if (!isTicketId(ticket)) {
      sendJson(res, 400, { error: 'not a ticket id' });
      return true;
    }
    const h = opts.history();
    if (!h) {
      sendJson(res, 503, { error: 'the store is starting' }, { 'Retry-After': '5' });
      return true;
    }
    if (busy) {
      sendJson(res, 429, { error: 'another request is being answered' }, { 'Retry-After': '2' });
      return true;
    }
    if (!admit(req, res)) return true;
    const takenAt = takenAtFromLink(new URL(req.url ?? '/', 'http://hub').search);
    busy = true;
    try {
      if (action === 'forget') {
        await forget(req, res, h, ticket, takenAt);
      } else {
        const found = await find(h, ticket, takenAt);
        if (!found) sendJson(res, 404, { error: 'no such ticket' });
        else sendJson(res, 200, { ticket, days: found.days, events: found.events });
      }
    } finally {
      busy = false;
    }
    return true;
  }

  return { handle };
}
