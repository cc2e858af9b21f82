import type { IncomingMessage, ServerResponse } from 'node:http';
import { isTicketId } from '../domain/kiosk/tracking.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import type { QueueState } from '../domain/queue/state.ts';
import { eventsOfTicket, withoutPersonal } from '../domain/retention/personal.ts';
import { readBody } from './body.ts';
import { sendJson } from './json-response.ts';
import type { Logger } from './log.ts';

/**
 * A customer's own data, reached with their ticket's link (its 128-bit id is the only key):
 *
 *   GET  /api/track/<ticket>/data     everything the hub's history holds about the ticket
 *   POST /api/track/<ticket>/forget   removes the personal text of those events (notes,
 *                                     reasons); the store's counts stay
 *
 * Finding a ticket reads the day files newest first, so one request at a time (another gets
 * 429): a page on the guest Wi-Fi must not keep the hub reading its year of history.
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
}

const PATH = /^\/api\/track\/([^/]+)\/(data|forget)$/;
const MAX_BODY_BYTES = 1024;

export function createPersonalDataApi(opts: PersonalDataOptions) {
  let busy = false;

  /** The ticket's events and the days they are in (its day, and the next for late ones). */
  async function find(h: PersonalHistory, ticket: string) {
    const days = (await h.days()).reverse();
    for (const [i, day] of days.entries()) {
      const mine = eventsOfTicket(await h.readDay(day), ticket);
      if (!mine.some((e) => e.type === 'ticket.issued')) continue;
      const next = days[i - 1];
      const later = next === undefined ? [] : eventsOfTicket(await h.readDay(next), ticket);
      return { days: later.length > 0 ? [day, next!] : [day], events: [...mine, ...later] };
    }
    return undefined;
  }

  async function forget(
    req: IncomingMessage,
    res: ServerResponse,
    h: PersonalHistory,
    ticket: string,
  ) {
    if ((await readBody(req, res, MAX_BODY_BYTES)) === undefined) return;
    const live = opts.state()?.tickets.get(ticket);
    if (
      live &&
      (live.status === 'waiting' || live.status === 'called' || live.status === 'serving')
    ) {
      return sendJson(res, 409, { error: 'the ticket is still in line: leave the queue first' });
    }
    const found = await find(h, ticket);
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
    busy = true;
    try {
      if (action === 'forget') {
        await forget(req, res, h, ticket);
      } else {
        const found = await find(h, ticket);
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
