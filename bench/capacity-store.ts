import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '../src/domain/config/types.ts';
import { loadStoreConfig } from '../src/hub/config-loader.ts';
import { enrollOverHttp, testConfigDir } from '../test/support/hub.ts';
import { startHubProcess, type HubProcess } from '../test/support/hub-process.ts';
import { freePort } from '../test/support/ports.ts';
import {
  startSimDevice,
  simIssue,
  simServeNext,
  waitOnline,
  type SimDevice,
  type SimRole,
} from './sim/device.ts';
import { LatencyWindow } from './sim/latency-window.ts';
import {
  describeStep,
  measureStep,
  stepPassed,
  type StepBudget,
  type StepMeasurement,
} from './sim/measure-step.ts';
import { rssOf } from './sim/proc-usage.ts';
import { secureMosquitto } from './sim/secure-mosquitto.ts';

/**
 * The shipped single-store hub's capacity: `nextup serve` as its own process (HTTP, the
 * store's agent, and its embedded broker or Mosquitto beside it) and N devices of that one
 * store, stepped up until the p99 of commit to every other screen passes the limit. One device
 * in ten is a kiosk, six are clerks, three are boards; each is the real replica over MQTT,
 * enrolled over the hub's HTTP API as a device on the hub's machine is. Every kiosk issues a
 * ticket every `ticketEverySec` and, with it, one clerk (in turn) calls and completes one.
 * The hub runs in its own process so its CPU and memory are read apart from the generator's
 * (this process, which runs all N replicas): when the generator's CPU is near a full core,
 * the generator, not the hub, is the limit.
 */
export interface SingleStoreStep extends StepMeasurement {
  readonly attempt: number;
  readonly devices: number;
  readonly kiosks: number;
  /** Hub process RSS (plus Mosquitto's when it is the broker), MiB. */
  readonly hubRssMiB: number;
}

export interface SingleStoreRun {
  readonly broker: 'embedded aedes' | 'mosquitto';
  readonly steps: SingleStoreStep[];
  /** Largest device count whose p99 stayed under the limit at the full load (0 if none). */
  readonly maxDevices: number;
}

export interface SingleStoreFigures {
  readonly aedes: SingleStoreRun;
  readonly mosquitto: SingleStoreRun;
}

interface Options {
  readonly steps: readonly number[];
  readonly ticketEverySec: number;
  readonly budget: StepBudget;
  readonly limitMs: number;
  readonly log: (line: string) => void;
}

const roleOf = (i: number): SimRole => (i % 10 === 0 ? 'kiosk' : i % 10 <= 6 ? 'clerk' : 'board');

/** The shipped store.json with one kiosk entry (own number range) per simulated kiosk. */
function singleStoreConfigDir(kiosks: number): string {
  return testConfigDir((c) => {
    // each simulated kiosk issues at the bench's pace: lift the per-kiosk rate limit
    (c.kiosk as Record<string, unknown>).rateLimit = { maxTickets: 1000, windowSec: 1 };
    c.kiosks = Array.from({ length: kiosks }, (_, k) => ({
      id: `kiosk-${k + 1}`,
      name: { en: `Kiosk ${k + 1}` },
      range: { from: 1 + k * 10_000, to: (k + 1) * 10_000 - 1 },
    }));
  });
}

interface Store {
  readonly config: StoreConfig;
  readonly devices: SimDevice[];
  readonly kiosks: SimDevice[];
  readonly clerks: SimDevice[];
  issued: number;
}

/** A kiosk's tick: it issues a ticket, and the next clerk in turn calls and completes one. */
function kioskTick(store: Store, k: number, window: LatencyWindow): void {
  const { config } = store;
  const recipients = store.devices.length - 1;
  const n = ++store.issued;
  const service = config.services[n % config.services.length]!.id;
  const t0 = performance.now();
  const kiosk = store.kiosks[k]!;
  void simIssue(kiosk, config, `kiosk-${k + 1}`, service, `${kiosk.id}-t${n}`).then((e) => {
    if (e) window.track(e, t0, recipients);
  });
  const c = n % store.clerks.length;
  const counter = config.counters[c % config.counters.length]!;
  void simServeNext(store.clerks[c]!, counter.id, counter.services).then((done) => {
    for (const d of done) window.track(d.event, d.startedAt, recipients);
  });
}

