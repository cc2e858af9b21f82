import { describe, expect, it, vi } from 'vitest';
import { issueTicket } from '../domain/queue/commands.ts';
import { waitingTickets } from '../domain/queue/selectors.ts';
import { testStore } from '../domain/testing/store.ts';
import { MemoryBroker, MemoryStorage } from './memory-transport.ts';
import type { Replica } from './replica.ts';
import { replicaHarness } from './simulation/replica-harness.ts';

/**
 * A device's replica listens to peers only after its first screen (`restAfter`): the
 * receiver's code is loaded then. What peers sent before must still reach it.
 */

const kiosk = testStore.kiosks[0]!;
const h = replicaHarness();

const numbers = (r: Replica) => waitingTickets(r.state).map((t) => t.number);

function gate(): { after: Promise<void>; release: () => void } {
  let release = (): void => undefined;
  const after = new Promise<void>((resolve) => (release = resolve));
  return { after, release };
}

describe('a replica wired after the first screen', () => {
  it('hears nothing before restAfter, and then gets what was sent meanwhile', async () => {
    const broker = new MemoryBroker(h.time.clock());
    await h.open(broker, 'agent-test-store', { role: 'agent', antiEntropyMs: 200 });
    const other = await h.open(broker, 'kiosk-b');
    const first = gate();
    const transport = broker.connect('clerk-a');
    const listen = vi.spyOn(transport, 'onMessage');
    const subscribe = vi.spyOn(transport, 'subscribe');
    const { r: clerk } = await h.open(broker, 'clerk-a', { transport, restAfter: first.after });
    await other.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 't1'));
    await h.time.until(() => other.r.pending === 0, 10_000);
    await h.time.pass(1000);
    expect(listen).not.toHaveBeenCalled();
    expect(subscribe).not.toHaveBeenCalled();
    expect(numbers(clerk)).toEqual([]);

    first.release();
    await clerk.wired;
    expect(listen).toHaveBeenCalledTimes(1);
    await h.time.until(() => numbers(clerk).length === 1, 10_000);
    expect(numbers(clerk)).toEqual(['A001']);
  });

  it('takes and sends tickets before it is wired', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const agent = await h.open(broker, 'agent-test-store', { role: 'agent', antiEntropyMs: 200 });
    const first = gate();
    const { r: k } = await h.open(broker, 'kiosk-a', { restAfter: first.after });
    const out = await k.run((s) => issueTicket(s, testStore, kiosk, 'advice', 't1'));
    expect(out.ok).toBe(true);
    await h.time.until(() => agent.r.eventCount === 1, 10_000);
    await h.time.pass(1000);
    // the agent's acknowledgement is not heard yet: still pending until wired
    expect(k.pending).toBe(1);
    first.release();
    await k.wired;
    await h.time.until(() => k.pending === 0, 10_000);
  });

  it('wires a start from the kept day after restAfter too', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const storage = new MemoryStorage();
    const before = await h.open(broker, 'kiosk-a', { storage });
    await before.r.run((s) => issueTicket(s, testStore, kiosk, 'advice', 't1'));
    await h.time.until(() => storage.warm !== undefined, 60_000);
    await h.stop(before.r);

    const first = gate();
    const transport = broker.connect('kiosk-a');
    const listen = vi.spyOn(transport, 'onMessage');
    const { r: k } = await h.open(broker, 'kiosk-a', {
      storage,
      transport,
      restAfter: first.after,
    });
    expect(k.resumed).toBe(true);
    await h.time.pass(1000);
    expect(listen).not.toHaveBeenCalled();
    first.release();
    await k.wired;
    expect(listen).toHaveBeenCalledTimes(1);
  });

  it('does not wire once closed before restAfter', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const first = gate();
    const transport = broker.connect('kiosk-a');
    const listen = vi.spyOn(transport, 'onMessage');
    const { r: k } = await h.open(broker, 'kiosk-a', { transport, restAfter: first.after });
    await h.stop(k);
    first.release();
    await k.wired;
    await h.time.pass(1000);
    expect(listen).not.toHaveBeenCalled();
  });

  it('opens wired without restAfter (the hub)', async () => {
    const broker = new MemoryBroker(h.time.clock());
    const transport = broker.connect('agent-test-store');
    const listen = vi.spyOn(transport, 'onMessage');
    await h.open(broker, 'agent-test-store', { role: 'agent', transport });
    expect(listen).toHaveBeenCalledTimes(1);
  });
});
