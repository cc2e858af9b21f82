import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../domain/reports/csv.ts';
import { ev, testStore } from '../domain/testing/store.ts';
import type { EventBody } from '../domain/queue/events.ts';
import { DeviceRegistry } from './device-registry.ts';
import { EventFileStore } from './event-file-store.ts';
import { tempDir, type TempDir } from './hub-testing.ts';
import { createMemoryLogger } from './log.ts';
import { createManagerAuth, type ManagerGate } from './manager-auth.ts';
import { createReportsApi, type ReportsApi } from './reports-api.ts';

const T = (iso: string) => Date.parse(iso);
const issued = (ticket: string): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service: 'advice',
  number: 'A001',
  n: 1,
});

const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('reports HTTP API', () => {
  let dir: TempDir;
  let history: EventFileStore;
  let registry: DeviceRegistry;
  let manager: ManagerGate;
  let asManager: string;
  let api: ReportsApi;
  let server: Server;
  let base: string;
  const log = createMemoryLogger();
  /** fetch as the enrolled manager device (every report endpoint needs it). */
  const call = (url: string, init: RequestInit = {}) =>
    fetch(url, { ...init, headers: { Authorization: asManager } });

  beforeEach(async () => {
    dir = tempDir('nextup-reports-');
    registry = new DeviceRegistry({ dataDir: dir.path, store: testStore.store.id });
    const m = registry.enroll({ role: 'manager', trusted: true });
    asManager = basic(m.username, m.password);
    manager = createManagerAuth({ authenticate: (u, p) => registry.authenticate(u, p), log });
    const storeDir = join(dir.path, 'test-store');
    history = new EventFileStore(storeDir, 'UTC', { info: () => undefined, warn: () => undefined });
    await history.days(); // creates the folder, as the agent's load does
    await history.appendRemote([
      ev('k', 1, T('2026-03-02T09:00:00Z'), issued('t1')),
      ev('tab', 1, T('2026-03-02T09:04:00Z'), {
        type: 'ticket.called',
        ticket: 't1',
        counter: 'c1',
      }),
      ev('tab', 2, T('2026-03-02T09:10:00Z'), {
        type: 'ticket.completed',
        ticket: 't1',
        counter: 'c1',
      }),
      ev('k', 2, T('2026-03-03T10:00:00Z'), issued('t2')),
      ev('k', 3, T('2026-03-03T10:30:00Z'), { type: 'ticket.cancelled', ticket: 't2' }),
    ]);
    api = createReportsApi({
      config: testStore,
      log,
      manager,
      storeDir,
      history: () => history,
      now: () => T('2026-03-03T12:00:00Z'),
    });
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      void api.handle(req, res, path).then((done) => {
        if (!done) res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/reports`;
  });

  afterEach(async () => {
    await new Promise((r) => server.close(r));
    await history.close();
    await registry.flushed();
    dir.remove();
  });

  it('answers only an enrolled manager device: no or wrong credentials 401, another role 403', async () => {
    const url = `${base}/queue?from=2026-03-02&to=2026-03-03&by=day`;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: string }).error).toContain('manager credentials');
    const wrong = await fetch(url, { headers: { Authorization: basic('manager-x', 'guess') } });
    expect(wrong.status).toBe(401);
    const kiosk = registry.enroll({ role: 'kiosk', trusted: true });
    const asKiosk = basic(kiosk.username, kiosk.password);
    const refused = await fetch(url, { headers: { Authorization: asKiosk } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain('is a kiosk');
    // the import and the export are the manager's too, and nothing is written
    const post = await fetch(`${base}/import`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: asKiosk },
    });
    expect(post.status).toBe(403);
    expect((await fetch(`${base}/export?from=2026-03-02`)).status).toBe(401);
    expect((await call(url)).status).toBe(200);
    // a revoked manager is refused at once
    const revoked = asManager;
    registry.revoke(String(Buffer.from(asManager.slice(6), 'base64').toString().split(':')[0]));
    expect((await fetch(url, { headers: { Authorization: revoked } })).status).toBe(401);
    // one readable line per refusal kind and address a minute, not one per request
    expect(log.find('/api/reports/queue refused from 127.0.0.1: no credentials')).toHaveLength(1);
    expect(log.find('refused from 127.0.0.1: unknown, wrong or revoked')).toHaveLength(1);
    expect(log.find('is a kiosk, not a manager')).toHaveLength(1);
  });

  it('answers a queue report by day, as JSON and as CSV', async () => {
    const res = await call(`${base}/queue?from=2026-03-02&to=2026-03-03&by=day`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      report: {
        rows: { key: string; arrivals: number; meanWaitSec: number | null; left: number }[];
      };
    };
    expect(body.report.rows.map((r) => [r.key, r.arrivals, r.meanWaitSec, r.left])).toEqual([
      ['2026-03-02', 1, 240, 0],
      ['2026-03-03', 1, null, 1],
    ]);
    const csv = await call(`${base}/queue?from=2026-03-02&to=2026-03-03&by=day&format=csv`);
    expect(csv.headers.get('content-disposition')).toContain(
      'nextup-queue-by-day-2026-03-02-2026-03-03.csv',
    );
    const rows = parseCsv(await csv.text());
    expect(rows.map((r) => r[0])).toEqual(['day', '2026-03-02', '2026-03-03', 'total']);
  });

  it('refuses a bad request with the reason', async () => {
    const res = await call(`${base}/queue?by=weekday`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('by:');
    expect((await call(`${base}/import`)).status).toBe(405);
  });

  it('a late event for a closed day rebuilds that day (cache invalidated by the file)', async () => {
    await call(`${base}/queue?from=2026-03-02&to=2026-03-02`);
    await history.appendRemote([ev('k', 9, T('2026-03-02T11:00:00Z'), issued('t9'))]);
    const res = await call(`${base}/queue?from=2026-03-02&to=2026-03-02`);
    const body = (await res.json()) as { report: { total: { arrivals: number } } };
    expect(body.report.total.arrivals).toBe(2);
  });

  it('exports a day range as a portable log, and imports it into a fresh history', async () => {
    const res = await call(`${base}/export?from=2026-03-02&to=2026-03-03`);
    const text = await res.text();
    expect(text.trim().split('\n')).toHaveLength(5);
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ type: 'ticket.issued', ticket: 't1' });

    // into this history: the days are there already, nothing is written
    const clash = await call(`${base}/import`, { method: 'POST', body: text });
    expect(clash.status).toBe(409);

    const fresh = new EventFileStore(join(dir.path, 'fresh'), 'UTC', {
      info: () => undefined,
      warn: () => undefined,
    });
    const freshApi = createReportsApi({
      config: testStore,
      log,
      manager,
      storeDir: join(dir.path, 'fresh'),
      history: () => fresh,
      now: () => T('2026-03-03T12:00:00Z'),
    });
    const s2 = createServer(
      (req, r) => void freshApi.handle(req, r, new URL(req.url!, 'http://x').pathname),
    );
    await new Promise<void>((r) => s2.listen(0, '127.0.0.1', r));
    const base2 = `http://127.0.0.1:${(s2.address() as AddressInfo).port}/api/reports`;
    try {
      const bad = await call(`${base2}/import`, {
        method: 'POST',
        body: text.replace('"ticket.called"', '"ticket.called" x'),
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/^line 2: /);
      expect(await fresh.days()).toEqual([]);

      const ok = await call(`${base2}/import`, { method: 'POST', body: text });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ events: 5, days: ['2026-03-02', '2026-03-03'] });
      const a = await (await call(`${base}/queue?from=2026-03-02&to=2026-03-03&format=csv`)).text();
      const b = await (
        await call(`${base2}/queue?from=2026-03-02&to=2026-03-03&format=csv`)
      ).text();
      // same figures; only the clerk (the import device) differs, and it is not in this report
      expect(b).toBe(a);
    } finally {
      await new Promise((r) => s2.close(r));
      await fresh.close();
    }
  });

  it('audits the promised waits, and logs a recent day whose ranges broke at start', async () => {
    // 2026-03-02: twenty-five tickets told 1-3 minutes, each waiting 10 (after t1's day)
    const promised = { sec: 120, low: 60, high: 180 };
    await history.appendRemote(
      Array.from({ length: 25 }, (_, i) => [
        ev('k2', i + 1, T('2026-03-02T11:00:00Z') + i * 1000, {
          ...issued(`p${i}`),
          promised,
        } as EventBody),
        ev('tab2', i + 1, T('2026-03-02T11:10:00Z') + i * 1000, {
          type: 'ticket.called',
          ticket: `p${i}`,
          counter: 'c1',
        }),
      ]).flat(),
    );
    const res = await call(`${base}/accuracy?from=2026-03-02&to=2026-03-03&by=day`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      report: { total: { judged: number; longerThanRange: number }; lowCoverageDays: unknown[] };
    };
    expect(body.report.total).toMatchObject({ judged: 25, longerThanRange: 100 });
    expect(body.report.lowCoverageDays).toEqual([
      { day: '2026-03-02', insideRange: 0, judged: 25 },
    ]);
    await api.warm();
    expect(log.find('accuracy: on 2026-03-02')).toEqual([
      expect.stringContaining('held for only 0% of 25 waits (under 60%)'),
    ]);
  });
});
