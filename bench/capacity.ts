import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '../src/domain/config/types.ts';
import { loadStoreConfig } from '../src/hub/config-loader.ts';
import { startMosquitto, type Mosquitto } from '../test/support/mosquitto.ts';
import type { NewStore, StoresAdded } from './capacity-hub.ts';
import { measureSingleStore, type SingleStoreFigures } from './capacity-store.ts';
import type { BenchCredentials } from './sim/connect.ts';
import { LatencyWindow } from './sim/latency-window.ts';
import {
  describeStep,
  measureStep,
  stepPassed,
  type StepBudget,
  type StepMeasurement,
} from './sim/measure-step.ts';
import { rssOf } from './sim/proc-usage.ts';
import { writeBenchMosquittoFiles } from './sim/store-registries.ts';
import {
  startSimDevice,
  simIssue,
  simServeNext,
  waitOnline,
  type SimDevice,
} from './sim/device.ts';

/**
 * Hub capacity: simulated stores (a kiosk, 4 clerks, a board; the agent in the hub) against
 * one hub process, adding stores step by step until the p99 event-to-screen latency (a
 * kiosk's commit to each other device of the store applying it) passes 200 ms. The same steps
 * run through Mosquitto (the hub process then runs the agents only). Both brokers run with the
 * production security: every device and agent is enrolled and authenticates, and the per-role
 * ACL (embedded: the broker's checks; Mosquitto: password_file and acl_file) applies.
 */
export interface CapacityStep extends StepMeasurement {
  /** 2 when the first measurement of this step missed the limit and it was measured again. */
  readonly attempt: number;
  readonly stores: number;
  readonly devices: number;
  /** Hub process RSS (plus Mosquitto's when it is the broker), MiB. */
  readonly hubRssMiB: number;
}

export interface CapacityRun {
  readonly broker: 'embedded aedes' | 'mosquitto';
  readonly steps: CapacityStep[];
  /** Largest store count whose p99 stayed under the limit (0 if none). */
  readonly maxStores: number;
  /** (RSS at the largest step - RSS with no stores) / devices, KiB per connected device. */
  readonly memoryPerDeviceKiB: number;
}

export interface CapacityFigures {
  readonly limitMs: number;
  readonly ticketEverySec: number;
  readonly aedes: CapacityRun;
  readonly mosquitto: CapacityRun;
  /** aedes max stores / Mosquitto max stores, and memory per device ratio. */
  readonly storesRatio: number;
  readonly memoryRatio: number;
  /** The shipped single-store hub: how many devices of one store stay under the limit. */
  readonly singleStore: SingleStoreFigures;
}

export interface CapacityOptions {
  /** Store counts of the many-stores run. */
  readonly steps?: number[];
  /** Device counts of the single-store run. */
  readonly singleStoreSteps?: number[];
  readonly budget?: StepBudget;
  readonly ticketEverySec?: number;
  readonly log?: (line: string) => void;
}

export const LIMIT_MS = 200;

export interface HubChild {
  readonly pid: number;
  request<T>(m: unknown, answer: string): Promise<T>;
  close(): Promise<void>;
}

