import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent, type Agent } from '../../src/hub/agent.ts';
import { startHub } from '../../src/hub/hub.ts';
import { createMemoryLogger } from '../../src/hub/log.ts';
import { resolveFromRepo } from '../../src/hub/paths.ts';
import type { DeviceRegistry } from '../../src/hub/device-registry.ts';
import { hashPin } from '../../src/domain/kiosk/pin.ts';
import type { DeviceRole } from '../../src/domain/security/roles.ts';
import type { Mosquitto } from './mosquitto.ts';

export interface TestHub {
  readonly httpUrl: string;
  readonly mqttUrl: string;
  readonly storeId: string;
  /** The service with ticket prefix A and a counter serving it, from the shipped config. */
  readonly firstService: string;
  readonly firstCounter: string;
  readonly logLines: readonly string[];
  /** The hub's enrolled devices (enrollment, revocation). */
  readonly registry: DeviceRegistry;
  agent(): Agent;
  /** Types of every event in the agent's durable history. */
  eventTypes(): string[];
  close(): Promise<void>;
}

/** The real hub (HTTP, broker or external broker, agent) on free ports with a fresh data dir. */
export async function startTestHub(opts: {
  broker?: Mosquitto;
  dataDir?: string;
  /** A configuration folder (its store.json) instead of the shipped kiosk-config. */
  configDir?: string;
  /** With `broker`: the folder of its password_file and acl_file, kept by the hub. */
  brokerAclDir?: string;
  /** The hub's check that its data folder takes writes (a failing one fakes a full disk). */
  diskProbe?: () => Promise<void>;
}): Promise<TestHub> {
  const log = createMemoryLogger();
  let agent: Agent | undefined;
  const hub = await startHub({
    port: 0,
    mqttPort: 0,
    dataDir: opts.dataDir ?? mkdtempSync(join(tmpdir(), 'nextup-hub-')),
    ...(opts.configDir !== undefined ? { configDir: opts.configDir } : {}),
    log,
    ...(opts.broker ? { brokerUrl: opts.broker.mqttUrl, brokerWsUrl: opts.broker.wsUrl } : {}),
    ...(opts.brokerAclDir !== undefined ? { brokerAclDir: opts.brokerAclDir } : {}),
    ...(opts.diskProbe ? { diskProbe: opts.diskProbe } : {}),
    agent: async (o) => {
      agent = await startAgent(o);
      return agent;
    },
  });
  const service = hub.config.services.find((s) => s.prefix === 'A') ?? hub.config.services[0]!;
  const counter = hub.config.counters.find((c) => c.services.includes(service.id))!;
  const need = (): Agent => {
    if (!agent) throw new Error('the hub started without its agent');
    return agent;
  };
  return {
    httpUrl: hub.httpUrl,
    mqttUrl: hub.mqttUrl,
    storeId: hub.config.store.id,
    firstService: service.id,
    firstCounter: counter.id,
    logLines: log.lines,
    registry: hub.registry,
    agent: need,
    eventTypes: () =>
      need()
        .replica.events()
        .map((e) => e.type),
    close: () => hub.close(),
  };
}

/** MQTT options for a Node client: an enrolled device's id, user name and password. */
export interface DeviceMqttCredentials {
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
}

/**
 * Enrolls a device of `role` on the test hub and returns what a raw MQTT client (mqtt.js,
 * mosquitto_sub) needs. The id is `deviceId` when it starts with the role ("clerk-test"),
 * else the hub makes one that does; always connect with the returned clientId.
 */
export function deviceCredentials(
  hub: { readonly registry: DeviceRegistry },
  role: DeviceRole,
  deviceId: string = role,
): DeviceMqttCredentials {
  const e = hub.registry.enroll({ role, hint: deviceId, deviceId, trusted: true });
  return { clientId: e.deviceId, username: e.username, password: e.password };
}

/**
 * Enrolls a device over the hub's HTTP API, as a browser on the hub's own machine does
 * (for hubs in another process, e.g. test/support/hub-process.ts). `deviceId` starts with
 * the role ("kiosk-1-durable") and is kept when the hub does not know it yet.
 */
export async function enrollOverHttp(
  httpUrl: string,
  role: DeviceRole,
  deviceId: string,
): Promise<DeviceMqttCredentials> {
  const res = await fetch(`${httpUrl}/api/devices/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, deviceId, hint: deviceId }),
  });
  const body = (await res.json()) as { deviceId?: string; password?: string; error?: string };
  if (!res.ok || !body.deviceId || !body.password) {
    throw new Error(`enrollment refused: ${body.error ?? res.status}`);
  }
  return { clientId: body.deviceId, username: body.deviceId, password: body.password };
}

/**
 * A configuration folder holding the shipped store.json as changed by `edit`, for a hub that
 * needs other settings (e.g. a visit re-check after seconds instead of minutes).
 */
export function testConfigDir(edit: (config: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'nextup-config-'));
  const config = JSON.parse(
    readFileSync(resolveFromRepo('kiosk-config/store.json'), 'utf8'),
  ) as Record<string, unknown>;
  edit(config);
  writeFileSync(join(dir, 'store.json'), JSON.stringify(config, null, 2));
  return dir;
}

/** A staff PIN as the config stores it (a fixed salt and few rounds: tests only). */
export const testPin = (p: string) => ({
  salt: 'store-001',
  iterations: 1000,
  sha256: hashPin(p, 'store-001', 1000),
});

/** The demo store with two clerks who sign in: Anna K. (PIN 2468) and Bo (PIN 1357). */
export function staffConfigDir(): string {
  return testConfigDir((c) => {
    c['staff'] = [
      { id: 'anna', name: 'Anna K.', pin: testPin('2468') },
      { id: 'bo', name: 'Bo', pin: testPin('1357') },
    ];
  });
}
