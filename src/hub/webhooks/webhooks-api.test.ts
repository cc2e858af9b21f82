import { afterEach, describe, expect, it } from 'vitest';
import type { StoreEvent } from '../../domain/queue/events.ts';
import { fold } from '../../domain/queue/fold.ts';
import { ev } from '../../domain/testing/store.ts';
import type { AgentFactory } from '../hub.ts';
import { startQuietHub, type QuietHub } from '../hub-testing.ts';
import { arrived, startReceiver, type Receiver } from './receiver-testing.ts';

let q: QuietHub | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await q?.close();
  await receiver?.close();
  q = receiver = undefined;
});

/** A stand-in agent whose replica commits the events the test gives it. */
function agentWithReplica() {
  const listeners = new Set<(events: readonly StoreEvent[]) => void>();
  const log: StoreEvent[] = [];
  const replica = {
    state: fold([]),
    subscribe: () => () => undefined,
    run: () => Promise.resolve({ ok: false }),
    subscribeEvents(l: (events: readonly StoreEvent[]) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const factory: AgentFactory = () => Promise.resolve({ close: () => Promise.resolve(), replica });
  const commit = (events: StoreEvent[]): void => {
    log.push(...events);
    replica.state = fold(log);
    for (const l of listeners) l(events);
  };
  return { factory, commit };
}

describe('/api/webhooks', () => {
  it('registers an endpoint for a manager, shows its secret once, sends it signed events, deletes it', async () => {
    const agent = agentWithReplica();
    q = await startQuietHub({}, { factory: agent.factory, started: [], closed: 0 });
    receiver = await startReceiver();
    const m = q.hub.registry.enroll({ role: 'manager', hint: 'manager', trusted: true });
    const auth = `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`;
    const api = async (method: string, path = '', body?: unknown, withAuth = true) => {
      const res = await fetch(`${q!.hub.httpUrl}/api/webhooks${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(withAuth ? { Authorization: auth } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
      };
    };

    expect((await api('GET', '', undefined, false)).status).toBe(401);
    const ftp = await api('POST', '', { url: 'ftp://example.com/x', kinds: ['ticket.called'] });
    expect(ftp.status).toBe(400);
    expect(String(ftp.body['error'])).toMatch(/only http and https/);
    const noKinds = await api('POST', '', { url: receiver.url, kinds: ['ticket.lost'] });
    expect(noKinds.status).toBe(400);

    const added = await api('POST', '', { url: receiver.url, kinds: ['ticket.called'] });
    expect(added.status).toBe(201);
    expect(added.body['secret']).toMatch(/^whsec_/);
    receiver.secret = added.body['secret'] as string;
    const listed = await api('GET');
    const endpoints = listed.body['endpoints'] as Record<string, unknown>[];
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]).toMatchObject({ id: added.body['id'], url: receiver.url, pending: 0 });
    expect(JSON.stringify(listed.body)).not.toContain(receiver.secret);

    const T0 = Date.UTC(2026, 11, 6, 9);
    agent.commit([
      ev('kiosk-1', 1, T0, {
        type: 'ticket.issued',
        ticket: 't1',
        service: 'general',
        number: 'A001',
        n: 1,
      }),
      ev('clerk-1', 1, T0 + 5000, { type: 'ticket.called', ticket: 't1', counter: 'c1' }),
    ]);
    await receiver.until((got) => arrived(got).length === 1);
    expect(receiver.received[0]).toMatchObject({ delivery: 'clerk-1:1', signed: true });

    expect((await api('DELETE', `/${added.body['id'] as string}`)).status).toBe(204);
    expect((await api('GET')).body['endpoints']).toEqual([]);
    expect((await api('DELETE', '/wh_nothing')).status).toBe(404);
  });
});
