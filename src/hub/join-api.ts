/**
 * Joining the line from a phone, over plain HTTP from the hub (like /api/track, the phone is
 * never a store device):
 *
 *   GET  /api/join                  the store's services with the wait now and whether a
 *                                   ticket can be taken (the kiosk's honest hours and cap)
 *   POST /api/join/ticket           {service, name?, lang?, phone?}: the agent issues a phone
 *                                   ticket (domain/join/join-issue.ts); answers its id and the
 *                                   phone's capability, which the page keeps in localStorage
 *   POST /api/join/<ticket>/here    "I'm here": checks the ticket in, only from the store's
 *                                   own network (domain/join/network.ts)
 *
 * Every refusal names its kind so the page says it in the customer's language, and the hub
 * logs one readable line per kind and address a minute.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { customerLanguages, readConfig, type ConfigSource } from '../domain/config/types.ts';
import { serviceIssuing } from '../domain/hours/service-issuing.ts';
import { joinTicket, type JoinRefusal } from '../domain/join/join-issue.ts';
import { HOUR_MS } from '../domain/join/limits.ts';
import { cleanName } from '../domain/join/name.ts';
import { onStoreNetwork } from '../domain/join/network.ts';
import { isTicketId } from '../domain/kiosk/tracking.ts';
import { checkIn, type CommandResult } from '../domain/queue/commands.ts';
import type { QueueState } from '../domain/queue/state.ts';
import type { QueueWait } from '../domain/wait/queue-state.ts';
import { readBody } from './body.ts';
import { isJsonRequest, jsonObject, refuseNotJson, sendJson } from './json-response.ts';
import type { Logger } from './log.ts';
import { createLogThrottle } from './throttle.ts';
import { newTicketId } from './ticket-id.ts';

/** What joining needs of the agent's replica. */
export interface JoinSource {
  readonly state: QueueState;
  run(decide: (state: QueueState) => CommandResult): Promise<{ readonly ok: boolean }>;
}

export interface JoinApiOptions {
  readonly config: ConfigSource;
  readonly log: Logger;
  readonly source: () => JoinSource | undefined;
  /** The wait a new ticket for `service` can expect now (the agent's estimator). */
  readonly wait: () => ((service: string) => QueueWait) | undefined;
  readonly now?: () => number;
}

const PREFIX = '/api/join';
const MAX_BODY_BYTES = 1024;
const CAPABILITY = /^[a-f0-9]{32}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export type JoinApi = (
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
) => Promise<boolean>;

