import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLog, PortableLogError } from '../domain/portable/parse.ts';
import { ROLES, type Identity } from '../domain/security/roles.ts';
import { accessRefusal } from '../hub/broker.ts';
import { ConfigError, parseStoreConfig } from '../hub/config-loader.ts';
import { startQuietHub, type QuietHub } from '../hub/hub-testing.ts';
import { resolveFromRepo } from '../hub/paths.ts';
import { countCases, fuzzReport, runs } from './runs.ts';

/**
 * The other ways bad input gets in: the broker's publish check, the portable-log importer,
 * the config loader and the hub's HTTP API (tracking, enrollment). Each either answers or
 * fails with its own named error (never anything else), and within a bound.
 */
let cases = 0;
const count = <T>(arb: fc.Arbitrary<T>) => arb.map((x) => (cases++, x));
afterAll(() => {
  countCases('inputs', cases);
  console.log(fuzzReport());
});

/** Replaces one value somewhere in a JSON tree (a mutated valid input). */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const i = head! % value.length;
    return (value as unknown[]).map((v, j) => (j === i ? mutate(v, rest, replacement) : v));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const k = keys[head! % keys.length]!;
  return {
    ...(value as Record<string, unknown>),
    [k]: mutate((value as Record<string, unknown>)[k], rest, replacement),
  };
}
const mutation = fc.tuple(fc.array(fc.nat(40), { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }));

describe('fuzzing the broker publish check', () => {
  const identity = fc.record({
    role: fc.constantFrom(...ROLES),
    store: fc.constantFrom('store-001', 'store-9'),
    device: fc.constantFrom('kiosk-1', 'clerk-1', 'board-1', 'agent-store-001', 'x'),
    ticket: fc.constantFrom('T1', 'T2'),
  }) as fc.Arbitrary<Identity>;
  const topic = fc.oneof(
    fc.string(),
    fc
      .constantFrom('calls', 'sync/events/kiosk-1', 'sync/vector/clerk-1', 'presence/x', 'track/T1')
      .map((t) => `nextup/v1/store-001/${t}`),
  );
  it('answers every identity, topic and payload without throwing', () => {
    fc.assert(
      fc.property(
        count(
          fc.tuple(
            identity,
            topic,
            fc.oneof(
              fc.string(),
              fc.jsonValue().map((j) => JSON.stringify(j)),
            ),
          ),
        ),
        ([who, t, payload]) => {
          const r = accessRefusal(who, t, payload, 'nextup/v1');
          expect(r === undefined || typeof r === 'string').toBe(true);
        },
      ),
      { numRuns: runs(1500) },
    );
  });
});

describe('fuzzing the portable-log importer', () => {
  const valid = [
    { at: '2025-01-06T08:00:00Z', type: 'counter.opened', counter: 'c1', services: ['advice'] },
    {
      at: '2025-01-06T08:00:05Z',
      type: 'ticket.issued',
      ticket: 't1',
      service: 'advice',
      number: 'A001',
    },
    { at: '2025-01-06T08:01:00Z', type: 'ticket.called', ticket: 't1', counter: 'c1' },
    { at: '2025-01-06T08:05:00Z', type: 'ticket.completed', ticket: 't1', counter: 'c1' },
  ];
  it('reads or refuses with PortableLogError: random text and mutated valid logs', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .array(
          fc.jsonValue().map((j) => JSON.stringify(j)),
          { maxLength: 5 },
        )
        .map((l) => l.join('\n')),
      fc
        .tuple(fc.nat(valid.length - 1), mutation)
        .map(([k, [path, v]]) =>
          valid.map((o, i) => JSON.stringify(i === k ? mutate(o, path, v) : o)).join('\n'),
        ),
    );
    fc.assert(
      fc.property(count(text), (t) => {
        try {
          const r = parseLog(t);
          expect(Array.isArray(r.events)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(PortableLogError);
        }
      }),
      { numRuns: runs(1500) },
    );
  });
});

describe('fuzzing the config loader', () => {
  const shipped: unknown = JSON.parse(
    readFileSync(resolveFromRepo('kiosk-config/store.json'), 'utf8'),
  );
  it('loads or refuses with ConfigError: random JSON and mutated shipped configs', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((j) => JSON.stringify(j)),
      mutation.map(([path, v]) => JSON.stringify(mutate(shipped, path, v))),
    );
    fc.assert(
      fc.property(count(text), (t) => {
        try {
          const cfg = parseStoreConfig(t, 'store.json');
          expect(typeof cfg.store.id).toBe('string');
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('fuzzing the hub HTTP API', () => {
  let q: QuietHub;
  beforeAll(async () => {
    q = await startQuietHub();
  });
  afterAll(async () => {
    await q?.close();
  });
  const path = fc.oneof(
    fc.string({ maxLength: 60 }).map((s) => `/api/track/${encodeURIComponent(s)}`),
    fc
      .tuple(fc.constantFrom('', '/events', '/cancel', '/x'), fc.stringMatching(/^[a-z0-9]{0,30}$/))
      .map(([a, id]) => `/api/track/${id}${a}`),
    fc.constantFrom(
      '/api/devices',
      '/api/devices/enroll',
      '/api/devices/codes',
      '/api/devices/revoke',
      '/api/devices/name',
    ),
  );
  const body = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue().map((j) => JSON.stringify(j)),
  );
  it('answers every path, method and body with a status below 500, within a bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        count(fc.tuple(path, fc.constantFrom('GET', 'POST', 'HEAD', 'PUT'), body)),
        async ([p, method, b]) => {
          const started = performance.now();
          const ctrl = new AbortController();
          const timer = setTimeout(() => ctrl.abort(), 2000);
          try {
            const res = await fetch(`${q.hub.httpUrl}${p}`, {
              method,
              ...(method === 'POST' || method === 'PUT' ? { body: b } : {}),
              signal: ctrl.signal,
            });
            // the SSE stream stays open by design: having its headers is the answer
            if (!p.endsWith('/events')) await res.arrayBuffer();
            else await res.body?.cancel();
            expect(res.status).toBeLessThan(500);
          } finally {
            clearTimeout(timer);
          }
          expect(performance.now() - started).toBeLessThan(2000);
        },
      ),
      { numRuns: runs(200) },
    );
    expect(q.log.lines.filter((l) => l.includes(' ERROR '))).toEqual([]);
  });
});
