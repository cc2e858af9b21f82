import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../domain/clock/hlc.ts';
import { eventId, type EventBody, type StoreEvent } from '../domain/queue/events.ts';
import { MemoryBroker, MemoryStorage } from './memory-transport.ts';
import { replicaHarness } from './simulation/replica-harness.ts';

const h = replicaHarness();
const DAY = 86_400_000;

/** `days` days of a store's history ending now: each day some tickets issued, called, served. */
function history(days: number, perDay: number): StoreEvent[] {
  const out: StoreEvent[] = [];
  const seqs = { kiosk: 0, clerk: 0 };
  const now = h.time.now();
  const ev = (device: 'kiosk' | 'clerk', wall: number, body: EventBody): StoreEvent => {
    const seq = ++seqs[device];
    return {
      id: eventId(device, seq),
      store: 'test-store',
      device,
      seq,
      hlc: encodeHlc({ wall, counter: 0 }),
      ...body,
    };
  };
  for (let d = days - 1; d >= 0; d--) {
    const open = now - d * DAY - 2 * 3_600_000;
    for (let i = 0; i < perDay; i++) {
      const t = `d${d}t${i}`;
      const at = open + i * 10_000;
      out.push(
        ev('kiosk', at, {
          type: 'ticket.issued',
          ticket: t,
          service: 'advice',
          number: `A${String(i + 1).padStart(3, '0')}`,
          n: i + 1,
        }),
      );
      out.push(ev('clerk', at + 60_000, { type: 'ticket.called', ticket: t, counter: 'c1' }));
      out.push(ev('clerk', at + 120_000, { type: 'ticket.completed', ticket: t, counter: 'c1' }));
    }
  }
  return out;
}

async function open(
  broker: MemoryBroker,
  device: string,
  storage: MemoryStorage,
  role: 'agent' | 'device' = 'device',
) {
  return (await h.open(broker, device, { storage, role, antiEntropyMs: 100 })).r;
}

describe('old days leave the device', () => {
  it('keeps two days, a summary per closed day, and a vector without gaps', async () => {
    const storage = new MemoryStorage();
    for (const e of history(30, 20)) storage.events.set(e.id, e);
    const r = await open(new MemoryBroker(h.time.clock()), 'tablet', storage);
    expect(r.eventCount).toBeLessThanOrEqual(2 * 20 * 3);
    expect(r.eventCount).toBeGreaterThanOrEqual(20 * 3);
    expect(storage.events.size).toBe(r.eventCount);
    expect(r.vector()).toEqual({ kiosk: 30 * 20, clerk: 30 * 20 * 2 });
    expect(storage.summaries.size).toBeGreaterThanOrEqual(28);
    const [first] = [...storage.summaries.values()];
    expect(first).toMatchObject({ issued: 20, served: 20, noShows: 0, meanWaitSec: 60 });
    await h.stop(r);
  });

  it('never drops an old event that is still waiting to be sent', async () => {
    const storage = new MemoryStorage();
    const old = history(5, 2);
    for (const e of old) storage.events.set(e.id, e);
    storage.outbox = old
      .filter((e) => e.device === 'kiosk')
      .slice(0, 1)
      .map((e) => e.id);
    const r = await open(new MemoryBroker(h.time.clock()), 'kiosk', storage);
    expect(storage.events.has(storage.outbox[0]!)).toBe(true);
    expect(r.pending).toBe(1);
    await h.stop(r);
  });

  it('a new tablet catches up on recent days only, and settles the rest by floors', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const agentStorage = new MemoryStorage();
    for (const e of history(10, 10)) agentStorage.events.set(e.id, e);
    const agent = await open(broker, 'agent-test-store', agentStorage, 'agent');
    const tablet = await open(broker, 'tablet-new', new MemoryStorage());
    const same = () => JSON.stringify(tablet.vector()) === JSON.stringify(agent.vector());
    await h.time.until(same, 3000).catch(() => undefined);
    expect(tablet.vector()).toEqual(agent.vector());
    expect(tablet.eventCount).toBeLessThanOrEqual(2 * 10 * 3);
    await h.stop(tablet);
    await h.stop(agent);
  });
});
