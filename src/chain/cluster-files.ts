/**
 * The nodes of a chain's cluster as files in the chain's folder: `nodes/<name>.conf` for each
 * (cluster-config.ts, including the folder's auth.conf) and `nodes/<name>.crt|.key`, a
 * certificate from the chain's authority for the node's address, used for clients and routes.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join, relative, resolve } from 'node:path';
import * as x509 from '@peculiar/x509';
import { importKey, issueServerCertificate, writeAtomic } from '../hub/tls/store-authority.ts';
import { CHAIN_FILES } from './admin.ts';
import { nodeConfig, type ClusterNode } from './cluster-config.ts';

export interface NodePorts {
  readonly client: number;
  readonly cluster: number;
  readonly monitor: number;
  readonly mqtt: number;
}

export const DEFAULT_PORTS: NodePorts = { client: 4222, cluster: 6222, monitor: 8222, mqtt: 1883 };

/**
 * One node per host; a host named more than once (a trial on one machine) gets its ports
 * moved up by one per repeat, so the nodes do not collide.
 */
export function planNodes(
  dir: string,
  hosts: readonly string[],
  ports = DEFAULT_PORTS,
): ClusterNode[] {
  const seen = new Map<string, number>();
  return hosts.map((host, i) => {
    const k = seen.get(host) ?? 0;
    seen.set(host, k + 1);
    const name = `n${i + 1}`;
    return {
      name,
      host,
      clientPort: ports.client + k,
      clusterPort: ports.cluster + k,
      monitorPort: ports.monitor + k,
      mqttPort: ports.mqtt + k,
      storeDir: resolve(dir, 'data', name),
    };
  });
}

/** A certificate for `node`'s address from the chain's authority, in `<dir>/nodes/`. */
export async function issueNodeCertificate(
  dir: string,
  node: ClusterNode,
  now = new Date(),
): Promise<{ certFile: string; keyFile: string }> {
  const caPem = await readFile(join(dir, CHAIN_FILES.caCert), 'utf8');
  const caKey = await importKey(await readFile(join(dir, CHAIN_FILES.caKey), 'utf8'));
  const nodesDir = resolve(dir, 'nodes');
  await mkdir(nodesDir, { recursive: true, mode: 0o700 });
  const names = isIP(node.host)
    ? { dns: ['localhost'], ips: [node.host] }
    : { dns: [node.host], ips: [] };
  const cert = await issueServerCertificate(
    new x509.X509Certificate(caPem),
    caKey,
    names,
    now,
    true,
  );
  const certFile = join(nodesDir, `${node.name}.crt`);
  const keyFile = join(nodesDir, `${node.name}.key`);
  await writeAtomic(certFile, cert.certPem, false);
  await writeAtomic(keyFile, cert.keyPem, true);
  return { certFile, keyFile };
}

/** Writes every node's configuration and certificate; returns the configuration files. */
export async function writeClusterFiles(
  dir: string,
  nodes: readonly ClusterNode[],
  now = new Date(),
): Promise<string[]> {
  const nodesDir = resolve(dir, 'nodes');
  const files: string[] = [];
  for (const node of nodes) {
    const { certFile, keyFile } = await issueNodeCertificate(dir, node, now);
    await mkdir(node.storeDir, { recursive: true, mode: 0o700 });
    const conf = join(nodesDir, `${node.name}.conf`);
    const text = nodeConfig(node, nodes, {
      authFile: relative(nodesDir, resolve(dir, CHAIN_FILES.auth)),
      tls: { caFile: resolve(dir, CHAIN_FILES.caCert), certFile, keyFile },
    });
    await writeAtomic(conf, text, false);
    files.push(conf);
  }
  return files;
}
