import { mkdirSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mosquittoFiles, type MosquittoUser } from '../../src/domain/security/mosquitto.ts';
import type { DeviceRole } from '../../src/domain/security/roles.ts';
import type { BrokerAccess } from '../../src/hub/broker.ts';
import { DeviceRegistry, type Credentials } from '../../src/hub/device-registry.ts';
import { MOSQUITTO_LIMITS } from '../../src/hub/mosquitto-config.ts';
import type { BenchCredentials } from './connect.ts';

/**
 * The device registries of a hub process hosting many stores (bench/capacity-hub.ts): one
 * real DeviceRegistry per store, in that store's data folder, as each store's hub keeps it.
 * The one broker asks the registry that enrolled a device (ids carry the store, so they are
 * unique across stores), and Mosquitto gets one password_file and acl_file for all of them.
 */
export class StoreRegistries {
  private readonly owner = new Map<string, DeviceRegistry>();
  private readonly registries: DeviceRegistry[] = [];

  /** A store's registry and its agent's credentials. */
  open(dataDir: string, store: string): { registry: DeviceRegistry; agent: Credentials } {
    const dir = join(dataDir, store);
    mkdirSync(dir, { recursive: true });
    const registry = new DeviceRegistry({ dataDir: dir, store });
    const agent = registry.agentCredentials();
    this.owner.set(agent.username, registry);
    this.registries.push(registry);
    return { registry, agent };
  }

  /** Enrolls a device under `id` (which starts with its role), as a trusted loopback hub does. */
  enroll(registry: DeviceRegistry, role: DeviceRole, id: string): BenchCredentials {
    const e = registry.enroll({ role, hint: id, deviceId: id, trusted: true });
    if (e.deviceId !== id) throw new Error(`${id} is taken or not a ${role} id`);
    this.owner.set(e.deviceId, registry);
    return { clientId: e.deviceId, username: e.username, password: e.password };
  }

  /** What the embedded broker enforces: the same checks a store hub's broker makes. */
  access(topicPrefix: string): BrokerAccess {
    return {
      topicPrefix,
      authenticate: (u, p) => (u === undefined ? undefined : this.owner.get(u)?.authenticate(u, p)),
      isActive: (id) => this.owner.get(id)?.get(id)?.revoked === false,
    };
  }

  /** password_file, acl_file and mosquitto.conf for every store (src/hub/mosquitto-config.ts). */
  async writeMosquittoFiles(topicPrefix: string, dir: string): Promise<void> {
    const users: MosquittoUser[] = this.registries.flatMap((r) =>
      r
        .list()
        .concat(r.trackers())
        .map((d) => ({
          role: d.role,
          store: r.store,
          device: d.id,
          hash: d.hash,
          revoked: d.revoked,
          ...(d.ticket !== undefined ? { ticket: d.ticket } : {}),
        })),
    );
    await writeBenchMosquittoFiles(users, topicPrefix, dir);
  }

  async flushed(): Promise<void> {
    await Promise.all(this.registries.map((r) => r.flushed()));
  }
}

export async function writeBenchMosquittoFiles(
  users: readonly MosquittoUser[],
  topicPrefix: string,
  dir: string,
): Promise<void> {
  const files = mosquittoFiles(users, topicPrefix, dir, MOSQUITTO_LIMITS);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'password_file'), files.passwordFile, { mode: 0o600 });
  await chmod(join(dir, 'password_file'), 0o600);
  await writeFile(join(dir, 'acl_file'), files.aclFile);
  await writeFile(join(dir, 'mosquitto.conf'), files.conf);
}
