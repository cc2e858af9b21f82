import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../domain/clock/hlc.ts';
import type { StoreConfig } from '../domain/config/types.ts';
import { issueTicket } from '../domain/queue/commands.ts';
import type { EventBody, StoreEvent } from '../domain/queue/events.ts';
import { waitingTickets } from '../domain/queue/selectors.ts';
import { testStore } from '../domain/testing/store.ts';
import { MemoryBroker, topicMatches } from './memory-transport.ts';
import type { Replica, ReplicaOptions } from './replica.ts';
import { replicaHarness, TEST_ROOT as root } from './simulation/replica-harness.ts';
import { topics } from './topics.ts';

/**
 * Issue 15, breakage 3: what a kiosk's credentials could do to the queue, replayed against
 * real replicas on a broker that reads no payload (like Mosquitto). Each hostile message is
 * one the broker lets through: the kiosk's own topic, its own id, a type its role may write.
 */
const AGENT = 'agent-test-store';
const [k1, k2] = testStore.kiosks as [(typeof testStore.kiosks)[0], (typeof testStore.kiosks)[0]];
const h = replicaHarness();

async function replica(
  broker: MemoryBroker,
  device: string,
  extra: Partial<Omit<ReplicaOptions, 'storage'>> = {},
): Promise<{ r: Replica; rejected: string[] }> {
  const rejected: string[] = [];
  const { r } = await h.open(broker, device, {
    antiEntropyMs: 300,
    onRejected: (reason) => rejected.push(reason),
    ...extra,
  });
  return { r, rejected };
}

/** The agent (with the store's config), a clerk without it (as tablets run today), a board with it. */
async function store(
  broker: MemoryBroker,
  agentExtra: Partial<ReplicaOptions> = {},
  config: StoreConfig = testStore,
) {
  const agent = await replica(broker, AGENT, { config, ...agentExtra });
  const clerk = await replica(broker, 'clerk-a');
  const board = await replica(broker, 'board-1', { config });
  return { agent, clerk, board, all: [agent.r, clerk.r, board.r] };
}

/** A device that speaks the protocol by hand: whatever its credentials let it publish. */
function hostile(broker: MemoryBroker, device: string) {
  const t = broker.connect(device);
  let seq = 0;
  return {
    transport: t,
    event(wall: number, body: EventBody, counter = 0): StoreEvent {
      seq++;
      const hlc = encodeHlc({ wall, counter });
      return { id: `${device}:${seq}`, store: root.store, device, seq, hlc, ...body };
    },
    send: (events: readonly StoreEvent[]) =>
      t.publish(
        topics.events(root, device),
        JSON.stringify({ v: 1, kind: 'events', from: device, events }),
        { qos: 1 },
      ),
    announce: (vector: Record<string, number> = { [device]: seq }) =>
      t.publish(
        topics.vector(root, device),
        JSON.stringify({ v: 1, kind: 'vector', from: device, vector, at: h.time.now() }),
        { qos: 0 },
      ),
  };
}

const ticket = (
  ticketId: string,
  number: string,
  service = 'advice',
): Extract<EventBody, { type: 'ticket.issued' }> => ({
  type: 'ticket.issued',
  ticket: ticketId,
  service,
  number,
  n: Number(number.slice(1)),
});

const settle = (ms = 30) => h.time.pass(ms);
const until = (check: () => boolean, ms = 5000) => h.time.until(check, ms);

const line = (r: Replica) => waitingTickets(r.state).map((t) => t.number);
const sameEverywhere = (rs: Replica[]) => {
  const f = (r: Replica) =>
    JSON.stringify([
      [...r.state.tickets.values()].map((t) => [t.id, t.number, t.service, t.status]).sort(),
      [...r.state.refused].sort(),
      Object.entries(r.vector()).sort(),
    ]);
  return rs.every((r) => f(r) === f(rs[0]!));
};

async function issue(r: Replica, kiosk: typeof k1, id: string, service = 'advice') {
  const o = await r.run((s) => issueTicket(s, testStore, kiosk, service, id));
  if (!o.ok) throw new Error(`not issued: ${o.error}`);
  return o.event;
}

