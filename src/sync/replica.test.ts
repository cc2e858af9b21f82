import { describe, expect, it } from 'vitest';
import { callNext, issueTicket, openCounter } from '../domain/queue/commands.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { waitingTickets } from '../domain/queue/selectors.ts';
import { testStore } from '../domain/testing/store.ts';
import { MemoryBroker, MemoryStorage } from './memory-transport.ts';
import type { Replica } from './replica.ts';
import { replicaHarness, TEST_ROOT as root } from './simulation/replica-harness.ts';
import { topics } from './topics.ts';

const kiosk = testStore.kiosks[0]!;
const h = replicaHarness();

async function replica(
  broker: MemoryBroker,
  device: string,
  storage = new MemoryStorage(),
  agent = false,
) {
  return h.open(broker, device, { storage, role: agent ? 'agent' : 'device', antiEntropyMs: 200 });
}

const settle = (ms = 30) => h.time.pass(ms);
const until = (check: () => boolean, ms = 3000) => h.time.until(check, ms);

const numbers = (r: Replica) => waitingTickets(r.state).map((t) => t.number);

describe('replica', () => {
  it('delivers a ticket to a clerk, and leaves the outbox once the agent stored it', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const k = await replica(broker, 'kiosk-a');
    const c = await replica(broker, 'clerk-a');
    const out = await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'tk1'));
    expect(out.ok).toBe(true);
    await until(() => numbers(c.r).length === 1);
    expect(numbers(c.r)).toEqual(['A001']);
    // the broker took it, but the store's durable history has not: still pending
    await settle(100);
    expect(k.r.pending).toBe(1);
    const agent = await replica(broker, 'agent-test-store', new MemoryStorage(), true);
    await until(() => k.r.pending === 0);
    expect(k.storage.outbox).toEqual([]);
    expect(agent.r.eventCount).toBe(1);
  });

  it('hands out a new state object per change, so a memo keyed on it never goes stale', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const k = await replica(broker, 'kiosk-a');
    await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'tk1'));
    const seen = [k.r.state];
    await k.r.run(() => openCounter('c1', ['advice']));
    seen.push(k.r.state);
    await k.r.run((s, at) => callNext(s, 'c1', ['advice'], at));
    seen.push(k.r.state);
    expect(new Set(seen).size).toBe(3);
    expect(k.r.state.tickets.get('tk1')?.status).toBe('called');
  });

  it('serializes quick taps so two tickets never get the same number', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const k = await replica(broker, 'kiosk-a');
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', `t${i}`)),
      ),
    );
    expect(results.map((r) => r.ok && r.event.type === 'ticket.issued' && r.event.number)).toEqual([
      'A001',
      'A002',
      'A003',
      'A004',
      'A005',
    ]);
  });

  it('applies duplicated and reordered messages once', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const k = await replica(broker, 'kiosk-a');
    const c = await replica(broker, 'clerk-a');
    k.transport.setOnline(false);
    const events: StoreEvent[] = [];
    for (let i = 1; i <= 4; i++) {
      const o = await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', `t${i}`));
      if (o.ok) events.push(o.event);
    }
    // the store agent is the one peer that may relay other devices' events
    const publisher = broker.connect('agent-replayer');
    const send = (list: StoreEvent[]) =>
      publisher.publish(
        topics.events(root, 'agent-replayer'),
        JSON.stringify({ v: 1, kind: 'events', from: 'agent-replayer', events: list }),
        { qos: 1 },
      );
    await send([events[3]!, events[1]!]);
    await send([events[1]!, events[0]!, events[2]!]);
    await send([events[0]!]);
    await until(() => numbers(c.r).length === 4);
    await settle();
    expect(numbers(c.r)).toEqual(['A001', 'A002', 'A003', 'A004']);
    expect(c.r.eventCount).toBe(4);
    expect(c.storage.events.size).toBe(4);
  });

  it('keeps a ticket issued offline and sends it when the kiosk is back', async () => {
    const broker = new MemoryBroker(h.time.clock());
    await replica(broker, 'agent-test-store', new MemoryStorage(), true);
    const k = await replica(broker, 'kiosk-a');
    const c = await replica(broker, 'clerk-a');
    k.transport.setOnline(false);
    await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'off1'));
    await settle(60);
    expect(numbers(c.r)).toEqual([]);
    expect(k.r.pending).toBe(1);
    k.transport.setOnline(true);
    await until(() => numbers(c.r).length === 1);
    await until(() => k.r.pending === 0);
  });

  it('catches up, through the agent, on events missed while a device was away', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const agent = await replica(broker, 'agent-test-store', new MemoryStorage(), true);
    const k = await replica(broker, 'kiosk-a');
    const c = await replica(broker, 'clerk-a');
    c.transport.setOnline(false);
    await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'a1'));
    await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'a2'));
    await until(() => agent.r.eventCount === 2);
    k.transport.setOnline(false); // the kiosk is gone too: only the agent can help
    c.transport.setOnline(true);
    await until(() => numbers(c.r).length === 2);
    expect(c.r.vector()).toEqual({ 'kiosk-a': 2 });
  });

  it('announces once when it goes online while its subscription is still being made', async () => {
    // as MQTT.js does: connected (our SUBSCRIBE goes out at once) but online only once its
    // presence is acknowledged; the SUBSCRIBE went first, so the announcement then is answered.
    // A second one after the SUBACK had the agent send a long catch-up twice (bench/growth.ts)
    const broker = new MemoryBroker(h.time.clock());
    const vectors: string[] = [];
    const spy = broker.connect('agent-observer');
    spy.onMessage((topic, payload) => {
      if (topic === topics.vector(root, 'clerk-new')) vectors.push(payload);
    });
    await spy.subscribe([`${root.prefix}/${root.store}/sync/#`]);
    const transport = broker.connect('clerk-new');
    transport.state = 'connecting';
    let subscribed = (): void => undefined;
    const held = new Promise<void>((resolve) => (subscribed = resolve));
    const subscribe = transport.subscribe.bind(transport);
    transport.subscribe = async (list) => {
      await subscribe(list);
      await held;
    };
    await h.open(broker, 'clerk-new', { transport });
    transport.setOnline(true);
    await settle();
    expect(vectors).toHaveLength(1);
    subscribed();
    await settle(50);
    expect(vectors).toHaveLength(1);
  });

  it('does not ask again for a catch-up that began to stream in after it decided to ask', async () => {
    // bench/growth.ts at 100x: a new device's first answer took a second to start, the device
    // decided to ask again (nothing had come for 500 ms) and announced 100 ms later, with the
    // stream already flowing: the agent then sent up to 1,500 events it was still sending
    const elsewhere = new MemoryBroker(h.time.clock());
    const k = await replica(elsewhere, 'kiosk-a');
    for (const id of ['tk1', 'tk2', 'tk3']) {
      await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', id));
    }
    const events = k.r.events();
    const broker = new MemoryBroker(h.time.clock());
    const vectors: Record<string, number>[] = [];
    const agent = broker.connect('agent-test-store');
    agent.onMessage((topic, payload) => {
      if (topic === topics.vector(root, 'clerk-new'))
        vectors.push((JSON.parse(payload) as { vector: Record<string, number> }).vector);
    });
    await agent.subscribe([topics.vector(root, 'clerk-new')]);
    await replica(broker, 'clerk-new');
    await settle();
    expect(vectors).toEqual([{}]);
    const send = (payload: object, topic: string) =>
      agent.publish(topic, JSON.stringify({ v: 1, from: 'agent-test-store', ...payload }), {
        qos: 1,
      });
    // the agent's vector: the device lacks three events and decides to ask (nothing is coming)
    const vector = { kind: 'vector', vector: { 'kiosk-a': 3 }, at: h.time.clock().now() };
    await send(vector, topics.vector(root, 'agent-test-store'));
    await settle(20);
    // the answer to its first announcement starts to come, before that ask goes out
    await send({ kind: 'events', events: events.slice(0, 1) }, topics.to(root, 'clerk-new'));
    await settle(150);
    expect(vectors).toEqual([{}]);
    // it asks once the stream has been quiet for CATCH_UP_QUIET_MS, with what it holds then
    await settle(600);
    expect(vectors).toEqual([{}, { 'kiosk-a': 1 }]);
  });

  it('restores from storage after a restart and continues its own sequence', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const storage = new MemoryStorage();
    const k = await replica(broker, 'kiosk-a', storage);
    k.transport.setOnline(false);
    await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'r1'));
    await k.r.close();
    const again = await replica(broker, 'kiosk-a', storage);
    expect(numbers(again.r)).toEqual(['A001']);
    expect(again.r.pending).toBe(1);
    const next = await again.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'r2'));
    expect(next.ok && next.event.seq).toBe(2);
    expect(next.ok && next.event.type === 'ticket.issued' && next.event.number).toBe('A002');
  });

  it('reports a failed write and does not advance its clock or sequence', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const storage = new MemoryStorage();
    const k = await replica(broker, 'kiosk-a', storage);
    storage.failWrites = true;
    const failed = await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'x1'));
    expect(failed).toEqual({ ok: false, error: 'storageFailed' });
    expect(numbers(k.r)).toEqual([]);
    storage.failWrites = false;
    const ok = await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'x2'));
    expect(ok.ok && ok.event.seq).toBe(1);
  });

  it('drops malformed and foreign messages without touching state', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const rejected: string[] = [];
    const { r: c } = await h.open(broker, 'clerk-a', { onRejected: (r) => rejected.push(r) });
    const p = broker.connect('hostile');
    await p.publish(topics.events(root, 'hostile'), '{not json', { qos: 1 });
    await p.publish(
      topics.events(root, 'hostile'),
      JSON.stringify({ v: 1, kind: 'events', from: 'hostile', events: [{ id: 'x' }] }),
      { qos: 1 },
    );
    await settle();
    expect(c.eventCount).toBe(0);
    expect(rejected).toEqual([
      'sync message dropped: payload is not JSON',
      expect.stringMatching(/event from hostile dropped: field "store"/),
    ]);
  });

  it('refuses forged events: a relay by a peer, a wrong "from", a role that may not emit', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const rejected: string[] = [];
    const k = await replica(broker, 'kiosk-a');
    const { r: c } = await h.open(broker, 'clerk-a', { onRejected: (r) => rejected.push(r) });
    k.transport.setOnline(false);
    const o = await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 't1'));
    if (!o.ok) throw new Error('no ticket');
    const hostile = broker.connect('clerk-b');
    const send = (topicDevice: string, from: string, events: unknown[]) =>
      hostile.publish(
        topics.events(root, topicDevice),
        JSON.stringify({ v: 1, kind: 'events', from, events }),
        { qos: 1 },
      );
    // clerk-b relays kiosk-a's event as its own publisher
    await send('clerk-b', 'clerk-b', [o.event]);
    // clerk-b claims to be kiosk-a in the payload but publishes on its own topic
    await send('clerk-b', 'kiosk-a', [o.event]);
    // a kiosk's id calling a ticket: kiosks may only issue
    const call = { ...o.event, id: 'kiosk-b:1', device: 'kiosk-b', seq: 1, type: 'ticket.called' };
    await send('kiosk-b', 'kiosk-b', [{ ...call, ticket: 't1', counter: 'c1' }]);
    await settle();
    expect(c.eventCount).toBe(0);
    expect(rejected.join('\n')).toMatch(/relayed by clerk-b/);
    expect(rejected.join('\n')).toMatch(/not its topic/);
    expect(rejected.join('\n')).toMatch(/kiosk-b may not emit ticket.called/);
  });

  it('opens a counter and calls the first in line across devices', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const k = await replica(broker, 'kiosk-a');
    const c1 = await replica(broker, 'clerk-1');
    const board = await replica(broker, 'board-1');
    await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'o1'));
    await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'o2'));
    await until(() => numbers(c1.r).length === 2);
    await c1.r.run(() => openCounter('c1', ['advice']));
    const called = await c1.r.run((s, at) => callNext(s, 'c1', ['advice'], at));
    expect(called.ok && called.event.type === 'ticket.called' && called.event.ticket).toBe('o1');
    await until(() => board.r.state.calls.length === 1);
    expect(board.r.state.calls[0]).toEqual(
      expect.objectContaining({ number: 'A001', counter: 'c1' }),
    );
    await until(() => numbers(k.r).length === 1);
  });

  it('tells event listeners about every new event once, local and remote', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const k = await replica(broker, 'kiosk-a');
    const c = await replica(broker, 'clerk-a');
    const seenByClerk: string[] = [];
    const stop = c.r.subscribeEvents((events) => seenByClerk.push(...events.map((e) => e.id)));
    await k.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'e1'));
    await until(() => seenByClerk.length === 1);
    await c.r.run(() => openCounter('c1', ['advice']));
    expect(seenByClerk).toEqual(['kiosk-a:1', 'clerk-a:1']);
    stop();
    await c.r.run((s, at) => callNext(s, 'c1', ['advice'], at));
    expect(seenByClerk).toHaveLength(2);
  });
});

