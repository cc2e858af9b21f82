import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHONE_HTML, TICKET_VIEW_ELEMENT_ID } from '../domain/kiosk/phone-pages.ts';
import type { TicketView } from '../domain/kiosk/tracking.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import type { EventBody, StoreEvent } from '../domain/queue/events.ts';
import { applyEvent, fold } from '../domain/queue/fold.ts';
import type { QueueState } from '../domain/queue/state.ts';
import { ev, testStore } from '../domain/testing/store.ts';
import { startQuietHub, tempDir, type QuietHub, type TempDir } from './hub-testing.ts';
import { createMemoryLogger } from './log.ts';
import { createTracking, type Tracking, type TrackingSource } from './tracking.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const id = (c: string) => c.repeat(26);
const PHONE_PAGE = '<!doctype html><html><head><title>Nextup</title></head><body></body></html>';
const A = id('a');
const B = id('b');
const C = id('c');

const issued = (ticket: string, n: number): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service: 'advice',
  number: `A${String(n).padStart(3, '0')}`,
  n,
});

/** The agent's replica as tracking sees it: a folded log that commits like the real one. */
class FakeReplica implements TrackingSource {
  state: QueueState;
  private seq = 100;
  private readonly listeners = new Set<() => void>();
  readonly committed: StoreEvent[] = [];

