import { existsSync, readdirSync } from 'node:fs';
import { createServer, request, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventFileStore } from './event-file-store.ts';
import { startQuietHub, type QuietHub } from './hub-testing.ts';
import { importPortableLog, type ImportTarget } from './import-log.ts';
import { BROKEN_LAST_LINE, portableLogChunks } from './import-testing.ts';
import { tempDir } from './hub-testing.ts';
import { DeviceRegistry } from './device-registry.ts';
import { createMemoryLogger } from './log.ts';
import { createManagerAuth } from './manager-auth.ts';
import { createReportsApi } from './reports-api.ts';
import { ev, testStore } from '../domain/testing/store.ts';
import type { StoreEvent } from '../domain/queue/events.ts';

/**
 * Issue 15: a 100 MB import held the hub's event loop for 20 s (health unanswered, the agent
 * lost its broker). Imports now stream: these tests bound what the hub does by events (its
 * own log lines and answers), not by durations.
 */
const LOG_BYTES = 4 * 1024 * 1024;

function logOf(bytes: number, broken = false): Buffer[] {
  const chunks = [...portableLogChunks(bytes)];
  return broken ? [...chunks, BROKEN_LAST_LINE] : chunks;
}

async function* source(chunks: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield await Promise.resolve(c);
}

describe('a streamed import into the hub', () => {
  let q: QuietHub;
  let history: EventFileStore;
  let auth: string;

  beforeEach(async () => {
    let storeDir = '';
    q = await startQuietHub({
      agent: (opts) => {
        storeDir = join(opts.dataDir, opts.config.store.id);
        history = new EventFileStore(storeDir, opts.config.store.timeZone, {
          info: () => undefined,
          warn: () => undefined,
        });
        return Promise.resolve({ close: () => history.close(), history });
      },
    });
    expect(storeDir).not.toBe('');
    const m = q.hub.registry.enroll({ role: 'manager', trusted: true });
    auth = `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`;
  });

  afterEach(async () => {
    await q.close();
  });

  /** POSTs the chunks as fast as the hub reads them; resolves with the answer. */
  function upload(chunks: readonly Buffer[]): Promise<{ status: number; body: unknown }> {
    const { port } = new URL(q.hub.httpUrl);
    const length = chunks.reduce((n, c) => n + c.length, 0);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/reports/import',
          headers: { Authorization: auth, 'Content-Length': length },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      for (const c of chunks) req.write(c);
      req.end();
    });
  }

  const progressLines = () =>
    q.log.find('import: checked').length + q.log.find('import: wrote').length;

  it('keeps answering /api/health while a large import is checked and written', async () => {
    const chunks = logOf(LOG_BYTES);
    let importDone = false;
    const answer = upload(chunks).finally(() => (importDone = true));
    // ask for health one request after the other for as long as the import runs, and count
    // the answers that came after the import's first progress line and before its answer
    let between = 0;
    while (!importDone) {
      const before = progressLines();
      const res = await fetch(`${q.hub.httpUrl}/api/health`);
      expect(res.status).toBe(200);
      await res.body?.cancel();
      if (!importDone && before > 0) between++;
    }
    const { status, body } = await answer;
    expect(status).toBe(200);
    const lines = chunks.reduce((n, c) => n + c.toString().split('\n').length - 1, 0);
    expect(body).toMatchObject({ events: lines, skipped: 0 });
    // the import went in steps, logged, and health was answered during them, not only after
    expect(q.log.lines.filter((l) => /import: started \(4\.\d MB\)/.test(l))).toHaveLength(1);
    expect(q.log.find('import: checked').length).toBeGreaterThanOrEqual(5);
    expect(q.log.find('import: wrote').length).toBeGreaterThanOrEqual(5);
    expect(q.log.find('import: done')).toHaveLength(1);
    expect(between).toBeGreaterThanOrEqual(5);
    expect((await history.days()).length).toBe((body as { days: string[] }).days.length);
    // the staging file is gone
    expect(
      readdirSync(join(q.data.path, q.hub.config.store.id)).filter((n) => n.includes('staging')),
    ).toEqual([]);
  }, 120_000);

  it('refuses a log broken on its last line, naming it, and writes nothing', async () => {
    const chunks = logOf(2 * 1024 * 1024, true);
    const lines = chunks.reduce((n, c) => n + c.toString().split('\n').length - 1, 0);
    const { status, body } = await upload(chunks);
    expect(status).toBe(400);
    expect(body).toMatchObject({ line: lines + 1 });
    expect((body as { error: string }).error).toMatch(
      new RegExp(`^line ${lines + 1}: malformed JSON`),
    );
    expect(await history.days()).toEqual([]);
    expect(q.log.find('import refused')).toHaveLength(1);
  }, 60_000);
});

