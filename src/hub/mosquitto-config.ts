import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mosquittoFiles } from '../domain/security/mosquitto.ts';
import { MAX_PUBLISH_BYTES } from './broker.ts';
import { brokerLimits } from './broker-gate.ts';
import type { DeviceRegistry } from './device-registry.ts';
import type { Logger } from './log.ts';
import { displayPath } from './paths.ts';
import type { TlsMaterial } from './tls/hub-tls.ts';

/** The embedded broker's own caps: one limit whichever broker the store runs. */
export const MOSQUITTO_LIMITS = {
  maxPayloadBytes: MAX_PUBLISH_BYTES,
  maxPacketBytes: brokerLimits(MAX_PUBLISH_BYTES).maxPacketBytes,
} as const;

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
  const files = mosquittoFiles(users, topicPrefix, dir, MOSQUITTO_LIMITS);
  await mkdir(dir, { recursive: true });
  // the ACL first: a reload between the two files must never let a new device log in
  // without its topics (it would connect and be silently denied everything)
  await writeAtomically(join(dir, 'acl_file'), files.aclFile, 0o644);
  await writeAtomically(join(dir, 'password_file'), files.passwordFile, 0o600);
  await writeAtomically(join(dir, 'mosquitto.conf'), files.conf, 0o644);
}

/** Write then rename: Mosquitto reloading (SIGHUP) never reads half a file. */
async function writeAtomically(path: string, text: string, mode: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode });
  await chmod(tmp, mode);
  await rename(tmp, path);
}

/** Where Mosquitto's TLS listeners are, for tablets (wss) and plain MQTT clients (mqtts). */
export interface MosquittoTlsPorts {
  readonly mqtts: number;
  readonly wss: number;
}

export const MOSQUITTO_TLS_CONF = 'tls.conf';

/**
 * Copies the hub certificate and key next to the ACL files (readable by Mosquitto, which may
 * not read the hub's data folder) and writes tls.conf: an mqtts and a wss listener that use
 * them. The hub rewrites both when it issues a new certificate.
 */
export async function writeMosquittoTls(
  dir: string,
  material: { readonly cert: string; readonly key: string; readonly ca: string },
  ports: MosquittoTlsPorts,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const cert = join(dir, 'hub.crt');
  const key = join(dir, 'hub.key');
  await writeAtomically(cert, material.cert, 0o644);
  await writeAtomically(key, material.key, 0o600);
  await writeAtomically(join(dir, 'ca.crt'), material.ca, 0o644);
  const listener = (port: number, websockets: boolean) => [
    `listener ${port}`,
    ...(websockets ? ['protocol websockets'] : []),
    `certfile ${cert}`,
    `keyfile ${key}`,
  ];
  const conf = [
    '# Written by nextup from the store authority; do not edit. Tablets trust the authority.',
    ...listener(ports.mqtts, false),
    ...listener(ports.wss, true),
    '',
  ].join('\n');
  await writeAtomically(join(dir, MOSQUITTO_TLS_CONF), conf, 0o644);
}

/** TLS listener ports from the hub's own broker URLs (mqtts:// and wss://), else defaults. */
export function mosquittoTlsPorts(
  brokerUrl: string | undefined,
  brokerWsUrl: string | undefined,
): MosquittoTlsPorts {
  const portOf = (url: string | undefined, scheme: string): number | undefined => {
    if (!url) return undefined;
    const u = new URL(url);
    return u.protocol === scheme && u.port ? Number(u.port) : undefined;
  };
  return {
    mqtts: portOf(brokerUrl, 'mqtts:') ?? 8883,
    wss: portOf(brokerWsUrl, 'wss:') ?? 9443,
  };
}

/**
 * Keeps an external Mosquitto's files current: the device list on every enrollment and
 * revocation, and (with the store authority) the TLS listeners and certificate.
 */
export async function keepMosquittoFiles(opts: {
  readonly registry: DeviceRegistry;
  readonly topicPrefix: string;
  readonly dir: string;
  readonly log: Logger;
  readonly tls: () => TlsMaterial | undefined;
  readonly tlsPorts: MosquittoTlsPorts;
}): Promise<{ rewrite(): Promise<void> }> {
  const { registry, dir, log } = opts;
  // one write at a time, each from the registry as it is then: a burst of enrollments must
  // not let an older, shorter device list land last
  let writing: Promise<void> = Promise.resolve();
  const write = async (): Promise<void> => {
    await writeMosquittoFiles(registry, opts.topicPrefix, dir);
    const tls = opts.tls();
    if (tls) await writeMosquittoTls(dir, tls, opts.tlsPorts);
  };
  const rewrite = (): Promise<void> =>
    (writing = writing.then(() =>
      write().then(
        () =>
          log.info('devices', `Mosquitto files in ${displayPath(dir)} updated: reload it (SIGHUP)`),
        (err: unknown) =>
          log.error('devices', `cannot write Mosquitto files: ${(err as Error).message}`),
      ),
    ));
  await rewrite();
  registry.onChange(() => void rewrite());
  return { rewrite };
}
