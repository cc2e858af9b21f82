import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cancelTicket, issueTicket, openCounter } from '../domain/queue/commands.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { ev, testStore } from '../domain/testing/store.ts';
import { MemoryBroker, MemoryStorage } from '../sync/memory-transport.ts';
import type { Clock } from '../sync/ports.ts';
import { Replica } from '../sync/replica.ts';
import { simTime } from '../sync/simulation/sim-time.ts';
import { createMemoryLogger } from './log.ts';
import {
  startWaitPublisher,
  type WaitPublisher,
  type WaitPublisherOptions,
} from './wait-publisher.ts';

const root = { prefix: 'nextup/v1', store: 'test-store' };
const prefix = 'nextup/v1/test-store';
const kiosk = testStore.kiosks[0]!;
const cleanups: (() => Promise<void>)[] = [];
// every test runs in virtual time (src/sync/simulation/sim-time.ts): no real sleeps
let time = simTime();
beforeEach(() => {
  time = simTime();
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Yesterday at one counter: 40 advice customers, each served in one minute. */
function yesterday(): StoreEvent[] {
  const t0 = time.now() - 86_400_000;
  const out: StoreEvent[] = [
    ev('old-clerk', 1, t0, { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
  ];
  let seq = 2;
  for (let i = 0; i < 40; i++) {
    const at = t0 + i * 90_000;
    const ticket = `y${i}`;
    out.push(
      ev('old-kiosk', i + 1, at + 1, {
        type: 'ticket.issued',
        ticket,
        service: 'advice',
        number: `A${i + 1}`,
        n: i + 1,
      }),
      ev('old-clerk', seq++, at + 2, { type: 'ticket.called', ticket, counter: 'c1' }),
      ev('old-clerk', seq++, at + 60_000, { type: 'ticket.completed', ticket, counter: 'c1' }),
    );
  }
  return out;
}

async function start(
  options: WaitPublisherOptions,
  history: StoreEvent[] = [],
  clock: Clock = time.clock(),
) {
  const broker = new MemoryBroker(time.clock());
  const transport = broker.connect('agent-test-store');
  const replica = await Replica.open({
    root,
    device: 'agent-test-store',
    timeZone: 'UTC',
    storage: new MemoryStorage(),
    transport,
    // one clock for the events and the publisher: a ticket called "now" has been in service
    // for no time, whatever the clock says
    clock,
    role: 'agent',
  });
  const log = createMemoryLogger();
  const waits: WaitPublisher = startWaitPublisher({
    config: testStore,
    root,
    replica,
    history: {
      days: () => Promise.resolve(history.length ? ['2025-01-05'] : []),
      readDay: () => Promise.resolve(history),
    },
    transport,
    clock,
    log,
    options: { debounceMs: 10, ...options },
  });
  const seen: { topic: string; payload: string }[] = [];
  const reader = broker.connect('reader');
  await reader.subscribe([`${prefix}/wait/#`, `${prefix}/alerts`]);
  reader.onMessage((topic, payload) => seen.push({ topic, payload }));
  cleanups.push(async () => {
    await waits.close();
    await replica.close();
  });
  await waits.ready;
  return { broker, replica, waits, seen, log };
}

const until = (check: () => boolean, ms = 5000): Promise<void> => time.until(check, ms);

const retainedWait = (broker: MemoryBroker, service: string) => {
  const text = broker.retained.get(`${prefix}/wait/${service}`);
  return text === undefined ? undefined : (JSON.parse(text) as Record<string, number | string>);
};

describe('wait publisher', () => {
  it('publishes retained waits for every service at once, learned from history', async () => {
    const { broker, replica, log } = await start({}, yesterday());
    expect(log.find('wait estimates learned from 121 events over 1 day')).toHaveLength(1);
    for (const s of testStore.services) {
      expect(retainedWait(broker, s.id)).toMatchObject({ service: s.id, waiting: 0 });
      // no counter open yet: no number for signage (an empty retained message clears it)
      expect(retainedWait(broker, s.id)).toMatchObject({ noCounter: true });
      expect(broker.retained.get(`${prefix}/wait/${s.id}/minutes`) ?? '').toBe('');
    }
    await replica.run(() => openCounter('c1', ['advice']));
    for (let i = 0; i < 4; i++) {
      await replica.run((s) => issueTicket(s, testStore, kiosk, 'advice', `t${i}`));
    }
    await until(() => retainedWait(broker, 'advice')?.['waiting'] === 4);
    const w = retainedWait(broker, 'advice')!;
    // four ahead of a newcomer at one counter: about four one-minute visits, not the
    // configured four minutes each
    expect(w['estimateSec']).toBeGreaterThan(120);
    expect(w['estimateSec']).toBeLessThan(600);
    expect(w['lowSec']).toBeLessThanOrEqual(w['estimateSec'] as number);
    expect(w['highSec']).toBeGreaterThanOrEqual(w['estimateSec'] as number);
    expect(w['openCounters']).toBe(1);
    // the minutes every screen shows: rounded up
    expect(broker.retained.get(`${prefix}/wait/advice/minutes`)).toBe(
      String(Math.ceil((w['estimateSec'] as number) / 60)),
    );
  });

  it('republishes at least every heartbeat', async () => {
    const { seen } = await start({ heartbeatMs: 100 });
    const count = () => seen.filter((m) => m.topic === `${prefix}/wait/returns`).length;
    const before = count();
    await time.pass(450);
    expect(count() - before).toBeGreaterThanOrEqual(3);
  });

  it('raises an alert above target and announces the recovery when it may', async () => {
    // a state stands at least 300 ms here; the recovery comes before, so it waits for that
    const { replica, seen } = await start({ minIntervalMs: 300 });
    await replica.run(() => openCounter('c1', ['advice']));
    for (let i = 0; i < 6; i++) {
      await replica.run((s) => issueTicket(s, testStore, kiosk, 'advice', `a${i}`));
    }
    const alerts = () =>
      seen
        .filter((m) => m.topic === `${prefix}/alerts`)
        .map((m) => JSON.parse(m.payload) as Record<string, unknown>);
    await until(() => alerts().length === 1);
    expect(alerts()[0]).toMatchObject({
      kind: 'waitAboveTarget',
      service: 'advice',
      status: 'open',
      targetSec: 300,
    });
    for (let i = 0; i < 6; i++) await replica.run((s) => cancelTicket(s, `a${i}`));
    await until(() => alerts().length === 2);
    expect(alerts()[1]).toMatchObject({ service: 'advice', status: 'cleared' });
    const [raisedAt, clearedAt] = alerts().map((a) => Date.parse(a['at'] as string));
    expect(clearedAt! - raisedAt!).toBeGreaterThanOrEqual(300);
    expect(alerts()[1]!['alert']).toBe(alerts()[0]!['alert']);
  });

  it('estimates the remaining wait of a waiting ticket for the tracking page', async () => {
    const { replica, waits } = await start({});
    await replica.run(() => openCounter('c2', ['advice']));
    for (let i = 0; i < 3; i++) {
      await replica.run((s) => issueTicket(s, testStore, kiosk, 'advice', `w${i}`));
    }
    const first = waits.estimate('advice', 'w1');
    const last = waits.estimate('advice', 'w2');
    expect(first.ahead).toBe(1);
    expect(last.ahead).toBe(2);
    expect(!first.noCounter && !last.noCounter).toBe(true);
    if (first.noCounter || last.noCounter) return;
    expect(last.estimateSec).toBeGreaterThan(first.estimateSec);
  });

  it('alerts when someone waits with no counter, and on the longest wait with a short estimate', async () => {
    // the publisher's clock runs ahead on demand: customers seem to have waited that long
    let ahead = 0;
    const clock: Clock = {
      now: () => time.now() + ahead,
      after: (ms, fn) => time.scheduler.after(ms, fn),
    };
    const { replica, seen, broker } = await start({ minIntervalMs: 0, heartbeatMs: 50 }, [], clock);
    const alerts = () =>
      seen
        .filter((m) => m.topic === `${prefix}/alerts`)
        .map((m) => JSON.parse(m.payload) as Record<string, unknown>);
    await replica.run((s) => issueTicket(s, testStore, kiosk, 'advice', 'n1'));
    await until(() => alerts().length === 1);
    expect(alerts()[0]).toMatchObject({
      status: 'open',
      reason: 'noCounter',
      noCounter: true,
      openCounters: 0,
      waiting: 1,
    });
    expect(retainedWait(broker, 'advice')).toMatchObject({ noCounter: true, waiting: 1 });
    // a counter opens: the customer is about to be served, the alert clears
    await replica.run(() => openCounter('c1', ['advice']));
    await until(() => alerts().length === 2);
    expect(alerts()[1]).toMatchObject({ status: 'cleared', noCounter: false });
    // twenty minutes on, the customer still waits (target 5 min); a newcomer would wait less
    ahead = 20 * 60_000;
    await until(() => alerts().length === 3);
    expect(alerts()[2]).toMatchObject({ status: 'open', reason: 'longestWait' });
    expect(alerts()[2]!['longestWaitSec']).toBeGreaterThanOrEqual(1200);
    expect(alerts()[2]!['estimateSec']).toBeLessThan(300);
    // called at last: cleared
    await replica.run(() => ({
      ok: true,
      event: { type: 'ticket.called', ticket: 'n1', counter: 'c1' },
    }));
    await until(() => alerts().length === 4);
    expect(alerts()[3]).toMatchObject({ status: 'cleared', reason: 'longestWait' });
  });
});
