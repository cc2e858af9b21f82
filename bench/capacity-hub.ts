import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '../src/domain/config/types.ts';
import { startAgent, type Agent } from '../src/hub/agent.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from '../src/hub/broker.ts';
import type { Logger } from '../src/hub/log.ts';

/**
 * The hub side of the capacity benchmark, as its own process (so its memory is its own and
 * it competes for the two cores like a real hub would): the embedded broker, or none when an
 * external broker (Mosquitto) is given, and one store agent per simulated store, each with
 * its durable day files. The parent adds stores and asks for memory over IPC.
 *
 *   node --import tsx bench/capacity-hub.ts [--broker mqtt://...] [--data <dir>]
 */
type Request =
  { type: 'addStores'; configs: StoreConfig[] } | { type: 'memory' } | { type: 'close' };

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const brokerArg = process.argv.indexOf('--broker');
let broker: EmbeddedBroker | undefined;
let brokerUrl = brokerArg >= 0 ? process.argv[brokerArg + 1]! : '';
if (!brokerUrl) {
  broker = await startEmbeddedBroker({ host: '127.0.0.1', port: 0, log: quiet });
  brokerUrl = `mqtt://127.0.0.1:${broker.port}`;
}
const dataArg = process.argv.indexOf('--data');
const dataDir =
  dataArg >= 0 ? process.argv[dataArg + 1]! : mkdtempSync(join(tmpdir(), 'nextup-capacity-'));
const agents: Agent[] = [];

const reply = (m: unknown): void => void process.send?.(m);

process.on('message', (m: Request) => {
  void (async () => {
    if (m.type === 'addStores') {
      for (const config of m.configs) {
        agents.push(await startAgent({ config, brokerUrl, dataDir, log: quiet }));
      }
      reply({ type: 'added', stores: agents.length });
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
      rmSync(dataDir, { recursive: true, force: true });
      reply({ type: 'closed' });
      process.exit(0);
    }
  })();
});
reply({ type: 'ready', brokerUrl });
