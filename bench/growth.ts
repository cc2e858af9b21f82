import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '../src/domain/config/types.ts';
import { issueTicket } from '../src/domain/queue/commands.ts';
import { WaitEstimator } from '../src/domain/wait/estimator.ts';
import { StoreEventFeed } from '../src/domain/wait/feed.ts';
import { estimateWaitWith } from '../src/domain/wait/queue-state.ts';
import { loadStoreConfig } from '../src/hub/config-loader.ts';
import { MemoryBroker, MemoryStorage } from '../src/sync/memory-transport.ts';
import { systemClock } from '../src/sync/ports.ts';
import { Replica } from '../src/sync/replica.ts';
import { startHubChild } from './capacity.ts';
import { benchConfigDir } from './sim/bench-config.ts';
import { dayOfEvents, seedHubHistory } from './sim/day-history.ts';
import { startSimDevice } from './sim/device.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * Growth with the size of the day: 1x, 10x and 100x a busy day's tickets (the year-history
 * benchmark's day: 150,000 tickets a year). For each size:
 * - kiosk tap work: what a tap costs the kiosk's own code (the replica committing the
 *   ticket, the next number, and the wait estimates the screen shows), in Node;
 * - sync catch-up: a fresh device connecting to the hub and receiving the whole day;
 * - hub memory: the hub process (broker and agent) holding the day.
 * The growth exponent k (metric ~ size^k between 1x and 100x) says how each grows: 1 is linear.
 */
export interface GrowthPoint {
  readonly factor: number;
  readonly tickets: number;
  readonly events: number;
  readonly tapWorkMs: Summary;
  readonly catchUpMs: number;
  /** How many times the fresh device asked (announced its vector) until it held the day. */
  readonly asks: number;
  readonly hubRssMiB: number;
  readonly hubHeapMiB: number;
}

export interface GrowthFigures {
  readonly dayTickets: number;
  readonly points: GrowthPoint[];
  readonly exponents: { tapWork: number; catchUp: number; hubHeap: number };
}

export const BUSY_DAY_TICKETS = Math.ceil(150_000 / 365);

async function tapWork(config: StoreConfig, events: ReturnType<typeof dayOfEvents>, taps: number) {
  const storage = new MemoryStorage();
  for (const e of events) storage.events.set(e.id, e);
  const replica = await Replica.open({
    root: { prefix: config.mqtt.topicPrefix, store: config.store.id },
    device: 'kiosk-1-bench',
    timeZone: config.store.timeZone,
    storage,
    transport: new MemoryBroker().connect('kiosk'),
    clock: systemClock,
  });
  const feed = new StoreEventFeed(
    new WaitEstimator({
      timeZone: config.store.timeZone,
      serviceSec: Object.fromEntries(config.services.map((s) => [s.id, s.avgServiceSec])),
    }),
  );
  feed.push(replica.events());
  while (feed.drain(10_000) > 0);
  const kiosk = config.kiosks[0]!;
  const out: number[] = [];
  for (let i = 0; i < taps + 3; i++) {
    const t0 = performance.now();
    const r = await replica.run((s) => issueTicket(s, config, kiosk, 'advice', `growth-${i}`));
    if (!r.ok) throw new Error(`tap ${i} failed: ${r.error}`);
    feed.push([r.event]);
    feed.drain();
    // the welcome screen shows every service's wait, the ticket screen this ticket's
    for (const s of config.services)
      estimateWaitWith(feed.estimator, replica.state, s.id, Date.now());
    estimateWaitWith(feed.estimator, replica.state, 'advice', Date.now(), {
      ticket: `growth-${i}`,
    });
    if (i >= 3) out.push(performance.now() - t0);
  }
  await replica.close();
  return summarize(out);
}

async function point(config: StoreConfig, factor: number, taps: number): Promise<GrowthPoint> {
  const tickets = BUSY_DAY_TICKETS * factor;
  const events = dayOfEvents({
    store: config.store.id,
    tickets,
    startWall: Date.now() - tickets * 3 - 60_000,
  });
  const tapWorkMs = await tapWork(config, events, taps);

  const dataDir = mkdtempSync(join(tmpdir(), 'nextup-growth-'));
  await seedHubHistory(dataDir, config.store.id, config.store.timeZone, events);
  const hub = await startHubChild({ topicPrefix: config.mqtt.topicPrefix, dataDir });
  try {
    const before = await hub.request<{ rss: number; heap: number }>({ type: 'memory' }, 'memory');
    const fresh = 'clerk-growth-fresh';
    const { credentials } = await hub.addStores([
      { config, devices: [{ role: 'clerk', id: fresh }] },
    ]);
    const after = await hub.request<{ rss: number; heap: number }>({ type: 'memory' }, 'memory');
    const t0 = performance.now();
    const device = await startSimDevice({
      brokerUrl: hub.brokerUrl,
      config,
      credentials: credentials[fresh]!,
      role: 'clerk',
    });
    while (device.replica.eventCount < events.length) {
      if (performance.now() - t0 > 600_000) throw new Error('catch-up took over 10 minutes');
      await new Promise((r) => setTimeout(r, 10));
    }
    const catchUpMs = performance.now() - t0;
    const asks = device.announcements;
    await device.close();
    return {
      factor,
      tickets,
      events: events.length,
      tapWorkMs,
      catchUpMs: Math.round(catchUpMs),
      asks,
      hubRssMiB: Math.round(after.rss / 2 ** 20),
      hubHeapMiB: Math.round(((after.heap - before.heap) / 2 ** 20) * 10) / 10,
    };
  } finally {
    await hub.close();
  }
}

const exponent = (small: number, big: number, ratio: number): number =>
  Math.round((Math.log(Math.max(big, 1e-3) / Math.max(small, 1e-3)) / Math.log(ratio)) * 100) / 100;

export async function measureGrowth(
  opts: { factors?: number[]; taps?: number; log?: (line: string) => void } = {},
): Promise<GrowthFigures> {
  const factors = opts.factors ?? [1, 10, 100];
  const config = await loadStoreConfig(benchConfigDir());
  const points: GrowthPoint[] = [];
  for (const f of factors) {
    const p = await point(config, f, opts.taps ?? 50);
    (opts.log ?? console.log)(
      `  growth ${f}x (${p.tickets} tickets): tap work median ${p.tapWorkMs.median} ms, catch-up ${p.catchUpMs} ms (asked ${p.asks}x), hub heap +${p.hubHeapMiB} MiB`,
    );
    points.push(p);
  }
  const a = points[0]!;
  const b = points[points.length - 1]!;
  const ratio = b.tickets / a.tickets;
  return {
    dayTickets: BUSY_DAY_TICKETS,
    points,
    exponents: {
      tapWork: exponent(a.tapWorkMs.median, b.tapWorkMs.median, ratio),
      catchUp: exponent(a.catchUpMs, b.catchUpMs, ratio),
      hubHeap: exponent(a.hubHeapMiB, b.hubHeapMiB, ratio),
    },
  };
}
