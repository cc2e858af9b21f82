import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../domain/config/types.ts';
import type { CommandResult } from '../domain/queue/commands.ts';
import { applyEvent } from '../domain/queue/fold.ts';
import { emptyState } from '../domain/queue/state.ts';
import { ev, testStore } from '../domain/testing/store.ts';
import { createJoinApi } from './join-api.ts';
import { createMemoryLogger } from './log.ts';

const cfg = (storeNetworks?: string[]): StoreConfig => ({
  ...testStore,
  services: testStore.services.map((s) => ({ ...s, remote: { checkIn: true, graceMin: 10 } })),
  join: { range: { from: 1000, to: 1999 }, ...(storeNetworks ? { storeNetworks } : {}) },
});

let server: Server | undefined;
afterEach(() => server?.close());

/** The join API on a real socket (loopback), with an in-memory replica. */
async function start(config: StoreConfig) {
  const state = emptyState();
  let seq = 0;
  const log = createMemoryLogger();
  const api = createJoinApi({
    config,
    log,
    wait: () => undefined,
    source: () => ({
      state,
      run(decide: (s: typeof state) => CommandResult) {
        const r = decide(state);
        if (r.ok) applyEvent(state, ev('agent-test-store', ++seq, Date.now(), r.event));
        return Promise.resolve({ ok: r.ok });
      },
    }),
  });
  server = createServer((req, res) => {
    void api(req, res, new URL(req.url ?? '/', 'http://x').pathname).then((done) => {
      if (!done) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { state, log, post };
}

describe('the join API', () => {
  it('issues a phone ticket and checks it in from the store network (loopback by default)', async () => {
    const { state, post } = await start(cfg());
    const joined = await post('/api/join/ticket', { service: 'advice', name: '  Ana ' });
    expect(joined.status).toBe(200);
    const ticket = joined.body.ticket as string;
    expect(state.tickets.get(ticket)).toMatchObject({ name: 'Ana', awaitingCheckIn: true });
    expect(joined.body.phone).toMatch(/^[a-f0-9]{32}$/);
    const again = await post('/api/join/ticket', { service: 'returns', phone: joined.body.phone });
    expect(again).toMatchObject({ status: 409, body: { error: 'phoneHasTicket' } });
    expect(await post(`/api/join/${ticket}/here`, {})).toMatchObject({ status: 200 });
    expect(state.tickets.get(ticket)?.awaitingCheckIn).toBe(false);
  });

  it('believes "I\'m here" only from the configured store network', async () => {
    const { state, log, post } = await start(cfg(['192.168.77.0/24']));
    const ticket = (await post('/api/join/ticket', { service: 'advice' })).body.ticket as string;
    expect(await post(`/api/join/${ticket}/here`, {})).toEqual({
      status: 403,
      body: { error: 'notInStore' },
    });
    expect(state.tickets.get(ticket)?.awaitingCheckIn).toBe(true);
    expect(log.lines.some((l) => l.includes("not on the store's network"))).toBe(true);
  });

  it('refuses a name that is not one short line, and an unknown service', async () => {
    const { post } = await start(cfg());
    expect(
      (await post('/api/join/ticket', { service: 'advice', name: 'x'.repeat(41) })).status,
    ).toBe(400);
    expect(await post('/api/join/ticket', { service: 'nope' })).toMatchObject({
      status: 400,
      body: { error: 'unknownService' },
    });
  });
});