async function runOne(kind: SingleStoreRun['broker'], o: Options): Promise<SingleStoreRun> {
  const maxDevices = o.steps[o.steps.length - 1] ?? 0;
  const configDir = singleStoreConfigDir(Math.ceil(maxDevices / 10));
  const config = await loadStoreConfig(configDir);
  const mosquitto = kind === 'mosquitto' ? await secureMosquitto(config) : undefined;
  const dataDir = mosquitto?.dataDir ?? mkdtempSync(join(tmpdir(), 'nextup-store-capacity-'));
  let hub: HubProcess | undefined;
  const store: Store = { config, devices: [], kiosks: [], clerks: [], issued: 0 };
  const steps: SingleStoreStep[] = [];
  let best = 0;
  let window = new LatencyWindow();
  try {
    hub = await startHubProcess({
      port: await freePort(),
      mqttPort: await freePort(),
      dataDir,
      configDir,
      extraArgs: mosquitto
        ? ['--broker', mosquitto.broker.mqttUrl, '--broker-acl', mosquitto.aclDir]
        : [],
    });
    const brokerUrl = mosquitto?.broker.mqttUrl ?? hub.mqttUrl;
    const hubPids = [hub.pid, ...(mosquitto ? [mosquitto.broker.pid] : [])];
    const started = performance.now();
    for (const target of o.steps) {
      // a bounded run: no new step after four minutes (the table says which was last)
      if (performance.now() - started > 240_000) break;
      await addDevices(hub, store, target, brokerUrl, mosquitto, (d) =>
        d.onApplied((events) => window.applied(events)),
      );
      let passed = false;
      for (let attempt = 0; attempt < 2 && !passed; attempt++) {
        window = new LatencyWindow();
        const m = await measureStep({
          issuers: store.kiosks.length,
          periodMs: o.ticketEverySec * 1000,
          tick: (k, w) => kioskTick(store, k, w),
          window,
          budget: o.budget,
          hubPids,
        });
        const rss = hubPids.reduce((s, p) => s + rssOf(p), 0);
        const step: SingleStoreStep = {
          attempt: attempt + 1,
          devices: store.devices.length,
          kiosks: store.kiosks.length,
          ...m,
          hubRssMiB: Math.round(rss / 2 ** 20),
        };
        steps.push(step);
        o.log(`  one store, ${kind}: ${step.devices} devices ${describeStep(m)}`);
        passed = stepPassed(m, o.limitMs);
      }
      if (passed) best = store.devices.length;
      else break;
    }
    // the security checks must not eat the benchmark's own traffic: say so if they drop any
    const dropped = hub
      .output()
      .split('\n')
      .filter((l) => / WARN +agent /.test(l));
    if (dropped.length > 0) {
      o.log(`  one store (${kind}): the agent dropped ${dropped.length} messages: ${dropped[0]}`);
    }
  } finally {
    for (const d of store.devices) await d.close();
    await hub?.stop();
    await mosquitto?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(configDir, { recursive: true, force: true });
  }
  return { broker: kind, steps, maxDevices: best };
}

/** Enrolls and connects devices up to `target`, before the step's window opens. */
async function addDevices(
  hub: HubProcess,
  store: Store,
  target: number,
  brokerUrl: string,
  mosquitto: { knows(ids: readonly string[]): Promise<void> } | undefined,
  listen: (d: SimDevice) => void,
): Promise<void> {
  const from = store.devices.length;
  const who = [];
  for (let i = from; i < target; i++) {
    const role = roleOf(i);
    who.push({ role, creds: await enrollOverHttp(hub.httpUrl, role, `${role}-one-${i}`) });
  }
  await mosquitto?.knows(who.map((w) => w.creds.clientId));
  const added: SimDevice[] = [];
  for (const { role, creds } of who) {
    const d = await startSimDevice({ brokerUrl, config: store.config, credentials: creds, role });
    listen(d);
    added.push(d);
    store.devices.push(d);
    if (role === 'kiosk') store.kiosks.push(d);
    if (role === 'clerk') store.clerks.push(d);
  }
  for (const d of added) await waitOnline(d);
}

export async function measureSingleStore(o: Options): Promise<SingleStoreFigures> {
  const aedes = await runOne('embedded aedes', o);
  const mosquitto = await runOne('mosquitto', o);
  return { aedes, mosquitto };
}
