import { mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import { DeviceRegistry } from '../../src/hub/device-registry.ts';
import { writeMosquittoFiles } from '../../src/hub/mosquitto-config.ts';
import { startMosquitto, type Mosquitto } from '../../test/support/mosquitto.ts';

/**
 * Mosquitto as an operator runs it beside a hub that keeps its files (--broker-acl): the files
 * first, then the broker on them, and a reload (SIGHUP) whenever the hub rewrites them after an
 * enrollment, as a systemd path unit would do. The browsers enroll when their page opens.
 */
export async function secureMosquitto(config: StoreConfig): Promise<{
  broker: Mosquitto;
  dataDir: string;
  aclDir: string;
  knows(ids: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nextup-bench-'));
  const aclDir = mkdtempSync(join(tmpdir(), 'nextup-bench-acl-'));
  const registry = new DeviceRegistry({ dataDir, store: config.store.id });
  await writeMosquittoFiles(registry, config.mqtt.topicPrefix, aclDir);
  await registry.flushed();
  const broker = await startMosquitto({ aclDir });
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(aclDir, () => {
    clearTimeout(timer);
    timer = setTimeout(() => broker.reload(), 50);
  });
  return {
    broker,
    dataDir,
    aclDir,
    async knows(ids) {
      const until = Date.now() + 10_000;
      const passwords = (): string => readFileSync(join(aclDir, 'password_file'), 'utf8');
      while (!ids.every((id) => passwords().includes(`${id}:`))) {
        if (Date.now() > until) throw new Error('the hub did not write the enrolled devices');
        await new Promise((r) => setTimeout(r, 50));
      }
      broker.reload();
      await new Promise((r) => setTimeout(r, 300));
    },
    async stop() {
      watcher.close();
      clearTimeout(timer);
      await broker.stop();
      rmSync(aclDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