  constructor(events: StoreEvent[]) {
    this.state = fold(events);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(body: EventBody): void {
    const e = ev('agent', ++this.seq, 10_000 + this.seq, body);
    applyEvent(this.state, e);
    this.committed.push(e);
    for (const l of this.listeners) l();
  }

  run(decide: (state: QueueState) => CommandResult): Promise<{ ok: boolean }> {
    const r = decide(this.state);
    if (r.ok) this.apply(r.event);
    return Promise.resolve({ ok: r.ok });
  }
}

function storeDay(): FakeReplica {
  return new FakeReplica([
    ev('kiosk-1', 1, 1000, issued(A, 1)),
    ev('kiosk-1', 2, 2000, issued(B, 2)),
    ev('kiosk-1', 3, 3000, issued(C, 3)),
    ev('clerk', 1, 4000, { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
  ]);
}

/** Reads Server-Sent Events from a fetch body, one parsed `data:` payload at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ event: string; data: string }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
          if (data.length === 0) continue; // comments, retry
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
          return { event, data: data.join('\n') };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('ticket tracking API', () => {
  let replica: FakeReplica | undefined;
  let tracking: Tracking;
  let server: Server;
  let base: string;
  const log = createMemoryLogger();

  beforeEach(async () => {
    replica = storeDay();
    tracking = createTracking({ config: testStore, log, source: () => replica, throttleMs: 10 });
    server = createServer((req, res) => {
      const urlPath = new URL(req.url ?? '/', 'http://hub').pathname;
      void tracking.handle(req, res, urlPath).then((handled) => {
        if (!handled) res.writeHead(418).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    tracking.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (p: string) => fetch(`${base}/api/track/${p}`);
  const cancel = (ticket: string, type = 'application/json') =>
    fetch(`${base}/api/track/${ticket}/cancel`, {
      method: 'POST',
      headers: { 'Content-Type': type },
      body: '{}',
    });

  it("answers with that ticket's place, wait and nothing about anyone else", async () => {
    const res = await get(C);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const text = await res.text();
    const view = JSON.parse(text) as TicketView;
    expect(view).toMatchObject({ ticket: C, number: 'A003', status: 'waiting', ahead: 2 });
    expect(view.wait).toMatchObject({ noCounter: false, openCounters: 1 });
    expect(view.wait?.noCounter === false && view.wait.highSec).toBeGreaterThan(0);
    for (const other of [A, B, 'A001', 'A002', 'kiosk-1', 'clerk']) {
      expect(text).not.toContain(other);
    }
  });

  it('refuses malformed ids and does not tell unknown tickets apart', async () => {
    for (const bad of ['abc', `${A}x`, A.toUpperCase(), '..%2F..%2Fetc']) {
      expect((await get(bad)).status).toBe(400);
    }
    const unknown = await get(id('z'));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no such ticket today' });
    expect((await get(`${A}/other`)).status).toBe(404);
    expect((await fetch(`${base}/api/track/${A}`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${base}/api/track/${A}/cancel`)).status).toBe(405);
    expect((await fetch(`${base}/somewhere-else`)).status).toBe(418);
  });

  it('pushes a new place in line and the call as they happen', async () => {
    const res = await get(`${B}/events`);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = eventReader(res.body!);
    expect(JSON.parse((await events.next()).data)).toMatchObject({ ahead: 1 });
    expect(tracking.streamCount).toBe(1);

    replica!.apply({ type: 'ticket.called', ticket: A, counter: 'c1' });
    expect(JSON.parse((await events.next()).data)).toMatchObject({ ahead: 0, next: true });

    replica!.apply({ type: 'ticket.called', ticket: B, counter: 'c2' });
    replica!.apply({ type: 'ticket.recalled', ticket: B, counter: 'c2' });
    const called = JSON.parse((await events.next()).data) as TicketView;
    expect(called).toMatchObject({ status: 'called', calls: 2, ahead: null });
    expect(called.counter).toEqual({ id: 'c2', name: { en: 'Counter 2' } });
    await events.cancel();
    await expect.poll(() => tracking.streamCount).toBe(0);
  });

  it('lets the customer leave the queue, and the line moves up', async () => {
    expect((await cancel(A, 'text/plain')).status).toBe(415);
    const res = await cancel(A);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ticket: A, status: 'cancelled' });
    expect(replica!.committed.map((e) => e.type)).toEqual(['ticket.cancelled']);
    expect(((await (await get(C)).json()) as TicketView).ahead).toBe(1);
    expect(log.find('left the queue')).toHaveLength(1);

    const again = await cancel(A);
    expect(again.status).toBe(409);
    expect(replica!.committed).toHaveLength(1);
  });

  it('says the store is starting until the agent runs', async () => {
    replica = undefined;
    const res = await get(A);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });
});

describe('the hub serves tracking through its agent', () => {
  let dist: TempDir;
  let q: QuietHub;
  const replica = storeDay();

  beforeAll(async () => {
    dist = tempDir('dist');
    writeFileSync(path.join(dist.path, 'index.html'), '<!doctype html>');
    mkdirSync(path.join(dist.path, path.dirname(PHONE_HTML)), { recursive: true });
    writeFileSync(path.join(dist.path, PHONE_HTML), PHONE_PAGE);
    const agent = {
      factory: () => Promise.resolve({ close: () => Promise.resolve(), replica }),
      started: [],
      closed: 0,
    };
    q = await startQuietHub({ distDir: dist.path }, agent);
  });

  afterAll(async () => {
    await q.close();
    dist.remove();
  });

  it("answers /api/track, and /t/<ticket> with the phone's page holding the same view", async () => {
    const res = await fetch(`${q.hub.httpUrl}/api/track/${B}`);
    expect(res.status).toBe(200);
    const view: unknown = await res.json();
    expect(view).toMatchObject({ number: 'A002', ahead: 1 });
    const page = await fetch(`${q.hub.httpUrl}/t/${B}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    const m = /<script type="application\/json" id="([^"]+)">(.*?)<\/script><\/head>/.exec(html);
    expect(m?.[1]).toBe(TICKET_VIEW_ELEMENT_ID);
    // (the wait is estimated at each answer's own moment)
    const withoutWait = (v: unknown) => ({ ...(v as Record<string, unknown>), wait: null });
    expect(withoutWait(JSON.parse(m?.[2] ?? '{}'))).toEqual(withoutWait(view));
    expect(html.startsWith(PHONE_PAGE.slice(0, 30))).toBe(true);
  });

  it('serves the phone page without a view for a ticket it does not know, and for /join', async () => {
    for (const p of [`/t/${'z'.repeat(26)}`, '/t/not-an-id!', '/join', '/book', '/book/abc']) {
      const page = await fetch(`${q.hub.httpUrl}${p}`);
      expect(page.status, p).toBe(200);
      expect(await page.text(), p).toBe(PHONE_PAGE);
      expect(page.headers.get('cache-control'), p).toBe('no-cache');
    }
  });

  it('keeps other methods refused outside the API', async () => {
    expect((await fetch(`${q.hub.httpUrl}/kiosk`, { method: 'POST' })).status).toBe(405);
  });
});
