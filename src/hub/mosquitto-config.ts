import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mosquittoFiles } from '../domain/security/mosquitto.ts';
import { MAX_PUBLISH_BYTES } from './broker.ts';
import type { DeviceRegistry } from './device-registry.ts';

/**
 * Writes password_file, acl_file and mosquitto.conf (the lines to include) into `dir`, from
 * the hub's device registry. Mosquitto rereads the first two on SIGHUP.
 */
export async function writeMosquittoFiles(
  registry: DeviceRegistry,
  topicPrefix: string,
  dir: string,
): Promise<void> {
  registry.agentCredentials();
  const users = registry
    .list()
    .concat(registry.trackers())
    .map((d) => ({
      role: d.role,
      store: registry.store,
      device: d.id,
      hash: d.hash,
      revoked: d.revoked,
      ...(d.ticket !== undefined ? { ticket: d.ticket } : {}),
    }));
  const files = mosquittoFiles(users, topicPrefix, dir, MAX_PUBLISH_BYTES);
  await mkdir(dir, { recursive: true });
  await writeAtomically(join(dir, 'password_file'), files.passwordFile, 0o600);
  await writeAtomically(join(dir, 'acl_file'), files.aclFile, 0o644);
  await writeAtomically(join(dir, 'mosquitto.conf'), files.conf, 0o644);
}

/** Write then rename: Mosquitto reloading (SIGHUP) never reads half a file. */
async function writeAtomically(path: string, text: string, mode: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode });
  await chmod(tmp, mode);
  await rename(tmp, path);
}
