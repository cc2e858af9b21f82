/**
 * `npm run bench -- --only chain`: simulated stores, each its own TLS connection with its own
 * NKey user, publishing a busy store day's events at a steady pace to a real 3-node JetStream
 * cluster, with a real chain service (its own process) building the rollups /chain shows.
 * In steps up to 1,000 stores: events per second stored, p99 from a store's event to the
 * chain's history (the quorum's acknowledgement) and to /chain (the store's row counts it),
 * the cluster's memory per store, and one store's catch-up after a day offline.
 */
import { readFileSync } from 'node:fs';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectChain } from '../src/chain/connect.ts';
import { simulatedDay } from '../src/chain/simulated-day.ts';
import { simulatedStore, type SimulatedStore } from '../src/chain/simulated-store.ts';
import { wallOf } from '../src/domain/clock/hlc.ts';
import { dayKey } from '../src/domain/queue/day.ts';
import type { StoreEvent } from '../src/domain/queue/events.ts';
import { childService, getJson, type ChildService } from '../test/support/chain-service.ts';
import { startSecuredChain, type SecuredChain } from '../test/support/secured-chain.ts';
import { summarize, type Summary } from './stats.ts';

export interface ChainStep {
  readonly stores: number;
  readonly events: number;
  readonly eventsPerSec: number;
  /** Store's publish to the cluster's acknowledgement (stored on a quorum). */
  readonly toHistoryMs: Summary;
  /** Store's publish to /chain's row for the store counting it (sampled stores). */
  readonly toChainMs: Summary;
  readonly clusterRssMiB: number;
}

export interface ChainResult {
  readonly perStoreEventsPerSec: number;
  readonly steps: readonly ChainStep[];
  /** The first step whose p99 to /chain or to the history passed 2 s, or null. */
  readonly p99Over2sAt: number | null;
  readonly clusterRssPerStoreKiB: number;
  readonly catchUp: {
    readonly events: number;
    readonly seconds: number;
    readonly eventsPerSec: number;
  };
}

