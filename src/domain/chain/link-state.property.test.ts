// The store link under any interleaving: acks lost, delayed and reordered, publishes lost or
// refused, disconnects, and restarts from the last persisted cursor. The chain is modelled as
// JetStream with its message-id dedup; the oracle is the list of events committed, not the link.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPersisted, type PersistedCursor } from './link-cursor.ts';
import type { LinkEffect, LinkItem, LinkOptions } from './link-messages.ts';
import { LinkMachine } from './link-state.ts';

const OPTS: LinkOptions = {
  window: 4,
  ratePerSec: 20,
  burst: 5,
  ackTimeoutMs: 3000,
  persistDelayMs: 500,
  reportEveryMs: 10_000,
  backoffMs: 200,
  maxBackoffMs: 2000,
};

type Op =
  | { op: 'commit'; n: number }
  | { op: 'deliver'; i: number; loseAck: boolean }
  | { op: 'drop'; i: number }
  | { op: 'refuse'; i: number }
  | { op: 'ack'; i: number }
  | { op: 'down' }
  | { op: 'up' }
  | { op: 'time'; ms: number }
  | { op: 'restart' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ op: fc.constant('commit' as const), n: fc.integer({ min: 1, max: 4 }) }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('deliver' as const),
      i: fc.nat(),
      loseAck: fc.boolean(),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ op: fc.constant('drop' as const), i: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('refuse' as const), i: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('ack' as const), i: fc.nat() }), weight: 4 },
  { arbitrary: fc.constant({ op: 'down' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'up' as const }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('time' as const),
      ms: fc.integer({ min: 1, max: 4000 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.constant({ op: 'restart' as const }), weight: 1 },
);

const key = (i: { device: string; seq: number }): string => `${i.device}:${i.seq}`;

/** The events of three devices, interleaved in the order the hub commits them. */
function storeLog(order: readonly number[]): LinkItem[] {
  const seqs = [0, 0, 0];
  return order.map((d, at) => ({ device: `d${d}`, seq: ++seqs[d]!, at }));
}

function simulate(log: readonly LinkItem[], ops: readonly Op[]): void {
  let now = 0;
  let committed = 0;
  let persisted: PersistedCursor = { devices: {} };
  let incarnation = 0;
  let link = new LinkMachine(fromPersisted(persisted), now, OPTS);
  let up = false;
  // what the chain stored (dedup by message id: a resend of a stored id is not stored again)
  const chain = new Map<string, number>();
  const wire: { item: LinkItem; inc: number }[] = [];
  const acks: { item: LinkItem; inc: number }[] = [];
  const persistedAcks = new Set<string>();
  const ackedHere = new Set<string>();
  let firstSends: number[] = [];
  const sentHere = new Set<string>();

  const run = (effects: readonly LinkEffect[]): void => {
    for (const e of effects) {
      if (e.kind === 'publish') {
        const k = key(e.item);
        // the cursor's promise: never sent again once its ack was persisted or seen here
        expect(persistedAcks.has(k), `${k} resent after its ack was persisted`).toBe(false);
        expect(ackedHere.has(k), `${k} resent after its ack`).toBe(false);
        if (!sentHere.has(k)) firstSends.push(log.findIndex((i) => key(i) === k));
        sentHere.add(k);
        wire.push({ item: e.item, inc: incarnation });
      } else if (e.kind === 'persist') {
        persisted = JSON.parse(JSON.stringify(e.cursor)) as PersistedCursor;
        for (const [d, c] of Object.entries(persisted.devices)) {
          for (let s = 1; s <= c.upTo; s++) persistedAcks.add(`${d}:${s}`);
          for (const s of c.above ?? []) persistedAcks.add(`${d}:${s}`);
        }
      }
    }
  };
  const feed = (items: readonly LinkItem[]): void =>
    run(link.handle({ kind: 'committed', items }, now));
  const ackBack = (a: { item: LinkItem; inc: number }): void => {
    if (a.inc !== incarnation) return; // the process that sent it is gone
    ackedHere.add(key(a.item));
    run(link.handle({ kind: 'ack', device: a.item.device, seq: a.item.seq }, now));
  };
  const pick = <T>(list: T[], i: number): T | undefined =>
    list.length ? list.splice(i % list.length, 1)[0] : undefined;
  const deliver = (i: number, loseAck: boolean): void => {
    const m = pick(wire, i);
    if (!m) return;
    chain.set(key(m.item), (chain.get(key(m.item)) ?? 0) + (chain.has(key(m.item)) ? 0 : 1));
    if (!loseAck) acks.push(m);
  };

  for (const o of ops) {
    switch (o.op) {
      case 'commit': {
        const items = log.slice(committed, committed + o.n);
        committed += items.length;
        feed(items);
        break;
      }
      case 'deliver':
        deliver(o.i, o.loseAck);
        break;
      case 'drop':
        pick(wire, o.i);
        break;
      case 'refuse': {
        const m = pick(wire, o.i);
        if (m && m.inc === incarnation)
          run(
            link.handle(
              { kind: 'nack', device: m.item.device, seq: m.item.seq, reason: 'no' },
              now,
            ),
          );
        break;
      }
      case 'ack': {
        const a = pick(acks, o.i);
        if (a) ackBack(a);
        break;
      }
      case 'down':
        up = false;
        run(link.handle({ kind: 'disconnected' }, now));
        break;
      case 'up':
        up = true;
        run(link.handle({ kind: 'connected' }, now));
        break;
      case 'time':
        now += o.ms;
        run(link.handle({ kind: 'tick' }, now));
        break;
      case 'restart':
        // a crash: only the persisted cursor survives; the scan feeds the log past it
        incarnation++;
        ackedHere.clear();
        sentHere.clear();
        expectIncreasing(firstSends);
        firstSends = [];
        link = new LinkMachine(fromPersisted(persisted), now, OPTS);
        feed(log.slice(0, committed));
        if (up) run(link.handle({ kind: 'connected' }, now));
        break;
    }
  }
  expectIncreasing(firstSends);
  // heal: the network delivers everything from now on
  feed(log);
  run(link.handle({ kind: 'connected' }, now));
  for (let rounds = 0; rounds < 10_000 && link.waiting > 0; rounds++) {
    while (wire.length > 0) deliver(0, false);
    while (acks.length > 0) ackBack(acks.shift()!);
    now += 100;
    run(link.handle({ kind: 'tick' }, now));
  }
  expect(link.waiting).toBe(0);
  for (const item of log) expect(chain.get(key(item)), key(item)).toBe(1);
  now += OPTS.persistDelayMs;
  run(link.handle({ kind: 'tick' }, now));
  for (const item of log) expect(persistedAcks.has(key(item)), key(item)).toBe(true);
}

/** Events go out for the first time in the order the store committed them. */
function expectIncreasing(indexes: readonly number[]): void {
  for (let i = 1; i < indexes.length; i++) expect(indexes[i]!).toBeGreaterThan(indexes[i - 1]!);
}

describe('the store link under lost, reordered and refused messages, and restarts', () => {
  it('gets every event into the chain once, resends nothing acknowledged, sends oldest first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 40 }),
        fc.array(opArb, { maxLength: 120 }),
        (order, ops) => simulate(storeLog(order), ops),
      ),
      { numRuns: 400 },
    );
  });
});
