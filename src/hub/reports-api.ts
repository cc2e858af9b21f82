import type { IncomingMessage, ServerResponse } from 'node:http';
import { readConfig, type ConfigSource } from '../domain/config/types.ts';
import { portableLog } from '../domain/portable/from-store.ts';
import { accuracyReport, COVERAGE_ALERT_PERCENT } from '../domain/reports/accuracy.ts';
import { PortableLogError } from '../domain/portable/parse.ts';
import { serializeEvent } from '../domain/portable/serialize.ts';
import {
  addDays,
  daysBetween,
  isDay,
  MAX_REPORT_DAYS,
  parseReportRequest,
  reportCsv,
  runReport,
} from '../domain/reports/request.ts';
import { BodyTooLargeError, bodyChunks, discardBody } from './body.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { ImportConflictError, importPortableLog, type ImportTarget } from './import-log.ts';
import { megabytes, progressLines } from './import-progress.ts';
import type { Logger } from './log.ts';
import type { ManagerGate } from './manager-auth.ts';
import { ReportStore, type DayReader } from './report-store.ts';

/**
 * The manager's history over HTTP, from the hub's durable day files (DESIGN.md section 5 for
 * the portable log):
 *
 *   GET  /api/reports/days                      store days with history, and today
 *   GET  /api/reports/<kind>?from=&to=&by=      a report as JSON; kind: queue (by day, hour,
 *        [&service=&counter=&clerk=]            service, counter, clerk), steps or feedback
 *        [&format=csv]                          (by all, day, clerk), accuracy (by hour, day,
 *                                               service); CSV with format=csv
 *   GET  /api/reports/export?from=&to=          those days as a portable log (JSON Lines)
 *   POST /api/reports/import                    a portable log into the history (JSON Lines
 *                                               body, streamed: checked line by line into a
 *                                               staging file, then written; days that have
 *                                               history are refused; one import at a time)
 *
 * Every endpoint is the manager's only (HTTP Basic with a manager device's credentials): the
 * history is the store's business data, and the hub's network may be the store's guest Wi-Fi.
 */
export type HistorySource = DayReader & ImportTarget;

export interface ReportsOptions {
  /** The config, or how to read it as it is now (service names change with the settings). */
  readonly config: ConfigSource;
  readonly log: Logger;
  /** The manager check shared with the devices API (src/hub/manager-auth.ts). */
  readonly manager: ManagerGate;
  /** The store's folder in the data directory (its events/ and reports/ cache). */
  readonly storeDir: string;
  /** The agent's history once it runs; undefined while the hub is starting. */
  readonly history: () => HistorySource | undefined;
  readonly now?: () => number;
  /** The largest import body (default 512 MiB; tests pass less). */
  readonly maxImportBytes?: number;
}

