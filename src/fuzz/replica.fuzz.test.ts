import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTicket } from '../domain/queue/commands.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { checkEventsProvenance, syncTopicDevice } from '../domain/security/provenance.ts';
import { parseSyncMessage } from '../domain/sync/messages.ts';
import { testStore } from '../domain/testing/store.ts';
import { MemoryStorage } from '../sync/memory-transport.ts';
import { systemClock, type Transport } from '../sync/ports.ts';
import { Replica } from '../sync/replica.ts';
import { countCases, fuzzReport, runs } from './runs.ts';

/**
 * Every sync message a device or the agent can receive: random text, random JSON, and valid
 * messages mutated (a field replaced, a forged author, the wrong topic). Nothing throws out of
 * the handler, nothing invalid changes state, and each message is handled within a bound.
 */
const root = { prefix: 'nextup/v1', store: testStore.store.id };
const SYNC = `${root.prefix}/${root.store}/sync/`;

function fakeTransport(): Transport & { deliver(topic: string, payload: string): void } {
  let handler: ((t: string, p: string, b: number) => void) | undefined;
  return {
    state: 'online',
    publish: () => Promise.resolve(),
    subscribe: () => Promise.resolve(),
    onMessage: (h) => (handler = h),
    onStateChange: () => undefined,
    close: () => Promise.resolve(),
    deliver: (topic, payload) => handler?.(topic, payload, Buffer.byteLength(payload)),
  };
}

async function validEvents(): Promise<StoreEvent[]> {
  const t = fakeTransport();
  const kiosk = await Replica.open({
    root,
    device: 'kiosk-a',
    timeZone: 'UTC',
    storage: new MemoryStorage(),
    transport: { ...t, state: 'offline' },
    clock: systemClock,
  });
  const out: StoreEvent[] = [];
  for (let i = 0; i < 3; i++) {
    const o = await kiosk.run((s) =>
      issueTicket(s, testStore, testStore.kiosks[0]!, 'advice', `f${i}`),
    );
    if (o.ok) out.push(o.event);
  }
  await kiosk.close();
  return out;
}

/** True when the message holds at least one event the receiver may take. */
function acceptable(topic: string, payload: string): boolean {
  const m = parseSyncMessage(payload, Buffer.byteLength(payload));
  if (!m.ok || m.kind !== 'events') return m.ok && m.kind === 'vector';
  if (syncTopicDevice(SYNC, topic) !== m.from) return false;
  const ours = m.events.filter((e) => e.store === root.store);
  return checkEventsProvenance(m.from, ours, m.floors).accepted.length > 0;
}

const fields = ['v', 'kind', 'from', 'events', 'floors', 'vector'];
const eventFields = [
  'id',
  'store',
  'device',
  'seq',
  'hlc',
  'type',
  'ticket',
  'service',
  'number',
  'n',
];

describe.each(['device', 'agent'] as const)('fuzzing the %s replica', (role) => {
  let events: StoreEvent[];
  let replica: Replica;
  let transport: ReturnType<typeof fakeTransport>;
  let cases = 0;
  const rejected: string[] = [];

  beforeAll(async () => {
    events = await validEvents();
    transport = fakeTransport();
    replica = await Replica.open({
      root,
      device: role === 'agent' ? `agent-${root.store}` : 'clerk-z',
      timeZone: 'UTC',
      storage: new MemoryStorage(),
      transport,
      clock: systemClock,
      ...(role === 'agent' ? { role: 'agent' as const } : {}),
      onRejected: (r) => rejected.push(r),
    });
  });
  afterAll(async () => {
    await replica.close();
    countCases(`${role} replica`, cases);
    console.log(fuzzReport());
  });

  const topic = fc.oneof(
    fc
      .constantFrom('kiosk-a', 'clerk-b', `agent-${root.store}`, 'board-x')
      .map((d) => `${SYNC}events/${d}`),
    fc.constantFrom('kiosk-a', 'clerk-b').map((d) => `${SYNC}vector/${d}`),
    fc.string().map((s) => `${SYNC}${s}`),
  );
  const message = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue().map((j) => JSON.stringify(j)),
    // a valid message with one field replaced
    fc
      .tuple(
        fc.constantFrom(...fields),
        fc.jsonValue(),
        fc.constantFrom('kiosk-a', 'clerk-b', `agent-${root.store}`),
      )
      .map(([k, v, from]) => JSON.stringify({ v: 1, kind: 'events', from, events, [k]: v })),
    // a valid event with one field replaced, sent by someone
    fc
      .tuple(
        fc.nat(2),
        fc.constantFrom(...eventFields),
        fc.jsonValue(),
        fc.constantFrom('kiosk-a', 'clerk-b', 'board-x'),
      )
      .map(([i, k, v, from]) =>
        JSON.stringify({ v: 1, kind: 'events', from, events: [{ ...events[i]!, [k]: v }] }),
      ),
    // a forged author: the event says one device, the sender is another
    fc
      .tuple(
        fc.constantFrom('clerk-b', 'board-x', 'kiosk-q'),
        fc.constantFrom('kiosk-a', 'manager-m'),
      )
      .map(([from, device]) =>
        JSON.stringify({
          v: 1,
          kind: 'events',
          from,
          events: events.map((e) => ({ ...e, device })),
        }),
      ),
  );

  it('never throws, never lets an invalid message change state, never blocks', async () => {
    await fc.assert(
      fc.asyncProperty(topic, message, async (t, payload) => {
        cases++;
        const before = { count: replica.eventCount, version: replica.version };
        const started = performance.now();
        expect(() => transport.deliver(t, payload)).not.toThrow();
        // the replica's own queue: once this runs, the message has been handled
        await replica.run(() => ({ ok: false, error: 'unknownService' }));
        expect(performance.now() - started).toBeLessThan(1000);
        if (!acceptable(t, payload)) {
          expect({ count: replica.eventCount, version: replica.version }).toEqual(before);
        }
      }),
      { numRuns: runs(600) },
    );
    expect(rejected.length).toBeGreaterThan(0);
  });
});
