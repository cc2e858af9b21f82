import { describe, expect, it } from 'vitest';
import { issueTicket } from '../domain/queue/commands.ts';
import { waitingTickets } from '../domain/queue/selectors.ts';
import { WARM_DAY_EVERY_MS, WARM_DAY_KEEP_MS } from '../domain/sync/protocol/timing.ts';
import { issuedEvent, testStore } from '../domain/testing/store.ts';
import { MemoryBroker, MemoryStorage } from './memory-transport.ts';
import type { Replica } from './replica.ts';
import { replicaHarness } from './simulation/replica-harness.ts';

/** A start from today's kept state (src/domain/sync/warm-day.ts), in virtual time. */

const kiosk = testStore.kiosks[0]!;
const h = replicaHarness();

async function start(
  broker: MemoryBroker,
  device: string,
  storage: MemoryStorage,
  restAfter?: Promise<void>,
): Promise<Replica> {
  return (await h.open(broker, device, { storage, ...(restAfter ? { restAfter } : {}) })).r;
}

const numbers = (r: Replica) => waitingTickets(r.state).map((t) => t.number);

/** A kiosk that took `n` tickets and kept its day, then stopped. */
async function keptKiosk(broker: MemoryBroker, n: number): Promise<MemoryStorage> {
  const storage = new MemoryStorage();
  const k = await start(broker, 'kiosk-a', storage);
  for (let i = 1; i <= n; i++) {
    const out = await k.run((s) => issueTicket(s, testStore, kiosk, 'advice', `t${i}`));
    expect(out.ok).toBe(true);
  }
  await h.time.pass(WARM_DAY_KEEP_MS + 100);
  expect(storage.warm?.inWindow).toBe(n);
  await h.stop(k);
  return storage;
}

/** The same storage without its kept day: what a start that folds makes of it. */
function folded(storage: MemoryStorage): MemoryStorage {
  const copy = new MemoryStorage();
  for (const [id, e] of storage.events) copy.events.set(id, e);
  copy.outbox = [...storage.outbox];
  copy.floors = { ...storage.floors };
  return copy;
}

describe('a start from the kept day', () => {
  it('shows the day and takes tickets before its events are read, then reads them', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const storage = await keptKiosk(broker, 3);
    let release = (): void => undefined;
    const restAfter = new Promise<void>((resolve) => (release = resolve));
    const k = await start(broker, 'kiosk-a', storage, restAfter);
    expect(numbers(k)).toEqual(['A001', 'A002', 'A003']);
    expect(k.events()).toEqual([]);
    // the next number follows the kept day's
    const out = await k.run((s) => issueTicket(s, testStore, kiosk, 'advice', 't4'));
    expect(out.ok && out.event.type === 'ticket.issued' && out.event.number).toBe('A004');
    expect(out.ok && out.event.seq).toBe(4);
    release();
    await k.loaded;
    expect(k.events().map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    const cold = await start(new MemoryBroker(h.time.clock()), 'kiosk-a', folded(storage));
    expect(k.state).toEqual(cold.state);
    expect(k.vector()).toEqual(cold.vector());
  });

  it('folds on the events stored after the kept day, as a start that folds would', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const storage = await keptKiosk(broker, 2);
    // stored after the day was kept: a peer's ticket (a catch-up), and one of ours taken just
    // before the tablet went off, too soon to be kept
    await h.time.pass(1000);
    const peer = issuedEvent('kiosk-b', 1, h.time.now());
    await storage.appendRemote([peer]);
    const ours = issuedEvent('kiosk-a', 3, h.time.now() + 1);
    await storage.appendLocal(ours);
    let release = (): void => undefined;
    const restAfter = new Promise<void>((resolve) => (release = resolve));
    const k = await start(broker, 'kiosk-a', storage, restAfter);
    expect(k.resumed).toBe(true);
    expect(k.events().map((e) => e.id)).toEqual([peer.id, ours.id]);
    expect(numbers(k)).toEqual(['A001', 'A002', 'A1', 'A3']);
    const out = await k.run((s) => issueTicket(s, testStore, kiosk, 'advice', 't4'));
    expect(out.ok && out.event.seq).toBe(4);
    expect(out.ok && out.event.hlc > ours.hlc).toBe(true);
    release();
    await k.loaded;
    const cold = await start(new MemoryBroker(h.time.clock()), 'kiosk-a', folded(storage));
    expect(k.state).toEqual(cold.state);
    expect(k.vector()).toEqual(cold.vector());
    // and the day is kept again, with what was folded on
    await h.time.pass(WARM_DAY_KEEP_MS + 100);
    expect(storage.warm?.inWindow).toBe(5);
  });

  it('folds instead when storage holds an event from before the kept day ends', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const storage = await keptKiosk(broker, 2);
    // a peer's ticket from before the kiosk's last one, come late (another start, a catch-up)
    const peer = issuedEvent('kiosk-b', 1, h.time.now() - 60_000);
    await storage.appendRemote([peer]);
    let release = (): void => undefined;
    const k = await start(
      broker,
      'kiosk-a',
      storage,
      new Promise<void>((resolve) => (release = resolve)),
    );
    expect(k.resumed).toBe(false);
    // the day folded from what it read at once, the events into the log after the first screen
    expect(k.state.tickets.has(peer.type === 'ticket.issued' ? peer.ticket : '')).toBe(true);
    // only its own unsent ones are in the log at once (no agent heard them): to send them
    expect(k.events().map((e) => e.id)).toEqual(['kiosk-a:1', 'kiosk-a:2']);
    expect(k.pending).toBe(2);
    release();
    await k.loaded;
    expect(k.events()).toHaveLength(3);
  });

  it('sends what it took offline once its events are in and it is online', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const storage = new MemoryStorage();
    const first = await start(broker, 'kiosk-a', storage);
    broker.connect('x'); // the broker stays up
    for (let i = 1; i <= 2; i++) {
      await first.run((s) => issueTicket(s, testStore, kiosk, 'advice', `t${i}`));
    }
    await h.time.pass(WARM_DAY_KEEP_MS + 100);
    await h.stop(first);
    expect(storage.outbox).toHaveLength(2);

    const agent = await start(broker, 'agent-test-store', new MemoryStorage());
    const k = await start(broker, 'kiosk-a', storage);
    await k.run((s) => issueTicket(s, testStore, kiosk, 'advice', 't3'));
    await h.time.until(() => k.pending === 0, 10_000);
    expect(agent.eventCount).toBe(3);
    expect(numbers(agent)).toEqual(['A001', 'A002', 'A003']);
  });

  it('keeps the day again after a change, and not before', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const storage = await keptKiosk(broker, 1);
    const kept = storage.warm;
    const k = await start(broker, 'kiosk-a', storage);
    await k.loaded;
    await h.time.pass(WARM_DAY_KEEP_MS + 100);
    expect(storage.warm).toBe(kept); // nothing changed: not written again
    await k.run((s) => issueTicket(s, testStore, kiosk, 'advice', 't2'));
    await h.time.pass(WARM_DAY_KEEP_MS / 2);
    expect(storage.warm?.inWindow).toBe(1);
    await h.time.pass(WARM_DAY_KEEP_MS / 2 + 100);
    expect(storage.warm?.inWindow).toBe(2);
    // written at most once a minute: a busy day does not wear the tablet's flash
    await k.run((s) => issueTicket(s, testStore, kiosk, 'advice', 't3'));
    await h.time.pass(WARM_DAY_EVERY_MS - 2000);
    expect(storage.warm?.inWindow).toBe(2);
    await h.time.pass(3000);
    expect(storage.warm?.inWindow).toBe(3);
  });
});