export interface ChainOptions {
  readonly steps: readonly number[];
  readonly stepSeconds: number;
  /** Events per second per store: a busy store day (about 9,000 events in 12 h) sped up. */
  readonly perStoreEventsPerSec: number;
  readonly catchUpTickets: number;
  readonly log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMiB(pids: readonly number[]): number {
  let kib = 0;
  for (const pid of pids) {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    kib += Number(m?.[1] ?? 0);
  }
  return Math.round(kib / 102.4) / 10;
}

interface Source {
  readonly id: string;
  readonly nc: NatsConnection;
  readonly sim: SimulatedStore;
  readonly events: readonly StoreEvent[];
  next: number;
  /** Of the events sent so far, how many fall on today's day (what /chain counts). */
  today: number;
}

const storeId = (i: number) => `s${String(i).padStart(4, '0')}`;
const CATCH_UP_STORE = 'back-from-offline';

async function openSource(
  chain: SecuredChain,
  id: string,
  seed: number,
  tickets: number,
  inFlight = 1,
  /** Tickets issued from 4 h until 1 h ago: a whole stretch of day, whatever the hour now. */
  past = false,
): Promise<Source> {
  const now = Date.now();
  const nc = await connectChain({ servers: chain.cluster.servers, creds: chain.storeCreds(id) });
  const js = jetstream(nc, { timeout: 30_000 });
  // else a day whose events all lie in the last hours of today (UTC), so /chain counts them
  // today (just after midnight, a short one)
  const from = past
    ? now - 4 * 3_600_000
    : Math.max(now - 3 * 3_600_000, Date.parse(new Date(now).toISOString().slice(0, 10)));
  const to = past ? now - 3_600_000 : now;
  const events = simulatedDay({ store: id, from, to, tickets, seed, until: now });
  return { id, nc, sim: simulatedStore(js, id, 'UTC', inFlight), events, next: 0, today: 0 };
}

/** Every source sends its share of one step at a steady pace; returns latencies. */
async function runStep(
  sources: readonly Source[],
  opts: ChainOptions,
  service: ChildService,
): Promise<{ toHistory: number[]; toChain: number[]; events: number; seconds: number }> {
  const toHistory: number[] = [];
  const toChain: number[] = [];
  const perStore = Math.max(1, Math.round(opts.perStoreEventsPerSec * opts.stepSeconds));
  const gapMs = 1000 / opts.perStoreEventsPerSec;
  const todayKey = dayKey(Date.now(), 'UTC');
  const t0 = performance.now();
  const sampleEvery = Math.max(1, Math.floor(sources.length / 20));
  await Promise.all(
    sources.map(async (s, idx) => {
      await sleep((idx / sources.length) * gapMs); // spread the stores over one gap
      for (let k = 0; k < perStore && s.next < s.events.length; k++) {
        const e = s.events[s.next++]!;
        const started = performance.now();
        await s.sim.publish([e]);
        toHistory.push(performance.now() - started);
        if (dayKey(wallOf(e.hlc), 'UTC') === todayKey) s.today++;
        // the last event of a sampled store: when does /chain count it?
        if (k === perStore - 1 && idx % sampleEvery === 0) {
          const want = s.today;
          for (let tries = 0; tries < 600; tries++) {
            const row = await getJson<{ store: { today: { events: number } } }>(
              `${service.url}/api/chain/stores/${s.id}`,
            ).catch(() => undefined);
            if ((row?.store.today.events ?? 0) >= want) break;
            await sleep(50);
          }
          toChain.push(performance.now() - started);
        }
        const wait = started + gapMs - performance.now();
        if (wait > 0) await sleep(wait);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { toHistory, toChain, events: toHistory.length, seconds };
}

/** One store back from a day offline sends its whole day, 32 in flight, while the rest run. */
async function catchUp(chain: SecuredChain, tickets: number) {
  // a store back from hours offline sends what it held: its events, not today's count
  const s = await openSource(chain, CATCH_UP_STORE, 99_999, tickets, 32, true);
  try {
    const t0 = performance.now();
    const r = await s.sim.publish(s.events);
    const seconds = (performance.now() - t0) / 1000;
    return {
      events: r.stored,
      seconds: Math.round(seconds * 10) / 10,
      eventsPerSec: Math.round(r.stored / seconds),
    };
  } finally {
    await s.nc.close();
  }
}

export async function measureChain(opts: ChainOptions): Promise<ChainResult> {
  const max = Math.max(...opts.steps);
  const ids = [...Array.from({ length: max }, (_, i) => storeId(i)), CATCH_UP_STORE];
  const chain = await startSecuredChain(ids.map((id) => ({ id })));
  const pids = chain.cluster.nodes.map((_, i) => chain.cluster.pid(i));
  const service = await childService(chain.cluster.servers, [], chain.dir, {
    chainFile: chain.chainFile,
    creds: chain.serviceCredsFile,
  });
  const sources: Source[] = [];
  try {
    const baseRss = rssMiB(pids);
    const steps: ChainStep[] = [];
    for (const n of opts.steps) {
      while (sources.length < n)
        sources.push(await openSource(chain, storeId(sources.length), sources.length + 1, 1500));
      const r = await runStep(sources, opts, service);
      const step: ChainStep = {
        stores: n,
        events: r.events,
        eventsPerSec: Math.round(r.events / r.seconds),
        toHistoryMs: summarize(r.toHistory),
        toChainMs: summarize(r.toChain),
        clusterRssMiB: rssMiB(pids),
      };
      steps.push(step);
      opts.log(
        `  ${n} stores: ${step.eventsPerSec} events/s, to history p99 ${step.toHistoryMs.p99} ms, ` +
          `to /chain p99 ${step.toChainMs.p99} ms (${step.toChainMs.n} samples), cluster ${step.clusterRssMiB} MiB`,
      );
    }
    const last = steps[steps.length - 1];
    const over = steps.find((s) => s.toHistoryMs.p99 > 2000 || s.toChainMs.p99 > 2000);
    const cu = await catchUp(chain, opts.catchUpTickets);
    opts.log(`  catch-up: ${cu.events} events in ${cu.seconds} s (${cu.eventsPerSec}/s)`);
    return {
      perStoreEventsPerSec: opts.perStoreEventsPerSec,
      steps,
      p99Over2sAt: over?.stores ?? null,
      clusterRssPerStoreKiB: last
        ? Math.round(((last.clusterRssMiB - baseRss) * 1024) / last.stores)
        : 0,
      catchUp: cu,
    };
  } finally {
    await Promise.all(sources.map((s) => s.nc.close().catch(() => undefined)));
    await service.kill9();
    await chain.stop();
  }
}
