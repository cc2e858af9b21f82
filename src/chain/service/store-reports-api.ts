/**
 * A store hub's reports API (src/hub/reports-api.ts), served by the chain for every store under
 * `/stores/<store>`, so a store's manager tools work against the chain as against the hub:
 *
 *   GET /stores/<store>/api/reports/days              the store's days with history, and today
 *   GET /stores/<store>/api/reports/<kind>?from=&to=&by=[&service=&counter=&clerk=][&format=csv]
 *   GET /stores/<store>/api/reports/export?from=&to=  the portable log (JSON Lines)
 *
 * Same requests, same answers, from the chain's rollups and history. The chain does not hold a
 * store's configuration, so the service level uses the default target (10 minutes); imports
 * go to the store's hub, never to the chain (405).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { portableLog } from '../../domain/portable/from-store.ts';
import { serializeEvent } from '../../domain/portable/serialize.ts';
import {
  daysBetween,
  isDay,
  MAX_REPORT_DAYS,
  parseReportRequest,
  reportCsv,
  runReport,
} from '../../domain/reports/request.ts';
import { SECURITY_HEADERS } from '../../hub/security-headers.ts';
import { sendJson } from '../../hub/json-response.ts';
import type { ChainData } from './chain-data.ts';
import type { DayReader } from './day-reader.ts';

const PATH = /^\/stores\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\/api\/reports\/([a-z]+)$/;

const attachment = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"` });

export function storeReportsRoute(data: ChainData, reader: DayReader) {
  async function exportLog(res: ServerResponse, store: string, q: URLSearchParams) {
    const from = q.get('from') ?? data.today(store);
    const to = q.get('to') ?? from;
    if (!isDay(from) || !isDay(to) || from > to) {
      return sendJson(res, 400, {
        error: 'from and to must be days (YYYY-MM-DD), from not after to',
      });
    }
    if (daysBetween(from, to).length > MAX_REPORT_DAYS) {
      return sendJson(res, 400, { error: `at most ${MAX_REPORT_DAYS} days in one export` });
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      ...attachment(`nextup-${store}-${from}-${to}.jsonl`),
    });
    for (const day of daysBetween(from, to)) {
      const events = portableLog((await reader.read(store, day)).events);
      if (events.length > 0) res.write(events.map(serializeEvent).join('\n') + '\n');
    }
    res.end();
  }

  function report(res: ServerResponse, store: string, kind: string, q: URLSearchParams) {
    const parsed = parseReportRequest(kind, q, data.today(store));
    if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
    const req = parsed.value;
    const started = performance.now();
    const result = runReport(req, data.rollups(store, req.from, req.to), { services: [] });
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (q.get('format') === 'csv') {
      const body = reportCsv(result);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
        ...attachment(`nextup-${store}-${req.kind}-by-${req.by}-${req.from}-${req.to}.csv`),
      });
      return res.end(body);
    }
    sendJson(res, 200, { request: req, report: result, generatedAt: Date.now(), ms });
  }

  /** Answers the request when it is for a store's reports; false otherwise. */
  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    urlPath: string,
  ): Promise<boolean> {
    const m = PATH.exec(urlPath);
    if (!m) return false;
    const [, store = '', what = ''] = m;
    if (what === 'import') {
      sendJson(res, 405, { error: "the chain's history is read-only: import at the store's hub" });
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
      return true;
    }
    if (!data.info(store)) {
      sendJson(res, 404, { error: `no store ${store} in the chain` });
      return true;
    }
    const q = new URL(req.url ?? '/', 'http://chain').searchParams;
    if (what === 'days') sendJson(res, 200, { days: data.days(store), today: data.today(store) });
    else if (what === 'export') await exportLog(res, store, q);
    else report(res, store, what, q);
    return true;
  };
}
