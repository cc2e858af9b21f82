import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRollupBucket, rollupBucket } from '../../src/chain/service/rollup-bucket.ts';
import { simulatedDay } from '../../src/chain/simulated-day.ts';
import { simulatedStore, type SimulatedStore } from '../../src/chain/simulated-store.ts';
import type { ChainStoreInfo, StoreRow } from '../../src/domain/chain/chain-board.ts';
import type { ChainHistory } from '../../src/domain/chain/chain-history.ts';
import { startOfStoreDay, storeDayRollup } from '../../src/domain/chain/rollup-record.ts';
import { wallOf } from '../../src/domain/clock/hlc.ts';
import { dayKey } from '../../src/domain/queue/day.ts';
import type { StoreEvent } from '../../src/domain/queue/events.ts';
import { parseCsv } from '../../src/domain/reports/csv.ts';
import type { DayRollup } from '../../src/domain/reports/facts.ts';
import { addDays, runReport, type ReportRequest } from '../../src/domain/reports/request.ts';
import {
  childService,
  getJson,
  inProcessService,
  type ChildService,
  type InProcessService,
} from '../support/chain-service.ts';
import { startNatsCluster, type NatsCluster } from '../support/nats-cluster.ts';
import { chainBrowserChecks } from '../support/chain-browser.ts';
import { daytimeZone } from '../support/daytime-zone.ts';

// a zone where it is day: today's simulated morning (up to three hours before now) is today's
const TZ = daytimeZone(Date.now());
const STORES: ChainStoreInfo[] = [
  { id: 'north-1', name: 'Gdańsk Oliwa', region: 'North', timeZone: TZ },
  { id: 'north-2', name: 'Gdynia Port', region: 'North', timeZone: TZ },
  { id: 'south-1', name: 'Kraków Rynek', region: 'South', timeZone: TZ },
];
const H = 3_600_000;

/** What the store's own hub reports from the same events (src/domain/reports). */
async function expectedRollup(events: readonly StoreEvent[], day: string): Promise<DayRollup> {
  const own = events.filter((e) => dayKey(wallOf(e.hlc), TZ) === day);
  return storeDayRollup({
    store: '',
    day,
    timeZone: TZ,
    events: own,
    nextDay: () => Promise.resolve([]),
    asOf: 0,
    now: Date.now(),
  });
}

const issued = (events: readonly StoreEvent[]) =>
  events.filter((e) => e.type === 'ticket.issued').length;

/**
 * The chain service on a real 3-node cluster: simulated stores publish a day each; the history
 * API holds every ticket once, its reports equal the hub's own report code over the same events,
 * and one of two instances killed leaves the other to finish the work.
 */