export interface ReportsApi {
  handle(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<boolean>;
  /** Builds the rollups of every day with history (in the background after start). */
  warm(): Promise<void>;
}

const PREFIX = '/api/reports/';
const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export function createReportsApi(opts: ReportsOptions): ReportsApi {
  const { log } = opts;
  // the store's id and time zone are fixed while the hub runs; names follow the settings
  const config = readConfig(opts.config);
  const maxImport = opts.maxImportBytes ?? MAX_IMPORT_BYTES;
  let store: ReportStore | undefined;
  const storeOf = (h: HistorySource): ReportStore =>
    (store ??= new ReportStore(opts.storeDir, config.store.timeZone, h, opts.now));

  function send(res: ServerResponse, status: number, type: string, body: string, extra = {}): void {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }
  const json = (res: ServerResponse, status: number, body: unknown, extra = {}) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), extra);
  const attachment = (name: string) => ({
    'Content-Disposition': `attachment; filename="${name}"`,
  });

  async function report(res: ServerResponse, kind: string, q: URLSearchParams, h: HistorySource) {
    const s = storeOf(h);
    const parsed = parseReportRequest(kind, q, s.today());
    if (!parsed.ok) return json(res, 400, { error: parsed.error });
    const req = parsed.value;
    const started = performance.now();
    const rollups = await s.rollups(req.from, req.to);
    const result = runReport(req, rollups, readConfig(opts.config));
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (q.get('format') === 'csv') {
      const name = `nextup-${req.kind}-by-${req.by}-${req.from}-${req.to}.csv`;
      return send(res, 200, 'text/csv; charset=utf-8', reportCsv(result), attachment(name));
    }
    json(res, 200, { request: req, report: result, generatedAt: Date.now(), ms });
  }

  async function exportLog(res: ServerResponse, q: URLSearchParams, h: HistorySource) {
    const today = storeOf(h).today();
    const from = q.get('from') ?? today;
    const to = q.get('to') ?? from;
    if (!isDay(from) || !isDay(to) || from > to) {
      return json(res, 400, { error: 'from and to must be days (YYYY-MM-DD), from not after to' });
    }
    if (daysBetween(from, to).length > MAX_REPORT_DAYS) {
      return json(res, 400, { error: `at most ${MAX_REPORT_DAYS} days in one export` });
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      ...attachment(`nextup-${config.store.id}-${from}-${to}.jsonl`),
    });
    for (const day of daysBetween(from, to)) {
      const events = portableLog(await h.readDay(day));
      if (events.length > 0) res.write(events.map(serializeEvent).join('\n') + '\n');
    }
    res.end();
  }

  let importing = false;

  async function importLog(req: IncomingMessage, res: ServerResponse, h: HistorySource) {
    // two at once could both find a day free and both write it
    if (importing)
      return json(res, 409, { error: 'another import is running; try again after it' });
    importing = true;
    try {
      await streamImport(req, res, h);
    } finally {
      importing = false;
    }
  }

  async function streamImport(req: IncomingMessage, res: ServerResponse, h: HistorySource) {
    const declared = Number(req.headers['content-length']);
    const totalBytes = Number.isFinite(declared) && declared > 0 ? declared : undefined;
    const say = (m: string) => log.info('reports', `import: ${m}`);
    const started = performance.now();
    const took = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    say(`started (${totalBytes === undefined ? 'size not given' : megabytes(totalBytes)})`);
    try {
      const result = await importPortableLog(bodyChunks(req, res, maxImport), {
        storeId: config.store.id,
        timeZone: config.store.timeZone,
        target: h,
        stagingDir: opts.storeDir,
        totalBytes,
        onProgress: progressLines(say),
      });
      store?.invalidate();
      say(
        `done: ${result.events} events of ${result.days.length} days (${result.days[0] ?? '-'} to ${result.days.at(-1) ?? '-'}) from ${result.lines} lines, ${result.skipped} skipped, as ${result.device}, in ${took()}`,
      );
      json(res, 200, { ...result, warnings: result.warnings.slice(0, 50) });
    } catch (err) {
      if (err instanceof BodyTooLargeError) return say(`refused after ${took()}: ${err.message}`);
      if (err instanceof PortableLogError) {
        log.warn('reports', `import refused after ${took()}, nothing written: ${err.message}`);
        await discardBody(req, maxImport);
        return json(res, 400, { error: err.message, line: err.line });
      }
      if (err instanceof ImportConflictError) {
        log.warn('reports', `import refused after ${took()}, nothing written: ${err.message}`);
        return json(res, 409, { error: err.message, days: err.days });
      }
      if (req.destroyed && !req.complete) return say(`stopped: the upload was cut off (${took()})`);
      throw err;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, urlPath: string) {
    if (!urlPath.startsWith(PREFIX)) return false;
    if (!opts.manager(req, res, 'reports')) return true;
    const what = urlPath.slice(PREFIX.length);
    const method = req.method ?? 'GET';
    const wantsPost = what === 'import';
    if (wantsPost ? method !== 'POST' : method !== 'GET' && method !== 'HEAD') {
      json(res, 405, { error: 'method not allowed' }, { Allow: wantsPost ? 'POST' : 'GET, HEAD' });
      return true;
    }
    const h = opts.history();
    if (!h) {
      json(res, 503, { error: 'the store is starting' }, { 'Retry-After': '5' });
      return true;
    }
    const q = new URL(req.url ?? '/', 'http://hub').searchParams;
    try {
      if (what === 'days') {
        const s = storeOf(h);
        json(res, 200, { days: await h.days(), today: s.today() });
      } else if (what === 'export') await exportLog(res, q, h);
      else if (what === 'import') await importLog(req, res, h);
      else await report(res, what, q, h);
    } catch (err) {
      log.error('reports', `${what} failed: ${(err as Error).message}`);
      if (!res.headersSent) json(res, 500, { error: 'the report could not be made' });
      else res.end();
    }
    return true;
  }

  return {
    handle,
    async warm() {
      const h = opts.history();
      if (!h) return;
      const s = storeOf(h);
      const today = s.today();
      const first = (await h.days())[0];
      if (first === undefined) return;
      const from =
        first > addDays(today, 1 - MAX_REPORT_DAYS) ? first : addDays(today, 1 - MAX_REPORT_DAYS);
      const started = Date.now();
      // a first build over months of history takes a while: say how far it got
      const rollups = await s.rollups(from, today, (done, total) => {
        if (total >= 60 && done % 60 === 0 && Date.now() - started > 2000) {
          log.info('reports', `preparing reports: ${done}/${total} days`);
        }
      });
      log.info('reports', `reports ready: ${rollups.length} days in ${Date.now() - started} ms`);
      // the last week's broken promises, once per start: the manager's History says it too
      const week = rollups.filter((r) => r.day >= addDays(today, -7) && r.day < today);
      for (const d of accuracyReport(week, 'day').lowCoverageDays) {
        log.warn(
          'reports',
          `accuracy: on ${d.day} the promised wait range held for only ${d.insideRange}% of ${d.judged} waits (under ${COVERAGE_ALERT_PERCENT}%)`,
        );
      }
    },
  };
}
