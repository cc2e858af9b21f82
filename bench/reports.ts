import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '../src/domain/config/types.ts';
import { addDays } from '../src/domain/reports/request.ts';
import { DeviceRegistry } from '../src/hub/device-registry.ts';
import { EventFileStore } from '../src/hub/event-file-store.ts';
import { createMemoryLogger } from '../src/hub/log.ts';
import { createManagerAuth } from '../src/hub/manager-auth.ts';
import { createReportsApi } from '../src/hub/reports-api.ts';
import { mergeResults } from './results.ts';
import { REPORT_SERVICES, reportYear } from './report-history.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * How fast the hub answers reports over a year of history (150,000 tickets), through its real
 * HTTP API (/api/reports, signed by an enrolled manager device as the manager's screen does)
 * and day files:
 *   coldBuild: the first report after start with no rollup cache (every day file folded);
 *   coldCache: the first report after a restart, rollups read from the disk cache;
 *   warm:      every report type and grouping over the whole year, repeated (median, p95).
 */
export interface ReportFigures {
  readonly tickets: number;
  readonly events: number;
  readonly days: number;
  readonly coldBuildMs: number;
  readonly coldCacheMs: number;
  readonly warm: Record<string, Summary>;
  readonly warmWorstP95Ms: number;
}

const REPORTS = [
  'queue?by=day',
  'queue?by=hour',
  'queue?by=service',
  'queue?by=counter',
  'queue?by=clerk',
  'queue?by=day&format=csv',
  'steps?by=all',
  'steps?by=clerk',
  'feedback?by=day',
  'feedback?by=clerk',
];

const config = {
  store: {
    id: 'store-001',
    name: { en: 'Bench' },
    timeZone: 'UTC',
    defaultLanguage: 'en',
    languages: ['en'],
  },
  services: REPORT_SERVICES.map((id) => ({
    id,
    prefix: 'A',
    name: { en: id },
    targetWaitSec: 300,
    avgServiceSec: 240,
  })),
  counters: [],
  kiosks: [],
  mqtt: { topicPrefix: 'nextup/v1', browserUrl: '' },
  kiosk: { idleResetSec: 20 },
} as unknown as StoreConfig;

export async function measureReports({
  tickets = 150_000,
  days = 365,
  rounds = 15,
} = {}): Promise<ReportFigures> {
  const now = Date.now();
  const events = reportYear(tickets, days, now);
  const dir = mkdtempSync(join(tmpdir(), 'nextup-reports-bench-'));
  const storeDir = join(dir, 'store-001');
  const quiet = { info: () => undefined, warn: () => undefined };
  const files = new EventFileStore(storeDir, 'UTC', quiet);
  await files.days();
  for (let i = 0; i < events.length; i += 20_000)
    await files.appendRemote(events.slice(i, i + 20_000));
  await files.close();
  const today = new Date(now).toISOString().slice(0, 10);
  const from = addDays(today, 1 - days);
  const registry = new DeviceRegistry({ dataDir: dir, store: config.store.id });
  const manager = registry.enroll({ role: 'manager', trusted: true });
  const auth = `Basic ${Buffer.from(`${manager.username}:${manager.password}`).toString('base64')}`;

  const serve = async () => {
    const history = new EventFileStore(storeDir, 'UTC', quiet);
    const log = createMemoryLogger();
    const api = createReportsApi({
      config,
      log,
      manager: createManagerAuth({ authenticate: (u, p) => registry.authenticate(u, p), log }),
      storeDir,
      history: () => history,
      now: () => now,
    });
    const server = createServer((req, res) => {
      void api.handle(req, res, new URL(req.url ?? '/', 'http://x').pathname);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/reports/`;
    const time = async (report: string): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${base}${report}&from=${from}&to=${today}`, {
        headers: { Authorization: auth },
      });
      await res.text();
      if (!res.ok) throw new Error(`${report}: HTTP ${res.status}`);
      return performance.now() - t0;
    };
    return {
      time,
      close: async () => {
        await new Promise((r) => server.close(r));
        await history.close();
      },
    };
  };

  try {
    let hub = await serve();
    const coldBuildMs = await hub.time('queue?by=day');
    await hub.close();
    hub = await serve();
    const coldCacheMs = await hub.time('queue?by=day');
    const warm: Record<string, Summary> = {};
    for (const report of REPORTS) {
      const samples: number[] = [];
      for (let i = 0; i < rounds; i++) samples.push(await hub.time(report));
      warm[report] = summarize(samples);
    }
    await hub.close();
    return {
      tickets,
      events: events.length,
      days,
      coldBuildMs: Math.round(coldBuildMs),
      coldCacheMs: Math.round(coldCacheMs),
      warm,
      warmWorstP95Ms: Math.max(...Object.values(warm).map((s) => s.p95)),
    };
  } finally {
    await registry.flushed();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('reports.ts')) {
  const figures = await measureReports();
  console.log(JSON.stringify(figures, null, 2));
  console.log(
    `a year (${figures.tickets} tickets, ${figures.events} events): first report ${figures.coldBuildMs} ms building every day, ${figures.coldCacheMs} ms from the rollup cache; any report then within ${figures.warmWorstP95Ms} ms (p95)`,
  );
  mergeResults({ reports: { ...figures, measuredAt: new Date().toISOString() } });
}
