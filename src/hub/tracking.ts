import type { IncomingMessage, ServerResponse } from 'node:http';
import { readConfig, type ConfigSource } from '../domain/config/types.ts';
import {
  canLeave,
  isTicketId,
  ticketView,
  type TicketView,
  type TicketWaitSource,
} from '../domain/kiosk/tracking.ts';
import { cancelTicket, type CommandResult } from '../domain/queue/commands.ts';
import type { QueueState } from '../domain/queue/state.ts';
import { WaitEstimator } from '../domain/wait/estimator.ts';
import { estimateWaitWith } from '../domain/wait/queue-state.ts';
import { readBody } from './body.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { sendJson } from './json-response.ts';
import type { Logger } from './log.ts';
import { handlePushRoute, type WebPush } from './push/push-routes.ts';

/**
 * The customer's phone follows its ticket over plain HTTP from the hub, never as a store device
 * (no broker access, no copy of the queue):
 *
 *   GET  /api/track/<ticket>          that ticket's view (domain/kiosk/tracking.ts), or 404
 *   GET  /api/track/<ticket>/events   the same as Server-Sent Events, pushed on every change
 *   POST /api/track/<ticket>/cancel   the customer leaves the queue: the agent commits
 *                                     ticket.cancelled (body: JSON, so browsers preflight it)
 *   GET|POST /api/track/<ticket>/push Web Push for the ticket's alerts (push/push-routes.ts)
 *
 * Malformed ids get 400 and unknown ones 404 with the same body whatever the reason, so the
 * API tells nothing about other customers.
 */

/** What tracking needs from the store agent's replica. */
export interface TrackingSource {
  readonly state: QueueState;
  subscribe(listener: () => void): () => void;
  run(decide: (state: QueueState) => CommandResult): Promise<{ readonly ok: boolean }>;
}

export interface TrackingOptions {
  /** The config, or how to read it as it is now (the manager's settings change it). */
  readonly config: ConfigSource;
  readonly log: Logger;
  /** The agent's replica once it runs; undefined while the hub is starting. */
  readonly source: () => TrackingSource | undefined;
  /** The agent's wait estimates once it runs (else the configured service times only). */
  readonly wait?: () => TicketWaitSource | undefined;
  /** Changes are pushed at most this often (ms). */
  readonly throttleMs?: number;
  /** A comment line keeps idle streams open through proxies (ms). */
  readonly heartbeatMs?: number;
  readonly maxStreams?: number;
  readonly maxStreamsPerTicket?: number;
  /** Web Push, where the hub has VAPID keys: the same alerts with the page closed. */
  readonly push?: WebPush;
}

export interface Tracking {
  /** Answers /api/track/...; resolves false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<boolean>;
  /** A ticket's view now, for its page (/t/<ticket>); undefined for no such ticket today. */
  view(ticket: string): TicketView | undefined;
  /** Open event streams (for tests and the log). */
  readonly streamCount: number;
  /** How many times changes were pushed out (tests wait on it instead of sleeping). */
  readonly flushes: number;
  /** Ends every stream; the hub calls it before stopping. */
  close(): void;
}

const PREFIX = '/api/track/';
const MAX_BODY_BYTES = 1024;

