import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mosquittoFiles, type MosquittoUser } from '../../src/domain/security/mosquitto.ts';
import type { Identity, Role } from '../../src/domain/security/roles.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../src/hub/broker.ts';
import { DeviceRegistry, hashSecret } from '../../src/hub/device-registry.ts';
import { createMemoryLogger } from '../../src/hub/log.ts';
import { MOSQUITTO_LIMITS } from '../../src/hub/mosquitto-config.ts';
import { startMosquitto, type Mosquitto } from '../support/mosquitto.ts';

/**
 * Every role x every topic family x publish/subscribe, on the embedded broker and on
 * Mosquitto (files from `mosquittoFiles`). The expectations below are written by hand from
 * the issue's rules, not derived from src/domain/security/roles.ts, so a wrong rule fails.
 */
const STORE = 'store-001';
const OTHER_STORE = 'store-999';
const P = 'nextup/v1';

const SUBJECTS: Record<Role, string> = {
  agent: `agent-${STORE}`,
  kiosk: 'kiosk-m1',
  clerk: 'clerk-m1',
  floor: 'floor-m1',
  manager: 'manager-m1',
  board: 'board-m1',
  tracker: 'tracker-T1',
};
const ROLES = Object.keys(SUBJECTS) as Role[];

type Cell = '' | 'P' | 'S' | 'PS';
interface Family {
  readonly name: string;
  topic(self: string): string;
  /** Expected rights per role, in the order agent kiosk clerk floor manager board tracker. */
  readonly expect: readonly Cell[];
  /** Sync topics carry a replication message; the embedded broker reads it. */
  readonly sync?: 'events' | 'vector';
}

// prettier-ignore
const FAMILIES: readonly Family[] = [
  //                                                                    agent kiosk clerk floor manager board tracker
  { name: 'own events', topic: (s) => `${P}/${STORE}/sync/events/${s}`, sync: 'events', expect: ['PS', 'PS', 'PS', 'PS', 'PS', 'S', ''] },
  { name: "another's events", topic: () => `${P}/${STORE}/sync/events/clerk-other`, sync: 'events', expect: ['PS', 'S', 'S', 'S', 'S', 'S', ''] },
  { name: 'own vector', topic: (s) => `${P}/${STORE}/sync/vector/${s}`, sync: 'vector', expect: ['PS', 'PS', 'PS', 'PS', 'PS', 'PS', ''] },
  { name: "another's vector", topic: () => `${P}/${STORE}/sync/vector/clerk-other`, sync: 'vector', expect: ['PS', 'S', 'S', 'S', 'S', 'S', ''] },
  // the agent's catch-up for one device: that device reads it, nobody else; only the agent writes
  { name: 'own catch-up', topic: (s) => `${P}/${STORE}/sync/to/${s}`, expect: ['PS', 'S', 'S', 'S', 'S', 'S', ''] },
  { name: "another's catch-up", topic: () => `${P}/${STORE}/sync/to/clerk-other`, expect: ['PS', '', '', '', '', '', ''] },
  { name: 'own presence', topic: (s) => `${P}/${STORE}/presence/${s}`, expect: ['PS', 'PS', 'PS', 'PS', 'PS', 'PS', ''] },
  { name: "another's presence", topic: () => `${P}/${STORE}/presence/clerk-other`, expect: ['PS', 'S', 'S', 'S', 'S', 'S', ''] },
  { name: 'calls', topic: () => `${P}/${STORE}/calls`, expect: ['PS', 'S', 'S', 'S', 'S', 'S', ''] },
  { name: 'alerts', topic: () => `${P}/${STORE}/alerts`, expect: ['PS', 'S', 'S', 'S', 'S', 'S', ''] },
  { name: 'wait', topic: () => `${P}/${STORE}/wait/advice/minutes`, expect: ['PS', 'S', 'S', 'S', 'S', 'S', ''] },
  { name: 'own ticket', topic: () => `${P}/${STORE}/track/T1`, expect: ['PS', '', '', '', '', '', 'S'] },
  { name: "another's ticket", topic: () => `${P}/${STORE}/track/T2`, expect: ['PS', '', '', '', '', '', ''] },
  { name: 'another store', topic: () => `${P}/${OTHER_STORE}/calls`, expect: ['', '', '', '', '', '', ''] },
];

interface Login {
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
}