/** BENCH_HUB_PROFILE=<dir>: a CPU profile of the hub process, to see where its time goes. */
function childProfile(): string[] {
  const dir = process.env.BENCH_HUB_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export interface HubChildOptions {
  readonly topicPrefix: string;
  /** An external Mosquitto started on `aclDir`'s files: the child keeps them and reloads it. */
  readonly mosquitto?: { readonly broker: Mosquitto; readonly aclDir: string };
  readonly dataDir?: string;
}

export async function startHubChild(
  opts: HubChildOptions,
): Promise<HubChild & { brokerUrl: string; addStores(stores: NewStore[]): Promise<StoresAdded> }> {
  const m = opts.mosquitto;
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./capacity-hub.ts', import.meta.url)),
    [
      ...['--prefix', opts.topicPrefix],
      ...(m
        ? [
            '--broker',
            m.broker.mqttUrl,
            '--acl-dir',
            m.aclDir,
            '--mosquitto-pid',
            `${m.broker.pid}`,
          ]
        : []),
      ...(opts.dataDir ? ['--data', opts.dataDir] : []),
    ],
    {
      execArgv: ['--import', 'tsx', '--expose-gc', ...childProfile()],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const next = (type: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const onMsg = (m: Record<string, unknown>): void => {
        if (m.type !== type) return;
        child.off('message', onMsg);
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (): void => reject(new Error('the capacity hub exited'));
      child.on('message', onMsg);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  const request = async <T>(msg: unknown, answer: string): Promise<T> => {
    const p = next(answer);
    child.send(msg as object);
    return (await p) as T;
  };
  return {
    pid: child.pid ?? 0,
    brokerUrl: String(ready.brokerUrl),
    request,
    addStores: (stores) => request<StoresAdded>({ type: 'addStores', stores }, 'added'),
    close: async () => {
      const p = next('closed').catch(() => undefined);
      child.send({ type: 'close' });
      await Promise.race([p, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

interface SimStore {
  readonly config: StoreConfig;
  readonly kiosk: SimDevice;
  readonly clerks: SimDevice[];
  /** Every device of the store, the kiosk first. */
  readonly devices: SimDevice[];
  issued: number;
}

function storeConfig(base: StoreConfig, i: number): StoreConfig {
  return {
    ...base,
    store: { ...base.store, id: `bench-${String(i).padStart(4, '0')}` },
    // the kiosk issues at the bench's pace (smoke: every second): lift the per-kiosk limit
    kiosk: { ...base.kiosk, rateLimit: { maxTickets: 1000, windowSec: 1 } },
    kiosks: base.kiosks.map((k, j) => ({
      ...k,
      range: { from: 1 + j * 100_000, to: (j + 1) * 100_000 - 1 },
    })),
  };
}

/** A store's devices, role-prefixed (receivers and the ACL read the role from the id). */
function storeDevices(config: StoreConfig): NewStore {
  const id = config.store.id;
  return {
    config,
    devices: [
      { role: 'kiosk', id: `kiosk-${id}` },
      ...config.counters
        .slice(0, 4)
        .map((c) => ({ role: 'clerk' as const, id: `clerk-${id}-${c.id}` })),
      { role: 'board', id: `board-${id}` },
    ],
  };
}

async function startStore(
  brokerUrl: string,
  store: NewStore,
  credentials: Record<string, BenchCredentials>,
): Promise<SimStore> {
  const { config } = store;
  const devices: SimDevice[] = [];
  for (const d of store.devices) {
    const who = credentials[d.id];
    if (!who) throw new Error(`the capacity hub did not enroll ${d.id}`);
    devices.push(await startSimDevice({ brokerUrl, config, credentials: who, role: d.role }));
  }
  for (const d of devices) await waitOnline(d);
  const [kiosk, ...screens] = devices;
  return { config, kiosk: kiosk!, clerks: screens.slice(0, -1), devices, issued: 0 };
}

/** A store's tick: its kiosk issues a ticket and one of its clerks calls and completes one. */
function storeTick(s: SimStore, window: LatencyWindow): void {
  const recipients = s.devices.length - 1;
  const t0 = performance.now();
  const ticket = `${s.config.store.id}-t${++s.issued}`;
  void simIssue(s.kiosk, s.config, 'kiosk-1', 'advice', ticket).then((e) => {
    if (e) window.track(e, t0, recipients);
  });
  const clerk = s.clerks[s.issued % s.clerks.length]!;
  const counter = s.config.counters[s.issued % s.clerks.length]!;
  // the clerk's call and completion reach the other screens too: samples as well
  void simServeNext(clerk, counter.id, counter.services).then((done) => {
    for (const d of done) window.track(d.event, d.startedAt, recipients);
  });
}

async function runOne(
  kind: 'embedded aedes' | 'mosquitto',
  opts: Required<Omit<CapacityOptions, 'log' | 'singleStoreSteps'>>,
  log: (line: string) => void,
): Promise<CapacityRun> {
  const base = await loadStoreConfig();
  const prefix = base.mqtt.topicPrefix;
  let mosquitto: Mosquitto | undefined;
  let aclDir: string | undefined;
  if (kind === 'mosquitto') {
    // as an operator would: the files first (nobody enrolled yet), then Mosquitto on them
    aclDir = mkdtempSync(join(tmpdir(), 'nextup-capacity-acl-'));
    await writeBenchMosquittoFiles([], prefix, aclDir);
    mosquitto = await startMosquitto({ aclDir });
  }
  const hub = await startHubChild({
    topicPrefix: prefix,
    ...(mosquitto && aclDir ? { mosquitto: { broker: mosquitto, aclDir } } : {}),
  });
  const hubPids = [hub.pid, ...(mosquitto ? [mosquitto.pid] : [])];
  const stores: SimStore[] = [];
  const out: CapacityStep[] = [];
  const memory = async (): Promise<number> => {
    const m = await hub.request<{ rss: number }>({ type: 'memory' }, 'memory');
    return m.rss + (mosquitto ? rssOf(mosquitto.pid) : 0);
  };
  const baseline = await memory();
  let maxStores = 0;
  let memoryPerDeviceKiB = 0;
  // every device reports what it applies to the step's window
  let window = new LatencyWindow();
  try {
    const started = performance.now();
    for (const target of opts.steps) {
      // a bounded run: no new step after four minutes (the table says which was last)
      if (performance.now() - started > 240_000) break;
      const added = Array.from({ length: target - stores.length }, (_, k) =>
        storeDevices(storeConfig(base, stores.length + k)),
      );
      // enrollment and connecting happen here, before the measured window
      const { credentials } = await hub.addStores(added);
      for (const a of added) {
        const s = await startStore(hub.brokerUrl, a, credentials);
        for (const d of s.devices) d.onApplied((events) => window.applied(events));
        stores.push(s);
      }
      // one spike on a shared machine decides a p99: a step that misses is measured once more,
      // and only two misses in a row end the search (both are kept in the results)
      let passed = false;
      for (let attempt = 0; attempt < 2 && !passed; attempt++) {
        window = new LatencyWindow();
        const m = await measureStep({
          issuers: stores.length,
          periodMs: opts.ticketEverySec * 1000,
          tick: (i, w) => storeTick(stores[i]!, w),
          window,
          budget: opts.budget,
          hubPids,
        });
        const rss = await memory();
        const devices = stores.length * 6;
        const step: CapacityStep = {
          attempt: attempt + 1,
          stores: stores.length,
          devices,
          ...m,
          hubRssMiB: Math.round(rss / 2 ** 20),
        };
        out.push(step);
        log(`  ${kind}: ${step.stores} stores (${devices} devices) ${describeStep(step)}`);
        memoryPerDeviceKiB = Math.round((rss - baseline) / devices / 1024);
        passed = stepPassed(step, LIMIT_MS);
      }
      if (passed) maxStores = stores.length;
      else break;
    }
  } finally {
    for (const s of stores) for (const d of s.devices) await d.close();
    await hub.close();
    await mosquitto?.stop();
    if (aclDir) rmSync(aclDir, { recursive: true, force: true });
  }
  return { broker: kind, steps: out, maxStores, memoryPerDeviceKiB };
}

export async function measureCapacity(opts: CapacityOptions = {}): Promise<CapacityFigures> {
  const run = {
    steps: opts.steps ?? [20, 40, 80, 160, 320],
    ticketEverySec: opts.ticketEverySec ?? 10,
    // at least 1,000 samples per step for its p99; the smallest steps need a minute for them
    budget: opts.budget ?? { minSamples: 1000, minSec: 10, maxSec: 90 },
  };
  const log = opts.log ?? ((l: string) => console.log(l));
  const aedes = await runOne('embedded aedes', run, log);
  const mosquitto = await runOne('mosquitto', run, log);
  const singleStore = await measureSingleStore({
    steps: opts.singleStoreSteps ?? [25, 50, 100, 150, 200, 300],
    ticketEverySec: run.ticketEverySec,
    budget: run.budget,
    limitMs: LIMIT_MS,
    log,
  });
  const ratio = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 100) / 100 : NaN);
  return {
    limitMs: LIMIT_MS,
    ticketEverySec: run.ticketEverySec,
    aedes,
    mosquitto,
    storesRatio: ratio(aedes.maxStores, mosquitto.maxStores),
    memoryRatio: ratio(aedes.memoryPerDeviceKiB, mosquitto.memoryPerDeviceKiB),
    singleStore,
  };
}
