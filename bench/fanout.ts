import type { Browser } from 'playwright-core';
import type { StoreConfig } from '../src/domain/config/types.ts';
import { loadStoreConfig } from '../src/hub/config-loader.ts';
import { startTestHub } from '../test/support/hub.ts';
import { startMosquitto } from '../test/support/mosquitto.ts';
import { openClerk, openKiosk } from '../test/support/surfaces.ts';
import { benchConfigDir } from './sim/bench-config.ts';
import {
  startSimDevice,
  simIssue,
  simServeNext,
  waitOnline,
  type SimDevice,
} from './sim/device.ts';
import { summarize, type Summary } from './stats.ts';
import { installProbes, oneTap } from './tap-latency.ts';

/**
 * Ticket to every screen: a tap on a real kiosk (Chromium) to the ticket on a real clerk
 * tablet in another browser context, while 50 other simulated devices of the same store are
 * connected and busy (presence, version vectors every 5 s, a ticket issued and served every
 * few seconds). Once through the hub's embedded broker and once through Mosquitto.
 */
export interface FanoutRun {
  readonly broker: 'embedded aedes' | 'mosquitto';
  readonly otherDevices: number;
  readonly tapToTicketMs: Summary;
  readonly tapToClerkMs: Summary;
}

export interface FanoutFigures {
  readonly aedes: FanoutRun;
  readonly mosquitto: FanoutRun;
}

async function crowd(
  brokerUrl: string,
  config: StoreConfig,
  count: number,
): Promise<{
  devices: SimDevice[];
  stop(): Promise<void>;
}> {
  const devices: SimDevice[] = [];
  for (let i = 0; i < count; i++) {
    // one in ten is a kiosk, the others clerks and boards: all announce presence and vectors
    const role = i % 10 === 0 ? 'kiosk' : i % 10 < 7 ? 'clerk' : 'board';
    devices.push(
      await startSimDevice({
        brokerUrl,
        config,
        id: `crowd-${role}-${i}`,
        role,
        antiEntropyMs: 5000,
      }),
    );
  }
  for (const d of devices) await waitOnline(d);
  const kiosks = devices.filter((d) => d.id.includes('kiosk'));
  const clerk = devices.find((d) => d.id.includes('clerk'))!;
  // other services than the measured one, so the crowd never serves the measured tickets
  const counter = config.counters.find((c) => c.id === 'counter-3')!;
  let n = 0;
  const timer = setInterval(() => {
    const k = kiosks[n % kiosks.length]!;
    void simIssue(k, config, 'kiosk-2', n % 2 ? 'returns' : 'pickup', `crowd-${k.id}-${++n}`);
    void simServeNext(clerk, counter.id, ['returns', 'pickup']);
  }, 2000);
  return {
    devices,
    async stop() {
      clearInterval(timer);
      for (const d of devices) await d.close();
    },
  };
}

async function runOne(
  browser: Browser,
  kind: FanoutRun['broker'],
  samples: number,
  others: number,
): Promise<FanoutRun> {
  const mosquitto = kind === 'mosquitto' ? await startMosquitto() : undefined;
  const configDir = benchConfigDir();
  const hub = await startTestHub({
    configDir,
    ...(mosquitto ? { broker: mosquitto } : {}),
  });
  const config = await loadStoreConfig(configDir);
  const others$ = await crowd(hub.mqttUrl, config, others);
  const kiosk = await openKiosk(await browser.newContext(), hub.httpUrl, 'kiosk-1');
  const clerk = await openClerk(await browser.newContext(), hub.httpUrl, 'counter-1', ['advice']);
  try {
    await kiosk.evaluate(installProbes.kiosk);
    await clerk.evaluate(installProbes.clerk);
    const toTicket: number[] = [];
    const toClerk: number[] = [];
    for (let i = 0; i < samples + 5; i++) {
      const [a, b] = await oneTap(kiosk, clerk, 'advice');
      if (i < 5) continue; // warm-up
      toTicket.push(a);
      toClerk.push(b);
    }
    return {
      broker: kind,
      otherDevices: others,
      tapToTicketMs: summarize(toTicket),
      tapToClerkMs: summarize(toClerk),
    };
  } finally {
    await kiosk.context().close();
    await clerk.context().close();
    await others$.stop();
    await hub.close();
    await mosquitto?.stop();
  }
}

export async function measureFanout(
  browser: Browser,
  opts: { samples?: number; others?: number } = {},
): Promise<FanoutFigures> {
  const samples = opts.samples ?? 200;
  const others = opts.others ?? 50;
  const aedes = await runOne(browser, 'embedded aedes', samples, others);
  const mosquitto = await runOne(browser, 'mosquitto', samples, others);
  return { aedes, mosquitto };
}