/** Enrolled subjects, plus test-only observers with agent rights in each store. */
function setUp(): {
  registry: DeviceRegistry;
  logins: Record<Role, Login>;
  observers: Record<string, Login & { identity: Identity }>;
  users: MosquittoUser[];
} {
  const registry = new DeviceRegistry({
    dataDir: mkdtempSync(join(tmpdir(), 'nextup-matrix-')),
    store: STORE,
  });
  const agent = registry.agentCredentials();
  const logins = { agent: { clientId: agent.username, ...agent } } as Record<Role, Login>;
  for (const role of ROLES) {
    if (role === 'agent') continue;
    const e =
      role === 'tracker'
        ? registry.enrollTracker('T1')
        : registry.enroll({ role, deviceId: SUBJECTS[role], trusted: true });
    expect(e.deviceId).toBe(SUBJECTS[role]);
    logins[role] = { clientId: e.deviceId, username: e.username, password: e.password };
  }
  const observers: Record<string, Login & { identity: Identity }> = {};
  for (const store of [STORE, OTHER_STORE]) {
    const id = `agent-observer-${store}`;
    observers[store] = {
      clientId: id,
      username: id,
      password: `pw-${store}`,
      identity: { role: 'agent', store, device: id },
    };
  }
  const users: MosquittoUser[] = [
    ...registry
      .list()
      .concat(registry.trackers())
      .map((d) => ({
        role: d.role,
        store: STORE,
        device: d.id,
        hash: d.hash,
        revoked: d.revoked,
        ...(d.ticket !== undefined ? { ticket: d.ticket } : {}),
      })),
    ...Object.values(observers).map((o) => ({
      ...o.identity,
      hash: hashSecret(o.password),
      revoked: false,
    })),
  ];
  return { registry, logins, observers, users };
}

const quiet: IClientOptions = { reconnectPeriod: 0, connectTimeout: 5000, protocolVersion: 4 };

function payload(fam: Family, self: string, nonce: string): string {
  if (fam.sync === 'events')
    return JSON.stringify({ v: 1, kind: 'events', from: self, events: [], nonce });
  if (fam.sync === 'vector')
    return JSON.stringify({ v: 1, kind: 'vector', from: self, vector: {}, nonce });
  return JSON.stringify({ nonce });
}

async function runMatrix(
  url: string,
  s: ReturnType<typeof setUp>,
): Promise<{
  cells: number;
  mismatches: string[];
}> {
  const clients: MqttClient[] = [];
  const connect = async (login: Login) => {
    const c = await connectAsync(url, { ...quiet, ...login });
    clients.push(c);
    c.on('error', () => undefined);
    return c;
  };
  const seenBy = new Map<MqttClient, Set<string>>();
  const watch = (c: MqttClient) => {
    const seen = new Set<string>();
    seenBy.set(c, seen);
    c.on('message', (topic, body) => {
      try {
        seen.add(`${topic} ${(JSON.parse(body.toString()) as { nonce?: string }).nonce}`);
      } catch {
        // not one of ours
      }
    });
    return seen;
  };
  try {
    const obs = {
      [STORE]: await connect(s.observers[STORE]!),
      [OTHER_STORE]: await connect(s.observers[OTHER_STORE]!),
    };
    const observed = { [STORE]: watch(obs[STORE]), [OTHER_STORE]: watch(obs[OTHER_STORE]) };
    await obs[STORE].subscribeAsync(`${P}/${STORE}/#`, { qos: 1 });
    await obs[OTHER_STORE].subscribeAsync(`${P}/${OTHER_STORE}/#`, { qos: 1 });
    const storeOf = (topic: string) =>
      topic.startsWith(`${P}/${OTHER_STORE}/`) ? OTHER_STORE : STORE;

    // subscribe: one client per role subscribes to every family, then an observer publishes
    const subscribers = new Map<Role, { client: MqttClient; seen: Set<string> }>();
    for (const role of ROLES) {
      const client = await connect({ ...s.logins[role], clientId: `${s.logins[role].clientId}` });
      const seen = watch(client);
      for (const fam of FAMILIES) {
        await Promise.race([
          client.subscribeAsync(fam.topic(SUBJECTS[role]), { qos: 1 }).catch(() => undefined),
          sleep(5000),
        ]);
      }
      subscribers.set(role, { client, seen });
      // publish cells need the same client id: this one is done once its messages are in
    }
    for (const role of ROLES) {
      for (const fam of FAMILIES) {
        const topic = fam.topic(SUBJECTS[role]);
        await obs[storeOf(topic)].publishAsync(
          topic,
          payload(fam, 'x', `sub-${role}-${fam.name}`),
          { qos: 1 },
        );
      }
    }
    const expectedSubs = (role: Role, fam: Family, i: number) =>
      fam.expect[ROLES.indexOf(role)]!.includes('S') && i >= 0;
    const allSubsIn = () =>
      ROLES.every((role) =>
        FAMILIES.every(
          (fam, i) =>
            !expectedSubs(role, fam, i) ||
            subscribers.get(role)!.seen.has(`${fam.topic(SUBJECTS[role])} sub-${role}-${fam.name}`),
        ),
      );
    await waitUntil(allSubsIn, 10_000);
    await sleep(500);
    const mismatches: string[] = [];
    let cells = 0;
    for (const role of ROLES) {
      for (const fam of FAMILIES) {
        cells++;
        const got = subscribers
          .get(role)!
          .seen.has(`${fam.topic(SUBJECTS[role])} sub-${role}-${fam.name}`);
        if (got !== fam.expect[ROLES.indexOf(role)]!.includes('S')) {
          mismatches.push(`${role} subscribe ${fam.name}: ${got ? 'allowed' : 'denied'}`);
        }
      }
    }
    for (const { client } of subscribers.values()) await client.endAsync(true);

    // publish: a fresh connection per cell (a refused publish may cost the connection)
    for (const fam of FAMILIES) {
      await Promise.all(
        ROLES.map(async (role) => {
          const topic = fam.topic(SUBJECTS[role]);
          const c = await connect(s.logins[role]);
          // a refused publish closes the connection on the embedded broker: do not wait forever
          const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
          await Promise.race([
            c
              .publishAsync(topic, payload(fam, SUBJECTS[role], `pub-${role}-${fam.name}`), {
                qos: 1,
              })
              .catch(() => undefined),
            closed,
            sleep(5000),
          ]);
          await c.endAsync(true).catch(() => undefined);
        }),
      );
    }
    const heard = (role: Role, fam: Family) => {
      const topic = fam.topic(SUBJECTS[role]);
      return observed[storeOf(topic)].has(`${topic} pub-${role}-${fam.name}`);
    };
    await waitUntil(
      () =>
        ROLES.every((r) =>
          FAMILIES.every((f) => !f.expect[ROLES.indexOf(r)]!.includes('P') || heard(r, f)),
        ),
      10_000,
    );
    await sleep(500);
    for (const role of ROLES) {
      for (const fam of FAMILIES) {
        cells++;
        const got = heard(role, fam);
        if (got !== fam.expect[ROLES.indexOf(role)]!.includes('P')) {
          mismatches.push(`${role} publish ${fam.name}: ${got ? 'allowed' : 'denied'}`);
        }
      }
    }
    return { cells, mismatches };
  } finally {
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
  }
}

