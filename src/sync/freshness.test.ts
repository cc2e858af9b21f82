import { describe, expect, it } from 'vitest';
import { issueTicket, openCounter } from '../domain/queue/commands.ts';
import { waitingTickets } from '../domain/queue/selectors.ts';
import { FIRST_CONTACT_MS, waitsKnown } from '../domain/sync/protocol/freshness.ts';
import { testStore } from '../domain/testing/store.ts';
import { MemoryBroker, MemoryStorage } from './memory-transport.ts';
import type { Replica } from './replica.ts';
import { replicaHarness } from './simulation/replica-harness.ts';

const kioskCfg = testStore.kiosks[0]!;
const h = replicaHarness();

async function replica(
  broker: MemoryBroker,
  device: string,
  online = true,
  storage = new MemoryStorage(),
) {
  const opened = await h.open(broker, device, { storage, antiEntropyMs: 200 });
  if (!online) opened.transport.setOnline(false);
  return opened;
}

const waiting = (r: Replica) => waitingTickets(r.state).length;

/** A store whose agent opened a counter and holds `n` waiting tickets from kiosk-a. */
async function storeWithLine(n: number) {
  const broker = new MemoryBroker(h.time.clock());
  const agent = await replica(broker, 'agent-test-store');
  const a = await replica(broker, 'kiosk-a');
  await agent.r.run(() => openCounter('c1', ['advice']));
  for (let i = 0; i < n; i++) {
    await a.r.run((s) => issueTicket(s, testStore, kioskCfg, 'advice', `tk${i}`));
  }
  await h.time.until(() => agent.r.vector()['kiosk-a'] === n, 5000);
  return { broker, agent };
}

describe("a device's freshness, driven by its replica", () => {
  it('a kiosk starting in a busy store shows no wait until the whole line is in', async () => {
    const { broker } = await storeWithLine(12);
    const b = await replica(broker, 'kiosk-b');
    const seen: { known: boolean; waiting: number }[] = [];
    b.r.subscribe(() => seen.push({ known: waitsKnown(b.r.freshness), waiting: waiting(b.r) }));
    expect(waitsKnown(b.r.freshness)).toBe(false);
    await h.time.until(() => b.r.freshness === 'current', 5000);
    expect(waiting(b.r)).toBe(12);
    // at no change were waits shown from a partial line
    expect(seen.filter((s) => s.known && s.waiting < 12)).toEqual([]);
    expect(seen.some((s) => !s.known)).toBe(true);
  });

  it('a reconnection holds the waits again until the catch-up of what it missed', async () => {
    const { broker } = await storeWithLine(2);
    const b = await replica(broker, 'kiosk-b');
    await h.time.until(() => b.r.freshness === 'current', 5000);
    b.transport.setOnline(false);
    expect(b.r.freshness).toBe('ownView');
    // kiosk-a takes three more tickets while b is away
    const a = h.replicas.find((r) => r.device === 'kiosk-a')!;
    for (let i = 0; i < 3; i++) {
      await a.run((s) => issueTicket(s, testStore, kioskCfg, 'advice', `later${i}`));
    }
    await h.time.pass(500);
    b.transport.setOnline(true);
    expect(waitsKnown(b.r.freshness)).toBe(false);
    await h.time.until(() => b.r.freshness === 'current', 5000);
    expect(waiting(b.r)).toBe(5);
  });

  it('a kiosk joining a store with days of history becomes current: days it does not keep come as floors', async () => {
    h.resetTime(Date.UTC(2026, 5, 1, 10));
    const yesterday = await storeWithLine(4);
    const agentStorage = yesterday.agent.storage;
    await h.stopAll();
    h.resetTime(Date.UTC(2026, 5, 4, 10)); // older than a device keeps
    const broker = new MemoryBroker(h.time.clock());
    const agent = await replica(broker, 'agent-test-store', true, agentStorage);
    expect(agent.r.vector()['kiosk-a']).toBe(4);
    const b = await replica(broker, 'kiosk-b');
    await h.time.until(() => b.r.freshness === 'current', 5000);
    expect(waiting(b.r)).toBe(0);
    expect(b.r.eventCount).toBe(0);
  });

  it('events the agent holds that a device refuses (a device that may not emit them) do not keep it catching up', async () => {
    const { broker, agent } = await storeWithLine(3);
    // history from elsewhere (an import): a device id no role may use, then one of ours
    const [issued] = agent.r.events().filter((e) => e.type === 'ticket.issued');
    const foreign = { ...issued!, device: 'tablet-1', seq: 1, id: 'tablet-1:1', ticket: 'tk-x' };
    await agent.storage.appendRemote([foreign]);
    const restarted = await replica(broker, 'agent-test-store', true, agent.storage);
    await agent.r.close();
    expect(restarted.r.vector()['tablet-1']).toBe(1);
    const b = await replica(broker, 'kiosk-b');
    await h.time.until(() => b.r.freshness === 'current', 5000);
    expect(waiting(b.r)).toBe(3);
    expect(b.r.vector()['tablet-1'] ?? 0).toBe(0);
  });

  it('offline at start, it shows its own view at once (its connection state says offline)', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const b = await replica(broker, 'kiosk-b', false);
    expect(b.r.freshness).toBe('ownView');
  });

  it('with no word from the hub within FIRST_CONTACT_MS, it shows its own view', async () => {
    // a broker without the store's agent (the hub's process is down)
    const broker = new MemoryBroker(h.time.clock());
    const b = await replica(broker, 'kiosk-b');
    await h.time.pass(FIRST_CONTACT_MS - 100);
    expect(b.r.freshness).toBe('awaitingAgent');
    await h.time.pass(200);
    expect(b.r.freshness).toBe('ownView');
  });

  it('the agent itself is always current', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const agent = await replica(broker, 'agent-test-store');
    expect(agent.r.freshness).toBe('current');
  });
});
