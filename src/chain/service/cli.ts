/**
 * `nextup chain serve --nats <urls> --port <n> [--creds <file>] [--stores <chain.json>]
 * [--host <addr>] [--dist <dir>]`: parses the command, connects to the chain's cluster (NKey and
 * the chain's certificate authority from the credentials file) and runs one chain service
 * instance until SIGINT or SIGTERM.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseChainCreds } from '../../domain/chain/creds.ts';
import { connectChain } from '../connect.ts';
import { createConsoleLogger } from '../../hub/log.ts';
import { startChainService } from './service.ts';
import { loadStoreList, type StoreList } from './store-list.ts';
import { ChainFileError } from '../chain-file.ts';

export interface ChainServeArgs {
  readonly nats: readonly string[];
  readonly port: number;
  readonly host: string;
  readonly creds?: string;
  readonly stores?: string;
  readonly dist?: string;
}

export const CHAIN_SERVE_USAGE =
  'nextup chain serve --nats nats://h1:4222,nats://h2:4222 --port 8090 [--creds <file>] ' +
  '[--stores <chain.json>] [--host 127.0.0.1] [--dist dist]';

/** The arguments after `chain serve`; the error says which one is wrong. */
export function parseChainServeArgs(argv: readonly string[]): ChainServeArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!['--nats', '--port', '--creds', '--stores', '--host', '--dist'].includes(flag))
      throw new Error(`unknown option ${flag}`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    values.set(flag, value);
  }
  const nats = (values.get('--nats') ?? '').split(',').filter((s) => s !== '');
  if (nats.length === 0) throw new Error('--nats: give the cluster URLs, comma-separated');
  const port = Number(values.get('--port'));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('--port: a port number (0 picks a free one)');
  const opt = (flag: string, key: string) => (values.has(flag) ? { [key]: values.get(flag)! } : {});
  return {
    nats,
    port,
    host: values.get('--host') ?? '127.0.0.1',
    ...opt('--creds', 'creds'),
    ...opt('--stores', 'stores'),
    ...opt('--dist', 'dist'),
  };
}

const REPO_DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

export async function runChainServe(
  argv: readonly string[],
  io: { stderr(line: string): void },
): Promise<number> {
  let args: ChainServeArgs;
  try {
    args = parseChainServeArgs(argv);
  } catch (err) {
    io.stderr(`nextup chain serve: ${(err as Error).message}`);
    io.stderr(`usage: ${CHAIN_SERVE_USAGE}`);
    return 2;
  }
  const log = createConsoleLogger();
  const creds = args.creds
    ? parseChainCreds(await readFile(args.creds, 'utf8'), args.creds)
    : undefined;
  let stores: StoreList;
  try {
    stores = await loadStoreList(args.stores);
  } catch (err) {
    if (!(err instanceof ChainFileError)) throw err;
    io.stderr(err.message);
    return 1;
  }
  const nc = await connectChain({
    servers: args.nats,
    ...(creds ? { creds } : {}),
    name: 'nextup-chain-service',
  });
  const service = await startChainService({
    nc,
    stores,
    port: args.port,
    host: args.host,
    distDir: args.dist ?? REPO_DIST,
    log,
  });
  // the port chosen, for scripts and tests that pass --port 0
  io.stderr(`chain service listening on ${args.host}:${service.port}`);
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      log.info('chain', `${signal} received: shutting down`);
      service
        .close()
        .then(() => nc.drain())
        .then(
          () => resolve(0),
          () => resolve(1),
        );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
