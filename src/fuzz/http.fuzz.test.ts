import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_KINDS } from '../domain/reports/request.ts';
import { startHub, type Hub } from '../hub/hub.ts';
import { tempDir, type TempDir } from '../hub/hub-testing.ts';
import { createMemoryLogger, type MemoryLogger } from '../hub/log.ts';
import { resolveFromRepo } from '../hub/paths.ts';
import { countCases, fuzzReport, runs } from './runs.ts';

/**
 * Issue 15: every endpoint of the hub's HTTP API, with bodies under, at and past its limit,
 * on a hub with its real agent (a live queue, history on disk). The oracle is the limit
 * itself, not the code that enforces it: a body past the limit gets 413, one within never
 * does; nothing gets a 5xx; the hub keeps answering /api/health after every request.
 */
const KiB = 1024;
const TICKET = 'a'.repeat(26);

interface Endpoint {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  /** Manager credentials needed. */
  readonly auth?: boolean;
  /** Reads a body of at most this many bytes, in `file` (src/hub). */
  readonly limit?: number;
  readonly file?: string;
}

/** The one list of the API (checked against the routes below). */
const ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: '/api/config' },
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/devices', auth: true },
  { method: 'POST', path: '/api/devices/enroll', limit: 4 * KiB, file: 'devices-api.ts' },
  {
    method: 'POST',
    path: '/api/devices/codes',
    auth: true,
    limit: 4 * KiB,
    file: 'devices-api.ts',
  },
  // credentials in the Authorization header, no body read
  { method: 'POST', path: '/api/devices/status' },
  {
    method: 'POST',
    path: '/api/devices/revoke',
    auth: true,
    limit: 4 * KiB,
    file: 'devices-api.ts',
  },
  {
    method: 'POST',
    path: '/api/devices/name',
    auth: true,
    limit: 4 * KiB,
    file: 'devices-api.ts',
  },
  { method: 'GET', path: `/api/track/${TICKET}` },
  { method: 'GET', path: `/api/track/${TICKET}/events` },
  { method: 'POST', path: `/api/track/${TICKET}/cancel`, limit: KiB, file: 'tracking.ts' },
  { method: 'GET', path: `/api/track/${TICKET}/data` },
  {
    method: 'POST',
    path: `/api/track/${TICKET}/forget`,
    limit: KiB,
    file: 'personal-data-api.ts',
  },
  { method: 'GET', path: '/api/join' },
  { method: 'POST', path: '/api/join/ticket', limit: KiB, file: 'join-api.ts' },
  { method: 'POST', path: `/api/join/${TICKET}/here`, limit: KiB, file: 'join-api.ts' },
  { method: 'GET', path: '/api/book' },
  { method: 'POST', path: '/api/book', limit: KiB, file: 'booking/book-api.ts' },
  { method: 'GET', path: '/api/book/slots?service=advice&date=2026-01-05' },
  { method: 'GET', path: `/api/book/${TICKET}?k=${'0'.repeat(32)}` },
  { method: 'GET', path: `/api/book/${TICKET}/calendar.ics?k=${'0'.repeat(32)}` },
  { method: 'POST', path: `/api/book/${TICKET}/cancel`, limit: KiB, file: 'booking/book-api.ts' },
  // read by the same call as cancel (book-api.ts's change)
  { method: 'POST', path: `/api/book/${TICKET}/move`, limit: KiB },
  { method: 'POST', path: `/api/book/${TICKET}/here`, limit: KiB, file: 'booking/book-api.ts' },
  { method: 'GET', path: '/api/reports/days', auth: true },
  { method: 'GET', path: '/api/reports/export', auth: true },
  ...REPORT_KINDS.map((k) => ({ method: 'GET' as const, path: `/api/reports/${k}`, auth: true })),
  { method: 'GET', path: '/api/settings', auth: true },
  { method: 'PUT', path: '/api/settings', auth: true, limit: 512 * KiB, file: 'settings-api.ts' },
  {
    method: 'POST',
    path: '/api/reports/import',
    auth: true,
    limit: 512 * KiB * KiB,
    file: 'reports-api.ts',
  },
];
/** Bodies sent whole up to this size; a larger one is only announced (Content-Length). */
const SENT_WHOLE = 64 * KiB;

let hub: Hub;
let log: MemoryLogger;
let data: TempDir;
let configDir: TempDir;
let manager: string;
let cases = 0;

interface Answer {
  readonly status: number;
  readonly body: string;
}

/**
 * One request by hand: `body` sent whole, or only `declared` as its Content-Length (the
 * answer must come without it). An event stream answers with its headers: that is enough.
 */
function send(
  method: string,
  path: string,
  opts: { auth?: boolean; type?: string; body?: Buffer; declared?: number } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(hub.httpUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      'Content-Type': opts.type ?? 'application/json',
      ...(opts.auth ? { Authorization: manager } : {}),
      ...(opts.declared !== undefined ? { 'Content-Length': opts.declared } : {}),
    };
    const req = request({ hostname, port, path, method, agent: false, headers }, (res) => {
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        req.destroy();
        return resolve({ status: res.statusCode ?? 0, body: '' });
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    // the hub closes after a 413: what was still being written may fail, the answer stands
    req.on('error', (err) => (req.writableEnded ? undefined : reject(err)));
    if (opts.declared !== undefined) req.write(Buffer.from('{"'));
    else req.end(opts.body);
  });
}