async function waitUntil(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(50);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('authorization matrix', () => {
  let embedded: EmbeddedBroker | undefined;
  let mosquitto: Mosquitto | undefined;
  const s = setUp();
  const results: Record<string, { cells: number; mismatches: string[] }> = {};

  beforeAll(async () => {
    const observer = (u: string | undefined, p: string | undefined) =>
      Object.values(s.observers).find((o) => o.username === u && o.password === p)?.identity;
    embedded = await startEmbeddedBroker({
      host: '127.0.0.1',
      port: 0,
      log: createMemoryLogger(),
      access: {
        topicPrefix: P,
        authenticate: (u, p) => observer(u, p) ?? s.registry.authenticate(u, p),
        isActive: () => true,
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'nextup-acl-'));
    mkdirSync(dir, { recursive: true });
    const files = mosquittoFiles(s.users, P, dir, MOSQUITTO_LIMITS);
    writeFileSync(join(dir, 'password_file'), files.passwordFile, { mode: 0o600 });
    writeFileSync(join(dir, 'acl_file'), files.aclFile);
    writeFileSync(join(dir, 'mosquitto.conf'), files.conf);
    mosquitto = await startMosquitto({ aclDir: dir });
  });

  afterAll(async () => {
    await embedded?.close();
    await mosquitto?.stop();
    console.log(
      `authorization matrix: ${Object.entries(results)
        .map(([b, r]) => `${b} ${r.cells} cells, ${r.mismatches.length} mismatches`)
        .join('; ')}`,
    );
  });

  it(`embedded broker: ${ROLES.length} roles x ${FAMILIES.length} topic families x publish/subscribe`, async () => {
    const r = await runMatrix(`mqtt://127.0.0.1:${embedded!.port}`, s);
    results.embedded = r;
    expect(r.mismatches).toEqual([]);
    expect(r.cells).toBe(ROLES.length * FAMILIES.length * 2);
  });

  it(`Mosquitto: the same matrix with the generated password_file and acl_file`, async () => {
    const r = await runMatrix(mosquitto!.mqttUrl, s);
    results.mosquitto = r;
    expect(r.mismatches).toEqual([]);
    expect(r.cells).toBe(ROLES.length * FAMILIES.length * 2);
  });
});
