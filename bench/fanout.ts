import type { Browser } from 'playwright-core';
import type { StoreConfig } from '../src/domain/config/types.ts';
import { loadStoreConfig } from '../src/hub/config-loader.ts';
import { deviceCredentials, startTestHub, type TestHub } from '../test/support/hub.ts';
import { openClerk, openKiosk } from '../test/support/surfaces.ts';
import { benchConfigDir } from './sim/bench-config.ts';
import { secureMosquitto } from './sim/secure-mosquitto.ts';
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
 * few seconds). Once through the hub's embedded broker and once through Mosquitto, both with
 * the production security: every device enrolled and authenticated, per-role ACL.
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
  hub: TestHub,
  config: StoreConfig,
  count: number,
  brokerKnows: (ids: readonly string[]) => Promise<void>,
): Promise<{
  devices: SimDevice[];
  stop(): Promise<void>;
}> {
  // one in ten is a kiosk, the others clerks and boards: all announce presence and vectors
  const roles = Array.from({ length: count }, (_, i) =>
    i % 10 === 0 ? 'kiosk' : i % 10 < 7 ? 'clerk' : 'board',
  );
  const who = roles.map((role, i) => deviceCredentials(hub, role, `${role}-crowd-${i}`));
  await brokerKnows(who.map((w) => w.clientId));
  const devices: SimDevice[] = [];
  for (const [i, role] of roles.entries()) {
    devices.push(
      await startSimDevice({
        brokerUrl: hub.mqttUrl,
        config,
        credentials: who[i]!,
        role,
        antiEntropyMs: 5000,
      }),
    );
  }
  for (const d of devices) await waitOnline(d);
  const kiosks = devices.filter((d) => d.id.startsWith('kiosk-'));
  const clerk = devices.find((d) => d.id.startsWith('clerk-'))!;
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
  const configDir = benchConfigDir();
  const config = await loadStoreConfig(configDir);
  const mosquitto = kind === 'mosquitto' ? await secureMosquitto(config) : undefined;
  const hub = await startTestHub({
    configDir,
    ...(mosquitto
      ? { broker: mosquitto.broker, dataDir: mosquitto.dataDir, brokerAclDir: mosquitto.aclDir }
      : {}),
  });
  const others$ = await crowd(
    hub,
    config,
    others,
    (ids) => mosquitto?.knows(ids) ?? Promise.resolve(),
  );
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
    // the security checks must not eat the benchmark's own traffic: say so if they drop any
    const dropped = hub.logLines.filter((l) => / WARN +agent /.test(l));
    if (dropped.length > 0) {
      console.warn(
        `  fanout (${kind}): the agent dropped ${dropped.length} messages: ${dropped[0]}`,
      );
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