describe('chain service', () => {
  let cluster: NatsCluster;
  let nc: NatsConnection;
  let a: InProcessService;
  let b: ChildService | undefined;
  const days = new Map<string, StoreEvent[]>();
  const sims = new Map<string, SimulatedStore>();
  const now = Date.now();
  const today = dayKey(now, TZ);
  const yesterday = addDays(today, -1);

  beforeAll(async () => {
    cluster = await startNatsCluster();
    nc = await connect({ servers: [...cluster.servers] });
    a = await inProcessService(cluster.servers, STORES);
    const js = jetstream(nc);
    for (const [i, s] of STORES.entries()) {
      sims.set(s.id, simulatedStore(js, s.id, TZ));
      // today's busy morning so far, and for the first store yesterday too
      const events = simulatedDay({
        store: s.id,
        from: Math.max(startOfStoreDay(today, TZ), now - 3 * H),
        to: now - 10 * 60_000,
        tickets: 40 + i * 10,
        seed: i + 1,
        until: now,
      });
      days.set(s.id, events);
    }
  });

  afterAll(async () => {
    await b?.kill9();
    await a?.close();
    await nc?.close();
    await cluster?.stop();
  });

  it('holds every ticket of every store once, with the store hub’s own figures', async () => {
    const first = STORES[0]!.id;
    const noon = startOfStoreDay(yesterday, TZ) + 12 * H;
    const before = simulatedDay({
      store: first,
      from: noon - 3 * H,
      to: noon + 3 * H,
      tickets: 30,
      seed: 9,
    });
    // the same store's devices keep counting: yesterday's events come first in its sequence
    const all = [...before, ...days.get(first)!];
    days.set(first, []);
    await sims.get(first)!.publish(renumber(all));
    days.set(first, renumber(all));
    for (const s of STORES.slice(1)) await sims.get(s.id)!.publish(days.get(s.id)!);

    const history = () =>
      getJson<ChainHistory>(`${a.url}/api/chain/history?by=store&from=${yesterday}&to=${today}`);
    for (const s of STORES) {
      await expect
        .poll(async () => (await history()).rows.find((r) => r.key === s.id)?.arrivals, {
          timeout: 30_000,
        })
        .toBe(issued(days.get(s.id)!));
    }
    // a store's reports API answers as its hub would over the same events
    for (const [kind, by] of [
      ['queue', 'service'],
      ['feedback', 'all'],
      ['steps', 'all'],
    ] as const) {
      const got = await getJson<{ report: unknown }>(
        `${a.url}/stores/${first}/api/reports/${kind}?from=${today}&to=${today}&by=${by}`,
      );
      const req = { kind, from: today, to: today, by, filter: {} } as ReportRequest;
      const want = runReport(req, [await expectedRollup(days.get(first)!, today)], {
        services: [],
      });
      expect(got.report).toEqual(JSON.parse(JSON.stringify(want)));
    }
    const csv = await (
      await fetch(`${a.url}/api/chain/history?by=region&from=${yesterday}&to=${today}&format=csv`)
    ).text();
    const rows = parseCsv(csv);
    expect(rows[0]?.slice(0, 4)).toEqual(['region', 'stores', 'days', 'arrivals']);
    expect(rows.find((r) => r[0] === 'North')?.[3]).toBe(
      String(issued(days.get(first)!) + issued(days.get('north-2')!)),
    );
    // the portable export holds every issued ticket of the day
    const jsonl = await (
      await fetch(`${a.url}/stores/south-1/api/reports/export?from=${today}&to=${today}`)
    ).text();
    const exported = jsonl
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(exported.filter((e) => e.type === 'ticket.issued').length).toBe(
      issued(days.get('south-1')!),
    );
    // a slower instance that read less cannot overwrite the rollup with its older build
    const bucket = rollupBucket(await openRollupBucket(nc));
    const stored = (await bucket.read(first, today))!;
    expect(await bucket.write({ ...stored.record, asOf: stored.record.asOf - 1, events: 0 })).toBe(
      false,
    );
    expect((await bucket.read(first, today))?.record).toEqual(stored.record);
  });

  it('goes on when one of two instances is killed, and counts nothing twice', async () => {
    b = await childService(cluster.servers, STORES, mkdtempSync(join(tmpdir(), 'nextup-chain-')));
    const store = 'south-1';
    const more = simulatedDay({
      store,
      from: now - 9 * 60_000,
      to: now - 60_000,
      tickets: 20,
      seed: 7,
      until: now,
    });
    const all = renumber([...days.get(store)!, ...more]);
    const fresh = all.slice(days.get(store)!.length);
    const sim = sims.get(store)!;
    const rebuiltByB = async () =>
      (await getJson<{ rebuilds: number }>(`${b!.url}/api/health`)).rebuilds;
    // the second instance takes its share: events arrive until it has rebuilt a store-day
    let sent = 0;
    while (sent < fresh.length / 2 && (await rebuiltByB()) === 0) {
      await sim.publish(fresh.slice(sent, sent + 5));
      sent += 5;
    }
    await expect.poll(rebuiltByB, { timeout: 10_000 }).toBeGreaterThan(0);
    // then it dies in the middle of the rest, holding whatever it had not acknowledged
    const publishing = sim.publish(fresh.slice(sent));
    await b.kill9();
    await publishing;
    // a resend of every event (a hub that lost its acknowledgements) is stored once
    const again = await sims.get(store)!.publish(all);
    expect(again.stored).toBe(0);
    days.set(store, all);
    await expect
      .poll(
        async () =>
          (await getJson<{ stores: StoreRow[] }>(`${a.url}/api/chain/stores`)).stores.find(
            (r) => r.id === store,
          )?.today.arrivals,
        { timeout: 30_000 },
      )
      .toBe(issued(all));
  });

  it('shows the stores, their links and waits on /chain, then a store in detail', async () => {
    for (const s of STORES) {
      const sim = sims.get(s.id)!;
      await sim.publishLink({
        connected: s.id !== 'north-2',
        waiting: s.id === 'north-2' ? 12 : 0,
        lastAckAt: Date.now(),
        lastEventAt: sim.lastEventAt(),
      });
      await sim.publishWait({
        service: 'A',
        waiting: 4,
        estimateSec: 420,
        lowSec: 300,
        highSec: 600,
        openCounters: 2,
        updatedAt: new Date().toISOString(),
      });
    }
    await chainBrowserChecks(a.url, STORES, {
      disconnected: 'north-2',
      waitingText: /A: 4 waiting/,
    });
  });
});

/** One store's events as one log: every device's sequence counted from 1 across both days. */
function renumber(events: readonly StoreEvent[]): StoreEvent[] {
  const seqs = new Map<string, number>();
  return events.map((e) => {
    const seq = (seqs.get(e.device) ?? 0) + 1;
    seqs.set(e.device, seq);
    return { ...e, seq, id: `${e.device}:${seq}` };
  });
}
