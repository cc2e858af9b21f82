import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../domain/queue/commands.ts';
import type { EventBody } from '../../domain/queue/events.ts';
import { applyEvent, fold } from '../../domain/queue/fold.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import { ev, testStore } from '../../domain/testing/store.ts';
import {
  phoneSubscription,
  startPushService,
  type PushService,
} from '../../../test/support/push-service.ts';
import { createMemoryLogger } from '../log.ts';
import { createTracking, type Tracking, type TrackingSource } from '../tracking.ts';
import { httpsOnly } from './push-port.ts';
import { webPushFor } from './push-routes.ts';
import { createWebPushSender, generateVapidKeys } from './web-push-sender.ts';

/**
 * The hub sends a ticket's "soon" and "called" alerts as Web Push with the page closed: once
 * each, through place jitter; a subscription the push service forgot is dropped with one log
 * line; the ticket's subscriptions go when it ends.
 */
const T = (c: string) => c.repeat(26);
const [A, B, C, D, E, F, G] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(T) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const issued = (ticket: string, n: number, priority = false): EventBody => ({
  type: 'ticket.issued',
  ticket,
  service: 'advice',
  number: `A${String(n).padStart(3, '0')}`,
  n,
  ...(priority ? { priority: true as const } : {}),
});

class Replica implements TrackingSource {
  state: QueueState;
  private seq = 100;
  private readonly listeners = new Set<() => void>();
  constructor() {
    this.state = fold([
      ...[A, B, C, D, E, F].map((t, i) => ev('kiosk-1', i + 1, 1000 * (i + 1), issued(t, i + 1))),
      ev('clerk', 1, 9000, { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
    ]);
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  apply(body: EventBody): void {
    applyEvent(this.state, ev('agent', ++this.seq, 10_000 + this.seq, body));
    for (const l of this.listeners) l();
  }
  run(decide: (state: QueueState) => CommandResult): Promise<{ ok: boolean }> {
    const r = decide(this.state);
    if (r.ok) this.apply(r.event);
    return Promise.resolve({ ok: r.ok });
  }
}

const TEXTS = {
  language: 'en',
  soon: ['Ticket A006: you are next.', 'Ticket A006: 1 person ahead.', 'Ticket A006: 2 ahead.'],
  called: 'Ticket A006: please go to {counter}.',
  store: 'Test store',
};

describe('Web Push for a ticket', () => {
  let service: PushService;
  let tracking: Tracking | undefined;
  let server: Server | undefined;
  const log = createMemoryLogger();
  const keys = generateVapidKeys('mailto:manager@store.example');

  beforeAll(async () => {
    service = await startPushService();
  });
  afterAll(() => service.close());
  afterEach(async () => {
    tracking?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function hub(replica: Replica, withPush: boolean) {
    // the test's push service is on loopback: only https is asked of it here
    const push = webPushFor(keys, log, createWebPushSender(keys, service.agent), httpsOnly);
    tracking = createTracking({
      config: testStore,
      log,
      source: () => replica,
      throttleMs: 5,
      ...(withPush ? { push } : {}),
    });
    const t = tracking;
    server = createServer((req, res) => {
      void t.handle(req, res, new URL(req.url ?? '/', 'http://hub').pathname);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/track`;
    return { base, push: push! };
  }

  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('sends "soon" once through jitter and "called" once; drops a gone subscription, then the ticket', async () => {
    const replica = new Replica();
    const { base, push } = await hub(replica, true);
    expect(await (await fetch(`${base}/${F}/push`)).json()).toEqual({ publicKey: keys.publicKey });
    const phone = phoneSubscription(`${service.url}/push/phone-1`);
    const gone = phoneSubscription(`${service.url}/gone/phone-2`);
    for (const p of [phone, gone]) {
      expect((await post(`${base}/${F}/push`, { subscription: p.json, texts: TEXTS })).status).toBe(
        201,
      );
    }
    // the queue moves; each step is seen by the hub before the next (waits on the ticket's view)
    let seen = 0;
    const step = async (body: EventBody) => {
      replica.apply(body);
      seen++;
      await expect.poll(() => tracking!.flushes).toBeGreaterThanOrEqual(seen);
    };
    await step({ type: 'ticket.called', ticket: A, counter: 'c1' }); // 5th
    await step({ type: 'ticket.called', ticket: B, counter: 'c1' }); // 4th
    await step({ type: 'ticket.called', ticket: C, counter: 'c1' }); // 3rd: soon
    await service.until(2);
    await expect.poll(() => log.lines.some((l) => l.includes('subscription gone'))).toBe(true);
    await step(issued(G, 7, true)); // 4th behind a priority ticket
    await step({ type: 'ticket.called', ticket: G, counter: 'c1' }); // 3rd again: nothing
    await step({ type: 'ticket.called', ticket: D, counter: 'c1' }); // 2nd
    await step({ type: 'ticket.called', ticket: F, counter: 'c1' }); // called
    await service.until(3);
    await step({ type: 'ticket.started', ticket: F, counter: 'c1' });
    expect(push.alerts.size).toBe(0);

    const mine = service.received.filter((r) => r.path === '/push/phone-1');
    expect(mine.map((r) => JSON.parse(phone.open(r.body)) as { title: string })).toEqual([
      expect.objectContaining({ title: 'Ticket A006: 2 ahead.', kind: 'soon', body: 'Test store' }),
      expect.objectContaining({ title: 'Ticket A006: please go to Counter 1.', kind: 'called' }),
    ]);
    expect(service.received.filter((r) => r.path === '/gone/phone-2')).toHaveLength(1);
    expect(service.received).toHaveLength(3);
    expect(log.lines.filter((l) => l.includes('subscription gone, dropped'))).toEqual([
      expect.stringMatching(/ticket A006: push service answered 410 for 127\.0\.0\.1:\d+/),
    ]);
  });

  it('refuses what it cannot send to, and says when the hub has no keys', async () => {
    const replica = new Replica();
    const { base } = await hub(replica, true);
    const phone = phoneSubscription(`${service.url}/push/x`);
    const plain = phoneSubscription('http://127.0.0.1:9/push');
    expect(
      (await post(`${base}/${F}/push`, { subscription: plain.json, texts: TEXTS })).status,
    ).toBe(400);
    expect((await post(`${base}/${F}/push`, { subscription: phone.json })).status).toBe(400);
    expect(
      (await post(`${base}/${T('z')}/push`, { subscription: phone.json, texts: TEXTS })).status,
    ).toBe(404);
    replica.apply({ type: 'ticket.cancelled', ticket: F });
    expect(
      (await post(`${base}/${F}/push`, { subscription: phone.json, texts: TEXTS })).status,
    ).toBe(409);
    tracking!.close();
    server!.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));

    const { base: noKeys } = await hub(new Replica(), false);
    expect(await (await fetch(`${noKeys}/${F}/push`)).json()).toEqual({ publicKey: null });
  });
});
