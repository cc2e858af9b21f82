// A chain as an administrator makes it (nextup chain init, add-store, add-user) on a real
// 3-node cluster with the chain's users and TLS: what the security test and the benchmark run on.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { addStores, CHAIN_FILES, initChain } from '../../src/chain/admin.ts';
import { issueNodeCertificate } from '../../src/chain/cluster-files.ts';
import { connectChain } from '../../src/chain/connect.ts';
import { ensureChainStreams } from '../../src/chain/streams.ts';
import { parseChainCreds, type ChainCreds } from '../../src/domain/chain/creds.ts';
import { startNatsCluster, type NatsCluster } from './nats-cluster.ts';

export interface SecuredChain {
  readonly cluster: NatsCluster;
  readonly dir: string;
  readonly chainFile: string;
  readonly serviceCredsFile: string;
  readonly service: ChainCreds;
  /** The credentials of a store added with the chain. */
  storeCreds(id: string): ChainCreds;
  storeCredsFile(id: string): string;
  stop(): Promise<void>;
}

export function readCreds(file: string): ChainCreds {
  return parseChainCreds(readFileSync(file, 'utf8'), file);
}

/** A chain with `stores` (ids), its cluster started and its streams made by the service user. */
export async function startSecuredChain(
  stores: readonly { id: string; region?: string; timeZone?: string }[],
): Promise<SecuredChain> {
  const dir = mkdtempSync(join(tmpdir(), 'nextup-chain-'));
  const { serviceCreds } = await initChain(dir, { id: 'demo', name: 'Demo chain' });
  await addStores(
    dir,
    stores.map((s) => ({
      id: s.id,
      name: s.id,
      region: s.region ?? 'North',
      timeZone: s.timeZone ?? 'UTC',
    })),
  );
  const cluster = await startNatsCluster({
    config: async (node, confDir) => ({
      authFile: relative(confDir, resolve(dir, CHAIN_FILES.auth)),
      tls: { caFile: resolve(dir, CHAIN_FILES.caCert), ...(await issueNodeCertificate(dir, node)) },
    }),
  });
  const service = readCreds(serviceCreds);
  const nc = await connectChain({ servers: cluster.servers, creds: service });
  await ensureChainStreams(await jetstreamManager(nc));
  await nc.close();
  const credsFile = (id: string) => join(dir, CHAIN_FILES.creds, `${id}.json`);
  return {
    cluster,
    dir,
    chainFile: join(dir, CHAIN_FILES.chain),
    serviceCredsFile: serviceCreds,
    service,
    storeCreds: (id) => readCreds(credsFile(id)),
    storeCredsFile: credsFile,
    stop: async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
