import { describe, expect, it } from 'vitest';
import { ENTRIES, runBenchmarks, type Entry } from '../../bench/run.ts';

/**
 * Every entry of `npm run bench` in its tiny mode: proves the benchmarks still run against
 * the current app, hub and brokers. No timing assertions (a CI machine is no benchmark
 * machine), only that each produced sane figures.
 */
const run = (entry: Entry) => runBenchmarks({ only: [entry], smoke: true, log: () => {} });

const isFiniteSummary = (s: unknown): boolean => {
  const x = s as { n: number; median: number; p99: number };
  return x.n > 0 && Number.isFinite(x.median) && x.median >= 0 && x.p99 >= x.median;
};

describe('benchmarks still run (smoke)', () => {
  it('lists every entry once', () => {
    expect(new Set(ENTRIES).size).toBe(ENTRIES.length);
  });

  it("the benchmark's browser with and without the address-bar popups", async () => {
    const r = (await run('browser')) as {
      browserLoad: {
        withPopups: { popupPages: number; usableMs: unknown; firstPaintMs: unknown };
        without: { popupPages: number; usableMs: unknown; firstPaintMs: unknown };
      };
    };
    // the entry itself refuses a run where the two browsers are not the two kinds
    expect(r.browserLoad.withPopups.popupPages).toBeGreaterThan(0);
    expect(r.browserLoad.without.popupPages).toBe(0);
    for (const side of [r.browserLoad.withPopups, r.browserLoad.without]) {
      expect(isFiniteSummary(side.usableMs)).toBe(true);
      expect(isFiniteSummary(side.firstPaintMs)).toBe(true);
    }
  });

  it('kiosk budgets: first-screen JS, offline cold start and taps at 4x CPU', async () => {
    const r = (await run('kiosk')) as {
      kiosk: {
        firstScreenJs: { gzipKiB: number; files: Record<string, number> };
        eventsOnKiosk: number;
        coldStartOfflineMs: unknown;
        coldStartOfflineUnkeptMs: unknown;
        coldStartOfflineFoldOnMs: unknown;
        tapOnlineMs: unknown;
        tapOfflineMs: unknown;
        tapOfflineStrictMs: unknown;
        tapOnlineDrawnMs: unknown;
        tapOfflineDrawnMs: unknown;
        firstPaintOfflineMs: unknown;
        firstPaintJs: { gzipKiB: number; files: Record<string, number> };
      };
      environment: { cores: number };
    };
    expect(r.environment.cores).toBeGreaterThan(0);
    expect(r.kiosk.firstScreenJs.gzipKiB).toBeGreaterThan(10);
    // MQTT.js is loaded after the first screen, not before it
    expect(Object.keys(r.kiosk.firstScreenJs.files).join()).not.toMatch(/mqtt/);
    expect(r.kiosk.eventsOnKiosk).toBeGreaterThanOrEqual(200);
    // the first paint needs neither React nor the device runtime
    expect(r.kiosk.firstPaintJs.gzipKiB).toBeGreaterThan(0);
    expect(r.kiosk.firstPaintJs.gzipKiB).toBeLessThan(r.kiosk.firstScreenJs.gzipKiB / 4);
    const k = r.kiosk;
    for (const s of [
      k.coldStartOfflineMs,
      // the same starts without the kept day, each checked to be the kind it counts as
      k.coldStartOfflineUnkeptMs,
      // and a moment after taps, each checked to have folded them on the kept day
      k.coldStartOfflineFoldOnMs,
      k.tapOnlineMs,
      k.tapOfflineMs,
      k.tapOfflineStrictMs,
      k.tapOnlineDrawnMs,
      k.tapOfflineDrawnMs,
      k.firstPaintOfflineMs,
    ]) {
      expect(isFiniteSummary(s)).toBe(true);
    }
    // at 4x CPU throttle: about 50 s on an idle 2-core machine, past 120 s at load 20
  }, 360_000);

  it('the phone tracking page opened for the first time at 4x CPU', async () => {
    const r = (await run('track')) as {
      trackOpen: { ticketsInHistory: number; openToPlaceMs: { n: number } };
    };
    expect(r.trackOpen.ticketsInHistory).toBe(200);
    expect(r.trackOpen.openToPlaceMs.n).toBe(2);
    expect(isFiniteSummary(r.trackOpen.openToPlaceMs)).toBe(true);
  }, 180_000);

  it('ticket to every screen through aedes and Mosquitto', async () => {
    const r = (await run('fanout')) as {
      ticketToEveryScreen: {
        aedes: { tapToClerkMs: unknown };
        mosquitto: { tapToClerkMs: unknown };
      };
    };
    expect(isFiniteSummary(r.ticketToEveryScreen.aedes.tapToClerkMs)).toBe(true);
    expect(isFiniteSummary(r.ticketToEveryScreen.mosquitto.tapToClerkMs)).toBe(true);
  }, 120_000);

  it('hub capacity: many stores and one store on the shipped hub, aedes and Mosquitto', async () => {
    type Step = {
      latencyMs: unknown;
      targetTicketsPerSec: number;
      achievedTicketsPerSec: number;
      hubCpuPct: number;
      generatorCpuPct: number;
    };
    const r = (await run('capacity')) as {
      hubCapacity: {
        aedes: { steps: Step[] };
        mosquitto: { steps: Step[] };
        singleStore: { aedes: { steps: Step[] }; mosquitto: { steps: Step[] } };
      };
    };
    const c = r.hubCapacity;
    for (const steps of [
      c.aedes.steps,
      c.mosquitto.steps,
      c.singleStore.aedes.steps,
      c.singleStore.mosquitto.steps,
    ]) {
      expect(steps.length).toBeGreaterThan(0);
      const first = steps[0]!;
      expect(isFiniteSummary(first.latencyMs)).toBe(true);
      // the window opens with every issuer running: tickets were issued inside it
      expect(first.targetTicketsPerSec).toBeGreaterThan(0);
      expect(first.achievedTicketsPerSec).toBeGreaterThan(0);
      // the hub side (its own process) and the generator both show up in the CPU figures
      expect(first.hubCpuPct).toBeGreaterThan(0);
      expect(first.generatorCpuPct).toBeGreaterThan(0);
    }
  }, 120_000);

  it('growth with the size of the day', async () => {
    const r = (await run('growth')) as { growth: { points: { catchUpMs: number }[] } };
    expect(r.growth.points).toHaveLength(2);
    for (const p of r.growth.points) expect(p.catchUpMs).toBeGreaterThan(0);
  }, 120_000);

  it('Lighthouse scores and installability', async () => {
    const r = (await run('lighthouse')) as {
      lighthouse: { performance: number; accessibility: number; installabilityErrors: string[] };
    };
    expect(r.lighthouse.performance).toBeGreaterThan(0);
    expect(r.lighthouse.accessibility).toBeGreaterThan(0);
    expect(Array.isArray(r.lighthouse.installabilityErrors)).toBe(true);
  }, 180_000);

  it('a streamed import through the hub, valid and broken on its last line', async () => {
    const r = (await run('import')) as {
      importStream: {
        valid: {
          status: number;
          peakRssMiB: number;
          healthAnswers: number;
          agentLostBroker: number;
        };
        brokenLastLine: { status: number; answer: string };
      };
    };
    expect(r.importStream.valid.status).toBe(200);
    expect(r.importStream.valid.peakRssMiB).toBeGreaterThan(0);
    expect(r.importStream.valid.healthAnswers).toBeGreaterThan(0);
    expect(r.importStream.valid.agentLostBroker).toBe(0);
    expect(r.importStream.brokenLastLine.status).toBe(400);
    expect(r.importStream.brokenLastLine.answer).toMatch(/malformed JSON/);
  }, 120_000);

  it('the earlier entries: tap latency, visit restore, a year of history, reports', async () => {
    const r = (await runBenchmarks({
      only: ['tap', 'visit', 'year', 'reports'],
      smoke: true,
      log: () => {},
    })) as {
      tapLatency: { tapToTicketMs: unknown };
      visitRestore: { restoreMs: unknown };
      yearOfHistory: { tickets: number };
      reports: { tickets: number; warm: Record<string, unknown> };
    };
    expect(isFiniteSummary(r.tapLatency.tapToTicketMs)).toBe(true);
    expect(isFiniteSummary(r.visitRestore.restoreMs)).toBe(true);
    expect(r.yearOfHistory.tickets).toBe(5000);
    expect(r.reports.tickets).toBe(2000);
    expect(Object.values(r.reports.warm).every(isFiniteSummary)).toBe(true);
  }, 120_000);

  it('a chain: stores on a TLS cluster, the chain service, catch-up', async () => {
    const r = (await run('chain')) as {
      chain: {
        steps: { stores: number; events: number; toHistoryMs: unknown; toChainMs: unknown }[];
        clusterRssPerStoreKiB: number;
        catchUp: { events: number; eventsPerSec: number };
      };
    };
    const step = r.chain.steps[0];
    expect(step?.stores).toBe(3);
    expect(step?.events).toBeGreaterThan(0);
    expect(isFiniteSummary(step?.toHistoryMs)).toBe(true);
    expect(isFiniteSummary(step?.toChainMs)).toBe(true);
    expect(r.chain.catchUp.events).toBeGreaterThan(100);
    expect(r.chain.catchUp.eventsPerSec).toBeGreaterThan(0);
  }, 120_000);
});
