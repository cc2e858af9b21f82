import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { expect } from 'vitest';
import { startAgent, type Agent } from '../../src/hub/agent.ts';
import { DeviceRegistry } from '../../src/hub/device-registry.ts';
import { startHub, type Hub } from '../../src/hub/hub.ts';
import { createMemoryLogger, type MemoryLogger } from '../../src/hub/log.ts';
import { writeMosquittoFiles } from '../../src/hub/mosquitto-config.ts';
import type { DeviceMqttCredentials } from './hub.ts';
import { startMosquitto, type Mosquitto } from './mosquitto.ts';

/** A hub with its real agent, on the embedded broker or on Mosquitto with the hub's files. */
export interface StoreHub {
  readonly hub: Hub;
  readonly agent: Agent;
  readonly log: MemoryLogger;
  readonly mosquitto?: Mosquitto;
  readonly aclDir?: string;
  close(): Promise<void>;
}

/** Starts it as an operator would: `nextup mosquitto-config`, then Mosquitto, then the hub. */
export async function startStoreHub(
  kind: 'embedded' | 'mosquitto',
  opts: { readonly configDir?: string } = {},
): Promise<StoreHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nextup-store-'));
  const log = createMemoryLogger();
  let mosquitto: Mosquitto | undefined;
  let aclDir: string | undefined;
  if (kind === 'mosquitto') {
    aclDir = mkdtempSync(join(tmpdir(), 'nextup-acl-'));
    const registry = new DeviceRegistry({ dataDir, store: 'store-001' });
    await writeMosquittoFiles(registry, 'nextup/v1', aclDir);
    await registry.flushed();
    mosquitto = await startMosquitto({ aclDir });
  }
  let agent: Agent | undefined;
  const hub = await startHub({
    port: 0,
    mqttPort: 0,
    dataDir,
    log,
    ...(opts.configDir !== undefined ? { configDir: opts.configDir } : {}),
    ...(mosquitto && aclDir
      ? { brokerUrl: mosquitto.mqttUrl, brokerWsUrl: mosquitto.wsUrl, brokerAclDir: aclDir }
      : {}),
    agent: async (o) => (agent = await startAgent(o)),
  });
  // a loop, not expect.poll: this runs in beforeAll
  const deadline = Date.now() + 15_000;
  while (agent?.replica.connection !== 'online') {
    if (Date.now() > deadline) throw new Error('the agent did not connect to the broker');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    hub,
    agent: agent,
    log,
    ...(mosquitto ? { mosquitto } : {}),
    ...(aclDir ? { aclDir } : {}),
    close: async () => {
      await hub.close();
      await mosquitto?.stop();
    },
  };
}

/**
 * After enrolling or revoking `who`: Mosquitto rereads the files the hub rewrote, and the test
 * goes on once a login with those credentials is taken (`present`) or refused. The probe has a
 * client id of its own, so it never takes over the device's session. The embedded broker
 * reads the registry itself: nothing to wait for.
 */
export async function brokerKnows(
  s: StoreHub,
  who: DeviceMqttCredentials,
  present: boolean,
): Promise<void> {
  const { mosquitto } = s;
  if (!mosquitto) return;
  let probes = 0;
  const accepted = async (): Promise<boolean> => {
    mosquitto.reload();
    try {
      const c = await connectAsync(mosquitto.mqttUrl, {
        clientId: `probe-${who.clientId}-${++probes}`,
        username: who.username,
        password: who.password,
        reconnectPeriod: 0,
        connectTimeout: 5000,
      });
      await c.endAsync(true);
      return true;
    } catch {
      return false;
    }
  };
  await expect.poll(accepted, { message: `Mosquitto knows ${who.clientId}` }).toBe(present);
}
