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
import {
  issueTimesFromLog,
  lineOrderViolations,
  numbersIssuedTwice,
  numbersShownTwice,
  TicketWatch,
} from '../sync/simulation/oracles.ts';
import { waitingTickets } from '../domain/queue/selectors.ts';
import { encodeHlc } from '../domain/clock/hlc.ts';
import { countCases, fuzzReport, runs } from './runs.ts';

/**
 * Every sync message a device or the agent can receive: random text, random JSON, valid
 * messages mutated (a field replaced, a forged author, the wrong topic) and plausible events
 * from small pools (so numbers, tickets and transfers collide). Nothing throws out of the
 * handler, nothing invalid changes state, and each message is handled within a bound. Apart
 * from what the validators say, the replica's state itself must hold (src/sync/simulation/
 * oracles.ts): no number twice, a ticket changes service only by a transfer in its log, the
 * line is in the order of the issue times its log holds, and an event reached the log only
 * from its author or through the agent (read off the topic, not by the provenance check).
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

  /** A plausible event by `device`: ids, numbers and services from small pools. */
  const plausible = fc
    .tuple(
      fc.constantFrom('kiosk-a', 'clerk-b', 'kiosk-q'),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: -600_000, max: 60_000 }),
      fc.oneof(
        fc
          .tuple(fc.nat(5), fc.constantFrom('advice', 'returns'), fc.integer({ min: 1, max: 6 }))
          .map(([t, service, n]) => ({
            type: 'ticket.issued' as const,
            ticket: `T${t}`,
            service,
            number: `${service === 'advice' ? 'A' : 'R'}${String(n).padStart(3, '0')}`,
            n,
          })),
        fc.tuple(fc.nat(5), fc.constantFrom('advice', 'returns', 'nope')).map(([t, to]) => ({
          type: 'ticket.transferred' as const,
          ticket: `T${t}`,
          counter: 'c1',
          toService: to,
        })),
        fc.nat(5).map((t) => ({ type: 'ticket.called' as const, ticket: `T${t}`, counter: 'c1' })),
      ),
    )
    .map(([device, seq, offset, body]) => ({
      id: `${device}:${seq}`,
      store: root.store,
      device,
      seq,
      hlc: encodeHlc({ wall: Date.now() + offset, counter: 0 }),
      ...body,
    }));
  const withPlausible = fc.oneof(
    { weight: 3, arbitrary: message },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.array(plausible, { minLength: 1, maxLength: 4 }), fc.boolean())
        .map(([evs, honest]) => {
          // honest: sent on its author's own topic; otherwise by the first event's neighbour
          const from = honest ? evs[0]!.device : 'clerk-b';
          return {
            topic: `${SYNC}events/${from}`,
            payload: JSON.stringify({ v: 1, kind: 'events', from, events: evs }),
          };
        }),
    },
  );

  it('never throws, never lets an invalid message change state, never blocks, and its state holds', async () => {
    const watch = new TicketWatch(role);
    const unsubscribe = replica.subscribe(() => {
      watch.check(replica.state, () => replica.events());
    });
    await fc.assert(
      fc.asyncProperty(topic, withPlausible, async (t0, m) => {
        cases++;
        const [t, payload] = typeof m === 'string' ? [t0, m] : [m.topic, m.payload];
        const held = new Set(replica.events().map((e) => e.id));
        const broken: string[] = [];
        const before = { count: replica.eventCount, version: replica.version };
        const started = performance.now();
        expect(() => transport.deliver(t, payload)).not.toThrow();
        // the replica's own queue: once this runs, the message has been handled
        await replica.run(() => ({ ok: false, error: 'unknownService' }));
        expect(performance.now() - started).toBeLessThan(1000);
        if (!acceptable(t, payload)) {
          expect({ count: replica.eventCount, version: replica.version }).toEqual(before);
        }
        // independent of the provenance check: the broker lets a device publish only on its
        // own topics (sync/events/<device>, sync/vector/<device>), which carry only its events
        const sender = /^(?:events|vector)\/([^/]+)$/.exec(t.slice(SYNC.length))?.[1] ?? '';
        for (const e of replica.events()) {
          // its own events (the agent's verdicts) are its own to write
          if (held.has(e.id) || e.device === replica.device) continue;
          if (e.store !== root.store) broken.push(`${e.id} of store ${e.store}`);
          if (!sender.startsWith('agent-') && e.device !== sender)
            broken.push(`${e.id} by ${e.device} taken from ${t}`);
        }
        const s = replica.state;
        broken.push(...numbersShownTwice(s));
        // the agent's log holds a verdict against every second holder of a number (a device
        // shows first-seen and waits for that verdict: its log may hold both meanwhile)
        if (role === 'agent')
          broken.push(...numbersIssuedTwice(replica.events(), s.refused, 'UTC'));
        const issued = issueTimesFromLog(replica.events(), s.refused);
        for (const svc of ['advice', 'returns'])
          broken.push(...lineOrderViolations(waitingTickets(s, [svc]), (id) => issued.get(id), 0));
        expect([...broken, ...watch.violations]).toEqual([]);
      }),
      { numRuns: runs(600) },
    );
    unsubscribe();
    expect(rejected.length).toBeGreaterThan(0);
    // the pools collide: the invariants above were checked on a line, not an empty state
    expect(replica.state.tickets.size).toBeGreaterThan(0);
  });
});