describe("a kiosk's credentials cannot corrupt the queue (issue 15), on a payload-blind broker", () => {
  it('a ticket stamped 2 h back does not go first in line, on the agent or on devices', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const s = await store(broker);
    const kiosk = await replica(broker, 'kiosk-1');
    await issue(kiosk.r, k1, 'honest1');
    const evil = hostile(broker, 'kiosk-evil');
    // connected like any kiosk: it announces its vector, which is the evidence against it
    await evil.announce();
    await settle(50);
    await evil.send([evil.event(h.time.now() - 2 * 3_600_000, ticket('back2h', 'A400'))]);
    await until(() => s.all.every((r) => r.state.refused.has('kiosk-evil:1')));
    await until(() => sameEverywhere([...s.all, kiosk.r]));
    for (const r of [...s.all, kiosk.r]) {
      expect(line(r)).toEqual(['A001']);
      expect(r.state.refused.get('kiosk-evil:1')).toBe('clockBehind');
    }
    expect(s.agent.rejected.join('\n')).toMatch(
      /implausible event kiosk-evil:1 refused: clockBehind/,
    );
    // the board judged it itself and never showed it; the clerk (no config) did the same
    expect(s.board.rejected.join('\n')).toMatch(/kiosk-evil:1 held back: clockBehind/);
    expect(s.clerk.rejected.join('\n')).toMatch(/kiosk-evil:1 held back: clockBehind/);
  });

  it('a reused ticket id with an earlier clock never turns A002/advice into C999 anywhere', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const s = await store(broker);
    const kiosk = await replica(broker, 'kiosk-1');
    await issue(kiosk.r, k1, 'first');
    const honest = await issue(kiosk.r, k1, 'victim');
    await until(() => s.all.every((r) => r.state.tickets.has('victim')));
    const services = new Set<string>();
    const watch = () => {
      for (const r of s.all) services.add(r.state.tickets.get('victim')?.service ?? 'advice');
    };
    const stops = s.all.map((r) => r.subscribe(watch));
    const evil = hostile(broker, 'kiosk-evil');
    await evil.announce();
    await settle(50);
    const earlier = Number(honest.hlc.slice(0, 15)) - 5_000;
    await evil.send([
      evil.event(earlier, { ...ticket('victim', 'C999', 'checkout'), priority: true }),
    ]);
    await until(() => s.all.every((r) => r.state.refused.has('kiosk-evil:1')));
    await until(() => sameEverywhere([...s.all, kiosk.r]));
    for (const stop of stops) stop();
    expect([...services]).toEqual(['advice']);
    for (const r of [...s.all, kiosk.r]) {
      expect(r.state.tickets.get('victim')).toMatchObject({ number: 'A002', service: 'advice' });
      expect(r.state.refused.get('kiosk-evil:1')).toBe('ticketTaken');
    }
  });

  it("a number inside another kiosk's range does not exhaust it; one in no range is refused", async () => {
    const broker = new MemoryBroker(h.time.clock());
    const s = await store(broker);
    const kiosk2 = await replica(broker, 'kiosk-2');
    const evil = hostile(broker, 'kiosk-evil');
    await evil.send([
      evil.event(h.time.now(), ticket('top', 'A999')),
      evil.event(h.time.now() + 1, ticket('outside', 'A1000')),
    ]);
    await until(() => s.all.every((r) => r.state.refused.has('kiosk-evil:2')));
    expect(s.agent.r.state.refused.get('kiosk-evil:2')).toBe('numberOutOfRange');
    await until(() => kiosk2.r.state.tickets.has('top'));
    const next = await issue(kiosk2.r, k2, 'k2first');
    expect(next.type === 'ticket.issued' && next.number).toBe('A500');
    await until(() => sameEverywhere([...s.all, kiosk2.r]));
    expect(line(s.clerk.r)).toEqual(['A999', 'A500']);
  });

  it('5,000 tickets in 3.6 s: the kiosk rate limit holds, every replica agrees', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const s = await store(broker);
    const evil = hostile(broker, 'kiosk-evil');
    const start = h.time.now();
    // as a kiosk's hybrid clock stamps them: strictly increasing
    const burst = Array.from({ length: 5000 }, (_, i) =>
      evil.event(
        start + Math.floor((i * 3600) / 5000),
        ticket(`b${i}`, `A${String((i % 499) + 1).padStart(3, '0')}`),
        i,
      ),
    );
    for (let i = 0; i < burst.length; i += 500) await evil.send(burst.slice(i, i + 500));
    await until(() => s.agent.r.vector()['kiosk-evil'] === 5000, 20_000);
    await until(() => sameEverywhere(s.all), 20_000);
    const limit = 4; // testStore has no rateLimit: the kiosk default, 4 a minute
    for (const r of s.all) {
      const fromEvil = [...r.state.tickets.values()].filter((t) => t.issuedBy === 'kiosk-evil');
      expect(fromEvil).toHaveLength(limit);
      expect(new Set(fromEvil.map((t) => t.number)).size).toBe(limit);
    }
    // numbers repeat after 499 tickets: those are refused as taken before the rate is counted
    const reasons = [...s.agent.r.state.refused.values()];
    expect(reasons).toHaveLength(5000 - limit);
    expect(new Set(reasons)).toEqual(new Set(['rateLimited', 'numberTaken']));
    expect(reasons.filter((r) => r === 'rateLimited').length).toBeGreaterThan(4000);
  }, 30_000);

  it('38 empty vectors are answered to the asker only, and its catch-up is rate-limited', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const catchUp = { minGapMs: 1_000, burstEvents: 300, refillPerSec: 50, perHeldEvent: 0 };
    // a busy day, all of it honest
    const busy = {
      ...testStore,
      kiosk: { idleResetSec: 20, rateLimit: { maxTickets: 1000, windowSec: 1 } },
    };
    const s = await store(broker, { catchUp }, busy);
    const kiosk = await replica(broker, 'kiosk-1');
    for (let i = 0; i < 250; i++) {
      const o = await kiosk.r.run((st) =>
        issueTicket(st, testStore, { ...k1, range: { from: 1, to: 999 } }, 'advice', `d${i}`),
      );
      if (!o.ok) throw new Error('not issued');
    }
    await until(() => sameEverywhere([...s.all, kiosk.r]), 10_000);
    // answers still due from that busy moment go out within the gap between answers
    await settle(catchUp.minGapMs + 200);
    // an observer with the agent's rights sees every sync message on the broker
    const spy = broker.connect('agent-observer');
    const seen: { topic: string; events: number }[] = [];
    spy.onMessage((topic, payload) => {
      const m = JSON.parse(payload) as { kind: string; events?: unknown[] };
      if (m.kind === 'events') seen.push({ topic, events: m.events?.length ?? 0 });
    });
    await spy.subscribe([`${root.prefix}/${root.store}/sync/#`]);
    const storm = hostile(broker, 'clerk-storm');
    await storm.transport.subscribe(topics.syncFor(root, 'clerk-storm'));
    let toStorm = 0;
    storm.transport.onMessage((topic, payload) => {
      const m = JSON.parse(payload) as { events?: unknown[] };
      if (topic === topics.to(root, 'clerk-storm')) toStorm += m.events?.length ?? 0;
    });
    const stormStart = h.time.now();
    for (let i = 0; i < 38; i++) await storm.announce({});
    // and it keeps asking for everything, 20 times a second, for 3 s
    while (h.time.now() - stormStart < 3000) {
      await storm.announce({});
      await settle(50);
    }
    await settle(1200);
    const elapsed = (h.time.now() - stormStart) / 1000;
    // nothing to every subscriber: no events on the agent's own topic, none to other devices
    expect(seen.filter((m) => m.topic === topics.events(root, AGENT))).toEqual([]);
    expect(seen.filter((m) => m.topic !== topics.to(root, 'clerk-storm'))).toEqual([]);
    // at most one answer a second (each in chunks of 100 events), within the event budget
    expect(toStorm).toBeGreaterThan(0);
    expect(toStorm).toBeLessThanOrEqual(
      catchUp.burstEvents + Math.ceil(elapsed * catchUp.refillPerSec),
    );
    expect(seen.length).toBeLessThanOrEqual(3 * Math.ceil(elapsed + 1));
    expect(s.agent.rejected.join('\n')).toMatch(/catch-up for clerk-storm limited/);
    // the other subscribers' own catch-up topics stayed quiet
    for (const id of ['clerk-a', 'board-1', 'kiosk-1']) {
      expect(seen.some((m) => topicMatches(topics.to(root, id), m.topic))).toBe(false);
    }
  }, 30_000);
});