export function createTracking(opts: TrackingOptions): Tracking {
  const { log } = opts;
  const config = () => readConfig(opts.config);
  const throttleMs = opts.throttleMs ?? 250;
  const heartbeatMs = opts.heartbeatMs ?? 20_000;
  const maxStreams = opts.maxStreams ?? 2000;
  const maxPerTicket = opts.maxStreamsPerTicket ?? 10;

  /** Open streams per ticket, with the last view each was sent. */
  const streams = new Map<string, Set<ServerResponse>>();
  const lastSent = new Map<string, string>();
  let streamCount = 0;
  let flushes = 0;
  let unsubscribe: (() => void) | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const notFound = (res: ServerResponse) => sendJson(res, 404, { error: 'no such ticket today' });

  let fallback: WaitEstimator | undefined;
  const fallbackWait =
    (state: QueueState): TicketWaitSource =>
    (service, ticket) => {
      fallback ??= new WaitEstimator({
        timeZone: config().store.timeZone,
        serviceSec: Object.fromEntries(config().services.map((s) => [s.id, s.avgServiceSec])),
      });
      return estimateWaitWith(fallback, state, service, Date.now(), { ticket });
    };

  function viewOf(source: TrackingSource, id: string): TicketView | undefined {
    return ticketView(source.state, config(), id, opts.wait?.() ?? fallbackWait(source.state));
  }

  function scheduleFlush(): void {
    flushTimer ??= setTimeout(flush, throttleMs);
  }

  function flush(): void {
    flushTimer = undefined;
    flushes++;
    const source = opts.source();
    if (!source) return;
    void opts.push?.alerts.update((id) => viewOf(source, id));
    for (const [id, set] of streams) {
      const view = viewOf(source, id);
      if (!view) {
        // the store day rolled over: the ticket is history
        for (const res of set) res.end('event: gone\ndata: {}\n\n');
        continue;
      }
      const text = JSON.stringify(view);
      if (lastSent.get(id) === text) continue;
      lastSent.set(id, text);
      for (const res of set) res.write(`data: ${text}\n\n`);
    }
    unwatchIfIdle();
  }

  function watch(source: TrackingSource): void {
    unsubscribe ??= source.subscribe(scheduleFlush);
    heartbeat ??= setInterval(() => {
      for (const set of streams.values()) for (const res of set) res.write(': ping\n\n');
    }, heartbeatMs);
  }

  function unwatchIfIdle(): void {
    if (streamCount > 0 || (opts.push?.alerts.size ?? 0) > 0) return;
    unwatch();
  }

  function unwatch(): void {
    unsubscribe?.();
    unsubscribe = undefined;
    clearInterval(heartbeat);
    heartbeat = undefined;
    clearTimeout(flushTimer);
    flushTimer = undefined;
  }

  function openStream(req: IncomingMessage, res: ServerResponse, id: string): void {
    const source = opts.source();
    if (!source)
      return sendJson(res, 503, { error: 'the store is starting' }, { 'Retry-After': '5' });
    const view = viewOf(source, id);
    if (!view) return notFound(res);
    const set = streams.get(id) ?? new Set<ServerResponse>();
    if (streamCount >= maxStreams || set.size >= maxPerTicket) {
      return sendJson(res, 503, { error: 'too many open pages' }, { 'Retry-After': '30' });
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const text = JSON.stringify(view);
    res.write(`retry: 3000\ndata: ${text}\n\n`);
    set.add(res);
    streams.set(id, set);
    if (set.size === 1) lastSent.set(id, text);
    streamCount++;
    watch(source);
    let closed = false;
    const done = () => {
      if (closed) return;
      closed = true;
      streamCount--;
      set.delete(res);
      if (set.size === 0) {
        streams.delete(id);
        lastSent.delete(id);
      }
      unwatchIfIdle();
    };
    req.on('close', done);
    res.on('close', done);
  }

  async function cancel(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith('application/json')) {
      return sendJson(res, 415, { error: 'send the request as application/json' });
    }
    // the body says nothing the URL does not: read (and bound) it only to reach its end
    if ((await readBody(req, res, MAX_BODY_BYTES)) === undefined) return;
    const source = opts.source();
    if (!source)
      return sendJson(res, 503, { error: 'the store is starting' }, { 'Retry-After': '5' });
    const before = viewOf(source, id);
    if (!before) return notFound(res);
    if (!canLeave(before))
      return sendJson(res, 409, { error: 'the ticket is not in line', view: before });
    const outcome = await source.run((state) => {
      const t = state.tickets.get(id);
      if (!t || !canLeave(t)) return { ok: false, error: 'unknownTicket' };
      return cancelTicket(state, id);
    });
    const after = viewOf(source, id);
    if (!outcome.ok || !after) {
      return sendJson(res, 409, {
        error: 'the ticket could not be cancelled',
        view: after ?? null,
      });
    }
    log.info('track', `ticket ${after.number} left the queue from the customer's phone`);
    scheduleFlush();
    sendJson(res, 200, after);
  }

  async function pushRoute(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const source = opts.source();
    if (!source)
      return sendJson(res, 503, { error: 'the store is starting' }, { 'Retry-After': '5' });
    await handlePushRoute(req, res, opts.push, () => viewOf(source, id));
    // a new subscription needs the queue's changes even with no page open
    if (opts.push && opts.push.alerts.size > 0) watch(source);
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    urlPath: string,
  ): Promise<boolean> {
    if (!urlPath.startsWith(PREFIX)) return false;
    const [id = '', action, ...rest] = urlPath.slice(PREFIX.length).split('/');
    const method = req.method ?? 'GET';
    if (action === 'push' && rest.length === 0 && isTicketId(id)) {
      await pushRoute(req, res, id);
      return true;
    }
    if (rest.length > 0 || (action !== undefined && action !== 'events' && action !== 'cancel')) {
      sendJson(res, 404, { error: `no API at ${urlPath}` });
      return true;
    }
    if (!isTicketId(id)) {
      sendJson(res, 400, { error: 'not a ticket id' });
      return true;
    }
    const allowed = action === 'cancel' ? 'POST' : 'GET, HEAD';
    if (!allowed.split(', ').includes(method) || (action === 'events' && method === 'HEAD')) {
      sendJson(
        res,
        405,
        { error: 'method not allowed' },
        { Allow: action === 'events' ? 'GET' : allowed },
      );
      return true;
    }
    if (action === 'events') {
      openStream(req, res, id);
    } else if (action === 'cancel') {
      await cancel(req, res, id);
    } else {
      const source = opts.source();
      if (!source) sendJson(res, 503, { error: 'the store is starting' }, { 'Retry-After': '5' });
      else {
        const view = viewOf(source, id);
        if (view) sendJson(res, 200, view);
        else notFound(res);
      }
    }
    return true;
  }

  return {
    handle,
    view(id) {
      const source = opts.source();
      return source && isTicketId(id) ? viewOf(source, id) : undefined;
    },
    get streamCount() {
      return streamCount;
    },
    get flushes() {
      return flushes;
    },
    close() {
      for (const set of streams.values()) for (const res of set) res.end();
      streams.clear();
      lastSent.clear();
      streamCount = 0;
      unwatch();
    },
  };
}