export function createJoinApi(opts: JoinApiOptions): JoinApi {
  const { log } = opts;
  const config = () => readConfig(opts.config);
  const now = opts.now ?? Date.now;
  /** Each phone's capability, to the ticket it last joined with. */
  const phones = new Map<string, string>();
  /** When each address joined within the last hour. */
  const joins = new Map<string, number[]>();
  const shouldLog = createLogThrottle(60_000, now);

  const starting = (res: ServerResponse) =>
    sendJson(res, 503, { error: 'the store is starting' }, { 'Retry-After': '5' });

  function menu(res: ServerResponse): void {
    const cfg = config();
    const source = opts.source();
    if (!source) return starting(res);
    const waitOf = opts.wait();
    const t = now();
    sendJson(res, 200, {
      offered: cfg.join !== undefined,
      store: {
        name: cfg.store.name,
        defaultLanguage: cfg.store.defaultLanguage,
        languages: customerLanguages(cfg),
        timeZone: cfg.store.timeZone,
      },
      services: cfg.services.map((s) => {
        const wait = waitOf?.(s.id);
        return {
          id: s.id,
          name: s.name,
          wait: wait ?? null,
          issuing: serviceIssuing(cfg, source.state, s.id, t, wait),
          checkIn: s.remote?.checkIn === true,
        };
      }),
    });
  }

  function recentJoins(address: string, t: number): number[] {
    const kept = (joins.get(address) ?? []).filter((x) => x > t - HOUR_MS);
    if (joins.size > 10_000) joins.clear();
    joins.set(address, kept);
    return kept;
  }

  function refuse(res: ServerResponse, address: string, refusal: JoinRefusal): void {
    if (shouldLog(`${address}:${refusal.kind}`)) {
      log.info('join', `phone ticket refused for ${address}: ${refusal.kind}`);
    }
    const status =
      refusal.kind === 'unknownService' ? 400 : refusal.kind === 'notOffered' ? 404 : 409;
    sendJson(res, status, { error: refusal.kind, refusal });
  }

  async function join(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, res, MAX_BODY_BYTES);
    if (raw === undefined) return;
    if (!isJsonRequest(req)) return refuseNotJson(res);
    const body = jsonObject(raw);
    const name = cleanName(body?.name);
    if (!body || typeof body.service !== 'string' || name === null) {
      return sendJson(res, 400, {
        error: 'send {"service", "name"?} as JSON; a name is one short line',
      });
    }
    const lang = typeof body.lang === 'string' && LANGUAGE.test(body.lang) ? body.lang : undefined;
    const sent =
      typeof body.phone === 'string' && CAPABILITY.test(body.phone) ? body.phone : undefined;
    const phone = sent ?? randomBytes(16).toString('hex');
    const source = opts.source();
    if (!source) return starting(res);
    const address = req.socket.remoteAddress ?? 'unknown';
    const ticketId = newTicketId();
    const service = body.service;
    const wait = opts.wait()?.(service);
    let refusal: JoinRefusal | undefined;
    const outcome = await source.run((state) => {
      const at = now();
      const decision = joinTicket(config(), state, {
        serviceId: service,
        ticketId,
        now: at,
        wait,
        name,
        lang,
        phoneTicket: phones.get(phone),
        addressJoins: recentJoins(address, at),
      });
      if (decision.ok) return { ok: true, event: decision.event };
      refusal = decision.refusal;
      return { ok: false, error: 'rateLimited' };
    });
    if (refusal) return refuse(res, address, refusal);
    const ticket = source.state.tickets.get(ticketId);
    if (!outcome.ok || !ticket)
      return sendJson(res, 503, { error: 'the ticket could not be issued' });
    phones.set(phone, ticketId);
    if (phones.size > 50_000) phones.delete(phones.keys().next().value!);
    joins.get(address)?.push(ticket.issuedAt);
    log.info('join', `ticket ${ticket.number} taken from a phone`);
    sendJson(res, 200, { ticket: ticketId, number: ticket.number, phone });
  }

  async function here(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if ((await readBody(req, res, MAX_BODY_BYTES)) === undefined) return;
    // JSON only, so a browser preflights it: a page elsewhere cannot post it unseen
    if (!isJsonRequest(req)) return refuseNotJson(res);
    const address = req.socket.remoteAddress;
    if (!onStoreNetwork(address, config().join?.storeNetworks)) {
      if (shouldLog(`${address}:notInStore`)) {
        log.info(
          'join',
          `check-in refused for ${address ?? 'unknown'}: not on the store's network`,
        );
      }
      return sendJson(res, 403, { error: 'notInStore' });
    }
    const source = opts.source();
    if (!source) return starting(res);
    const outcome = await source.run((state) => checkIn(state, id));
    const t = source.state.tickets.get(id);
    if (!t) return sendJson(res, 404, { error: 'no such ticket today' });
    if (!outcome.ok && t.awaitingCheckIn) return sendJson(res, 409, { error: 'notWaiting' });
    if (outcome.ok) log.info('join', `ticket ${t.number} checked in from the customer's phone`);
    sendJson(res, 200, { ticket: id, checkedIn: !t.awaitingCheckIn });
  }

  return async (req, res, urlPath) => {
    if (urlPath !== PREFIX && !urlPath.startsWith(`${PREFIX}/`)) return false;
    const method = req.method ?? 'GET';
    if (urlPath === PREFIX) {
      if (method === 'GET' || method === 'HEAD') menu(res);
      else sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
      return true;
    }
    if (urlPath === `${PREFIX}/ticket`) {
      if (method === 'POST') await join(req, res);
      else sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'POST' });
      return true;
    }
    const [id = '', action, ...rest] = urlPath.slice(PREFIX.length + 1).split('/');
    if (action !== 'here' || rest.length > 0) sendJson(res, 404, { error: `no API at ${urlPath}` });
    else if (!isTicketId(id)) sendJson(res, 400, { error: 'not a ticket id' });
    else if (method !== 'POST')
      sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'POST' });
    else await here(req, res, id);
    return true;
  };
}
