// Chain service instances for the e2e tests: in-process (closed by the test) or a child process
// of `nextup chain serve` (killed with SIGKILL), both on a real cluster.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ChainStoreInfo } from '../../src/domain/chain/chain-board.ts';
import { startChainService, type ChainService } from '../../src/chain/service/service.ts';
import { storeList } from '../../src/chain/service/store-list.ts';
import { createMemoryLogger } from '../../src/hub/log.ts';

export interface InProcessService {
  readonly service: ChainService;
  readonly url: string;
  readonly nc: NatsConnection;
  close(): Promise<void>;
}

export async function inProcessService(
  servers: readonly string[],
  stores: readonly ChainStoreInfo[],
  opts: { ackWaitMs?: number } = {},
): Promise<InProcessService> {
  const nc = await connect({ servers: [...servers] });
  const service = await startChainService({
    nc,
    stores: storeList(stores),
    port: 0,
    distDir: join(process.cwd(), 'dist'),
    log: createMemoryLogger(),
    debounceMs: 100,
    ackWaitMs: opts.ackWaitMs ?? 3000,
  });
  return {
    service,
    nc,
    url: `http://127.0.0.1:${service.port}`,
    close: async () => {
      await service.close();
      await nc.close();
    },
  };
}

export interface ChildService {
  readonly url: string;
  readonly proc: ChildProcess;
  kill9(): Promise<void>;
}

/**
 * A chain file as `nextup chain add-store` writes it; the keys only have to be well formed, as
 * this cluster runs without users.
 */
function writeTestChainFile(file: string, stores: readonly ChainStoreInfo[]): void {
  const nkey = (i: number) => 'U' + String.fromCharCode(65 + (i % 26)).repeat(55);
  writeFileSync(
    file,
    JSON.stringify({
      chain: { id: 'test', name: 'Test chain' },
      stores: stores.map((s, i) => ({ ...s, nkey: nkey(i) })),
      users: [],
    }),
  );
}

/** `nextup chain serve` as its own process; resolves once it says which port it listens on. */
export async function childService(
  servers: readonly string[],
  stores: readonly ChainStoreInfo[],
  dir: string,
  /** A chain made by `nextup chain init` (its chain.json) and the service user's creds. */
  secured?: { readonly chainFile: string; readonly creds: string },
): Promise<ChildService> {
  const file = secured?.chainFile ?? join(dir, 'chain.json');
  if (!secured) writeTestChainFile(file, stores);
  const args = ['src/hub/bin.mjs', 'chain', 'serve', '--nats', servers.join(',')];
  args.push('--port', '0', '--stores', file, ...(secured ? ['--creds', secured.creds] : []));
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  const port = await new Promise<number>((resolve, reject) => {
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on [^:]+:(\d+)/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (code) => reject(new Error(`chain serve exited ${code}: ${err}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    kill9: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      }),
  };
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
