/**
 * The area manager's API, read by /chain:
 *
 *   GET /api/chain/stores                       every store's board row (link, waits, today,
 *                                               alerts) and the regions there are
 *   GET /api/chain/stores/<store>               one store's row, today by service, its last
 *                                               14 days by day
 *   GET /api/chain/history?from=&to=&by=store|region|day[&region=][&store=][&format=csv]
 *                                               history across stores (chain-history.ts)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { regionsOf } from '../../domain/chain/chain-board.ts';
import {
  HISTORY_GROUPS,
  chainHistory,
  chainHistoryCsv,
  type HistoryGroup,
} from '../../domain/chain/chain-history.ts';
import { queueReport } from '../../domain/reports/query.ts';
import { addDays, daysBetween, isDay, MAX_REPORT_DAYS } from '../../domain/reports/request.ts';
import { SECURITY_HEADERS } from '../../hub/security-headers.ts';
import { sendJson } from '../../hub/json-response.ts';
import type { ChainData } from './chain-data.ts';

const DETAIL = /^\/api\/chain\/stores\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/;
const DETAIL_DAYS = 14;

export function chainApiRoute(data: ChainData, now: () => number = Date.now) {
  function board(res: ServerResponse) {
    const stores = data.stores().map((s) => data.row(s.id));
    sendJson(res, 200, { now: now(), stores, regions: regionsOf(stores) });
  }

  function detail(res: ServerResponse, store: string) {
    if (!data.info(store)) return sendJson(res, 404, { error: `no store ${store} in the chain` });
    const today = data.today(store);
    const target = { targetSec: {}, defaultTargetSec: 600 };
    const todays = data.rollups(store, today, today);
    sendJson(res, 200, {
      now: now(),
      store: data.row(store),
      services: queueReport(todays, { by: 'service', ...target }).rows,
      days: queueReport(data.rollups(store, addDays(today, 1 - DETAIL_DAYS), today), {
        by: 'day',
        ...target,
      }).rows,
    });
  }

  function history(res: ServerResponse, q: URLSearchParams) {
    const by = (q.get('by') ?? 'store') as HistoryGroup;
    if (!HISTORY_GROUPS.includes(by))
      return sendJson(res, 400, { error: `by: use one of ${HISTORY_GROUPS.join(', ')}` });
    const stores = data
      .stores()
      .filter((s) => (q.get('region') ?? s.region) === s.region)
      .filter((s) => (q.get('store') ?? s.id) === s.id);
    const to = q.get('to') ?? data.today(stores[0]?.id ?? '');
    const from = q.get('from') ?? to;
    if (!isDay(from) || !isDay(to) || from > to)
      return sendJson(res, 400, {
        error: 'from and to must be days (YYYY-MM-DD), from not after to',
      });
    if (daysBetween(from, to).length > MAX_REPORT_DAYS)
      return sendJson(res, 400, { error: `at most ${MAX_REPORT_DAYS} days at once` });
    const result = chainHistory(
      stores.map((s) => ({ store: s.id, region: s.region, rollups: data.rollups(s.id, from, to) })),
      by,
      { from, to },
    );
    if (q.get('format') !== 'csv') return sendJson(res, 200, result);
    const body = chainHistoryCsv(result);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="nextup-chain-by-${by}-${from}-${to}.csv"`,
    });
    res.end(body);
  }

  return function handle(req: IncomingMessage, res: ServerResponse, urlPath: string): boolean {
    if (!urlPath.startsWith('/api/chain/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
      return true;
    }
    const q = new URL(req.url ?? '/', 'http://chain').searchParams;
    const m = DETAIL.exec(urlPath);
    if (urlPath === '/api/chain/stores') board(res);
    else if (m) detail(res, m[1]!);
    else if (urlPath === '/api/chain/history') history(res, q);
    else sendJson(res, 404, { error: `no API at ${urlPath}` });
    return true;
  };
}