beforeAll(async () => {
  log = createMemoryLogger();
  data = tempDir('http-fuzz');
  // a copy of the shipped config: a fuzzed body the settings take is written there
  configDir = tempDir('http-fuzz-config');
  copyFileSync(resolveFromRepo('kiosk-config/store.json'), join(configDir.path, 'store.json'));
  // the real agent: tracking and reports answer from a live queue and history on disk
  hub = await startHub({
    port: 0,
    mqttPort: 0,
    httpPort: 0,
    dataDir: data.path,
    configDir: configDir.path,
    log,
  });
  const m = hub.registry.enroll({ role: 'manager', trusted: true });
  manager = `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`;
  // until the agent is up, tracking and reports say 503 "starting" by design
  for (let i = 0; i < 200; i++) {
    const [a, b] = await Promise.all([
      send('GET', `/api/track/${TICKET}`),
      send('GET', '/api/reports/days', { auth: true }),
    ]);
    if (a.status !== 503 && b.status !== 503) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 60_000);

afterAll(async () => {
  await hub?.close();
  data?.remove();
  configDir?.remove();
  countCases('http', cases);
  console.log(fuzzReport());
});

describe('the HTTP endpoint list', () => {
  it('names every place in src/hub that reads a request body (whole or streamed)', () => {
    const sites: Record<string, number> = {};
    const files = [
      ...readdirSync(resolveFromRepo('src/hub')),
      ...readdirSync(resolveFromRepo('src/hub/booking')).map((f) => `booking/${f}`),
    ];
    for (const f of files) {
      if (!f.endsWith('.ts') || f.includes('.test.') || f === 'body.ts') continue;
      const n = readFileSync(resolveFromRepo(`src/hub/${f}`), 'utf8').match(
        /\b(readBody|bodyChunks)\(/g,
      );
      if (n) sites[f] = n.length;
    }
    const listed: Record<string, number> = {};
    for (const e of ENDPOINTS) if (e.file) listed[e.file] = (listed[e.file] ?? 0) + 1;
    expect(listed).toEqual(sites);
  });

  it.each(ENDPOINTS)('routes $method $path', async (e) => {
    const a = await send(e.method, e.path, { auth: true, body: Buffer.from('{}') });
    expect(a.body).not.toMatch(/no API at/);
    expect(a.status).not.toBe(405);
    expect(a.status).toBeLessThan(500);
  });
});

describe('fuzzing every endpoint with bodies up to and past its limit', () => {
  // a body within the limit is sent whole, so at most SENT_WHOLE (the import's 512 MiB is
  // only ever announced past its limit: a hub that waited for it would never answer)
  const size = (limit: number) =>
    fc.oneof(
      fc.nat(Math.min(limit, SENT_WHOLE)),
      ...(limit <= SENT_WHOLE ? [fc.constant(limit)] : []),
      fc.constant(limit + 1),
      fc.integer({ min: limit + 1, max: limit * 4 }),
    );
  const input = fc
    .tuple(
      fc.nat(ENDPOINTS.length - 1),
      fc.constantFrom('own', 'own', 'own', 'GET', 'POST', 'PUT', 'DELETE'),
      fc.boolean(),
      fc.constantFrom('application/json', 'application/json', 'text/plain'),
      fc.oneof(
        fc.string({ maxLength: 64 }),
        fc.jsonValue().map((j) => JSON.stringify(j)),
      ),
    )
    .chain(([i, m, auth, type, seed]) =>
      size(ENDPOINTS[i]!.limit ?? 8 * KiB).map((bytes) => ({ i, m, auth, type, seed, bytes })),
    );

  it('answers 413 past each limit and only there, never a 5xx, and /api/health throughout', async () => {
    let tooLarge = 0;
    await fc.assert(
      fc.asyncProperty(input, async ({ i, m, auth, type, seed, bytes }) => {
        cases++;
        const e = ENDPOINTS[i]!;
        const method = m === 'own' ? e.method : m;
        const whole = bytes <= SENT_WHOLE || bytes <= (e.limit ?? 0);
        const body = whole ? Buffer.alloc(bytes, seed.length > 0 ? seed : ' ') : undefined;
        const a = await send(method, e.path, {
          auth,
          type,
          ...(whole ? { body } : { declared: bytes }),
        });
        expect(a.status, `${method} ${e.path} ${bytes} bytes: ${a.body}`).toBeLessThan(500);
        // the body is read at all: its own method, credentials where needed, JSON for tracking
        const reads =
          e.limit !== undefined &&
          method === e.method &&
          (auth || !e.auth) &&
          (type === 'application/json' || !e.path.endsWith('/cancel'));
        if (reads && bytes > e.limit) expect(a.status).toBe(413);
        if (a.status === 413) {
          tooLarge++;
          // the endpoint that reads this path with this method (GET and POST /api/book differ)
          const reader = [e, ...ENDPOINTS].find(
            (x) => x.path === e.path && x.method === method && x.limit !== undefined,
          );
          expect(reader?.limit !== undefined && bytes > reader.limit).toBe(true);
        }
        const health = await send('GET', '/api/health');
        expect(health.status).toBe(200);
      }),
      { numRuns: runs(150) },
    );
    expect(tooLarge).toBeGreaterThan(0);
    expect(log.lines.filter((l) => l.includes(' ERROR '))).toEqual([]);
  }, 60_000);
});