describe('importPortableLog', () => {
  it('hands the store small batches, so a live write never waits for the whole import', async () => {
    const dir = tempDir('import');
    const batches: number[] = [];
    const target: ImportTarget = {
      days: () => Promise.resolve([]),
      appendRemote: (events: readonly StoreEvent[]) => {
        batches.push(events.reduce((n, e) => n + JSON.stringify(e).length + 1, 0));
        return Promise.resolve();
      },
    };
    try {
      const seen: string[] = [];
      const r = await importPortableLog(source(logOf(3 * 1024 * 1024)), {
        storeId: 'test-store',
        timeZone: 'UTC',
        target,
        stagingDir: dir.path,
        onProgress: (p) => seen.push(p.phase),
      });
      expect(r.events).toBeGreaterThan(20_000);
      expect(batches.length).toBeGreaterThan(5);
      expect(Math.max(...batches)).toBeLessThan(512 * 1024 + 1024);
      expect(seen.indexOf('writing')).toBeGreaterThan(seen.lastIndexOf('checking'));
      expect(existsSync(join(dir.path, `${r.device}.staging.jsonl`))).toBe(false);
    } finally {
      dir.remove();
    }
  });
});

describe('a live write during an import', () => {
  it('waits for the batch being written at most, not for the import', async () => {
    const dir = tempDir('import-live');
    const store = new EventFileStore(dir.path, 'UTC', {
      info: () => undefined,
      warn: () => undefined,
    });
    let batches = 0;
    let liveStoredAfter = -1;
    let live: Promise<void> | undefined;
    const target: ImportTarget = {
      days: () => store.days(),
      appendRemote: async (events) => {
        const writing = store.appendRemote(events);
        // a kiosk's ticket arrives while the import's second batch is being written
        if (batches === 1) {
          live = store
            .appendLocal(
              ev('kiosk-1', 1, Date.parse('2026-03-02T09:00:00Z'), {
                type: 'ticket.issued',
                ticket: 'live-1',
                service: 'advice',
                number: 'A001',
                n: 1,
              }),
            )
            .then(() => void (liveStoredAfter = batches));
        }
        await writing;
        batches++;
      },
    };
    try {
      await importPortableLog(source(logOf(3 * 1024 * 1024)), {
        storeId: 'test-store',
        timeZone: 'UTC',
        target,
        stagingDir: join(dir.path, 'staging'),
      });
      await live;
      expect(batches).toBeGreaterThan(5);
      // stored once the batch in progress was, before the import's next one
      expect(liveStoredAfter).toBe(2);
      expect((await store.readDay('2026-03-02')).map((e) => e.id)).toEqual(['kiosk-1:1']);
    } finally {
      await store.close();
      dir.remove();
    }
  }, 60_000);
});

describe('the import endpoint with a small limit', () => {
  const LIMIT = 256 * 1024;
  let dir: ReturnType<typeof tempDir>;
  let history: EventFileStore;
  let registry: DeviceRegistry;
  let server: Server;
  let port: number;
  let auth: string;
  const log = createMemoryLogger();

  beforeEach(async () => {
    dir = tempDir('import-limit');
    registry = new DeviceRegistry({ dataDir: dir.path, store: testStore.store.id });
    const m = registry.enroll({ role: 'manager', trusted: true });
    auth = `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`;
    const storeDir = join(dir.path, 'store');
    history = new EventFileStore(storeDir, 'UTC', { info: () => undefined, warn: () => undefined });
    const api = createReportsApi({
      config: testStore,
      log,
      manager: createManagerAuth({ authenticate: (u, p) => registry.authenticate(u, p), log }),
      storeDir,
      history: () => history,
      maxImportBytes: LIMIT,
    });
    server = createServer((req, res) => void api.handle(req, res, '/api/reports/import'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await history.close();
    await registry.flushed();
    dir.remove();
  });

  /** A chunked POST left open: the caller writes and ends it. */
  function open(): { req: ClientRequest; answer: Promise<{ status: number; text: string }> } {
    let req!: ClientRequest;
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/', headers: { Authorization: auth } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
    });
    return { req, answer };
  }

  const until = async (seen: () => boolean) => {
    while (!seen()) await new Promise((r) => setImmediate(r));
  };

  it('answers 413 once a chunked log passes the limit; nothing is written, no staging is left', async () => {
    const { req, answer } = open();
    const body = Buffer.concat([...portableLogChunks(2 * LIMIT)]);
    // valid lines all the way: only the size is wrong; the hub answers before the end
    req.write(body.subarray(0, LIMIT + 1024));
    const { status, text } = await answer;
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ limit: LIMIT });
    req.destroy();
    expect(await history.days()).toEqual([]);
    // the hub answers first and then removes its staging file: wait for that, not for time
    const staging = () => readdirSync(join(dir.path, 'store')).filter((n) => n.includes('staging'));
    await until(() => staging().length === 0);
    expect(await history.days()).toEqual([]);
  });

  it('runs one import at a time: a second is refused with 409 while the first is read', async () => {
    const first = open();
    const body = Buffer.concat([...portableLogChunks(100 * 1024)]);
    const before = log.find('import: started').length;
    first.req.write(body.subarray(0, 1000));
    await until(() => log.find('import: started').length > before);
    const second = open();
    second.req.end(body);
    const refused = await second.answer;
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.text)).toEqual({
      error: 'another import is running; try again after it',
    });
    first.req.end(body.subarray(1000));
    const done = await first.answer;
    expect(done.status).toBe(200);
    expect((await history.days()).length).toBeGreaterThan(0);
  });
});
