import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '../src/domain/config/types.ts';
import { startAgent, type Agent } from '../src/hub/agent.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from '../src/hub/broker.ts';
import type { Logger } from '../src/hub/log.ts';
import type { BenchCredentials } from './sim/connect.ts';
import type { SimRole } from './sim/device.ts';
import { StoreRegistries } from './sim/store-registries.ts';

/**
 * The hub side of the capacity benchmark, as its own process (so its memory is its own and
 * it competes for the two cores like a real hub would): the embedded broker, or none when an
 * external broker (Mosquitto) is given, and one store agent per simulated store, each with
 * its durable day files and its own device registry. Security is as in production: the
 * embedded broker authenticates every client against the store's registry and enforces the
 * per-role ACL and payload checks; for Mosquitto this process rewrites its password_file and
 * acl_file (--acl-dir) and makes it reread them (SIGHUP to --mosquitto-pid) before the new
 * stores' agents connect. The parent adds stores (getting its devices' credentials back) and
 * asks for memory over IPC.
 *
 *   node --import tsx bench/capacity-hub.ts --prefix nextup/v1 [--broker mqtt://...
 *     --acl-dir <dir> --mosquitto-pid <pid>] [--data <dir>]
 */
export interface NewStore {
  readonly config: StoreConfig;
  /** Devices to enroll in this store's registry: ids start with their role. */
  readonly devices: readonly { readonly role: SimRole; readonly id: string }[];
}

type Request = { type: 'addStores'; stores: NewStore[] } | { type: 'memory' } | { type: 'close' };

/** Reply to addStores: the store count and the credentials of every enrolled device by id. */
export interface StoresAdded {
  readonly type: 'added';
  readonly stores: number;
  readonly credentials: Record<string, BenchCredentials>;
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const topicPrefix = arg('--prefix') ?? 'nextup/v1';
const aclDir = arg('--acl-dir');
const mosquittoPid = Number(arg('--mosquitto-pid') ?? 0);
const registries = new StoreRegistries();
let broker: EmbeddedBroker | undefined;
let brokerUrl = arg('--broker') ?? '';
if (!brokerUrl) {
  broker = await startEmbeddedBroker({
    host: '127.0.0.1',
    port: 0,
    log: quiet,
    access: registries.access(topicPrefix),
  });
  brokerUrl = `mqtt://127.0.0.1:${broker.port}`;
}
const dataDir = arg('--data') ?? mkdtempSync(join(tmpdir(), 'nextup-capacity-'));
const agents: Agent[] = [];
// the security checks must not eat the benchmark's own traffic: say so if they drop any
let dropped = 0;
const onDropped = (reason: string): void => {
  if (++dropped <= 3) console.error(`capacity hub: an agent dropped a message: ${reason}`);
};

const reply = (m: unknown): void => void process.send?.(m);

async function addStores(stores: readonly NewStore[]): Promise<StoresAdded> {
  const credentials: Record<string, BenchCredentials> = {};
  const agentCredentials = stores.map(({ config, devices }) => {
    const { registry, agent } = registries.open(dataDir, config.store.id);
    for (const d of devices) credentials[d.id] = registries.enroll(registry, d.role, d.id);
    return agent;
  });
  if (aclDir) {
    await registries.writeMosquittoFiles(topicPrefix, aclDir);
    if (mosquittoPid) process.kill(mosquittoPid, 'SIGHUP');
    // Mosquitto rereads the files in its main loop; clients refused meanwhile retry anyway
    await new Promise((r) => setTimeout(r, 300));
  }
  for (const [i, { config }] of stores.entries()) {
    agents.push(
      await startAgent({
        config,
        brokerUrl,
        dataDir,
        log: quiet,
        credentials: agentCredentials[i]!,
        onDropped,
      }),
    );
  }
  return { type: 'added', stores: agents.length, credentials };
}

process.on('message', (m: Request) => {
  void (async () => {
    if (m.type === 'addStores') {
      reply(await addStores(m.stores));
    } else if (m.type === 'memory') {
      global.gc?.();
      reply({
        type: 'memory',
        rss: process.memoryUsage().rss,
        heap: process.memoryUsage().heapUsed,
      });
    } else {
      for (const a of agents) await a.close();
      await broker?.close();
      await registries.flushed();
      if (dropped > 3) console.error(`capacity hub: ${dropped} messages dropped in all`);
      rmSync(dataDir, { recursive: true, force: true });
      reply({ type: 'closed' });
      process.exit(0);
    }
  })();
});
reply({ type: 'ready', brokerUrl });