describe('clocks that disagree', () => {
  const hour = 3_600_000;
  async function skewed(
    broker: MemoryBroker,
    device: string,
    skewMs: number,
    role: 'agent' | 'device',
    onSkew?: (d: string, ms: number) => void,
  ) {
    const opened = await h.open(broker, device, {
      clock: h.time.clock(skewMs),
      role,
      antiEntropyMs: 200,
      ...(onSkew ? { onClockSkew: onSkew } : {}),
    });
    return opened.r;
  }

  it('a tablet whose clock is days ahead is reported by the agent and follows the store clock', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const reports: [string, number][] = [];
    await skewed(broker, 'agent-test-store', 0, 'agent', (d, ms) => reports.push([d, ms]));
    const wrong = await skewed(broker, 'kiosk-wrong', 3 * 24 * hour, 'device');
    await until(() => reports.some(([d]) => d === 'kiosk-wrong'));
    expect(reports.find(([d]) => d === 'kiosk-wrong')![1]).toBeGreaterThan(2.9 * 24 * hour);
    await until(() => Math.abs(wrong.clockOffsetMs + 3 * 24 * hour) < 5000);
    const out = await wrong.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'skew1'));
    expect(out.ok && Math.abs(Number(out.event.hlc.slice(0, 15)) - h.time.now())).toBeLessThan(
      5000,
    );
  });

  it('an event stamped days ahead does not drag other clocks along', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const reports: string[] = [];
    const clerk = await skewed(broker, 'clerk-ok', 0, 'device', (d) => reports.push(d));
    const rogue = await skewed(broker, 'kiosk-rogue', 2 * 24 * hour, 'device');
    await rogue.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'rogue1'));
    await until(() => clerk.eventCount === 1);
    expect(reports).toContain('kiosk-rogue');
    const next = await clerk.run(() => openCounter('c1', ['advice']));
    expect(next.ok && Number(next.event.hlc.slice(0, 15)) - h.time.now()).toBeLessThan(16 * 60_000);
  });

  it('tablets minutes apart keep cause before effect', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const fastKiosk = await skewed(broker, 'kiosk-fast', 4 * 60_000, 'device');
    const slowClerk = await skewed(broker, 'clerk-slow', -3 * 60_000, 'device');
    const issued = await fastKiosk.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'cause1'));
    await until(() => slowClerk.eventCount === 1);
    await slowClerk.run(() => openCounter('c1', ['advice']));
    const called = await slowClerk.run((s, at) => callNext(s, 'c1', ['advice'], at));
    expect(issued.ok && called.ok && called.event.hlc > issued.event.hlc).toBe(true);
    expect(slowClerk.state.tickets.get('cause1')?.status).toBe('called');
  });
});
