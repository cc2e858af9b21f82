/**
 * The administrator's chain commands: `init`, `add-store`, `add-user` and `cluster`. Each
 * prints what it wrote and what to do next; mistakes exit 2 with the reason.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import type { CliIo } from '../hub/cli.ts';
import { displayPath } from '../hub/paths.ts';
import { addStore, addUser, CHAIN_FILES, ChainAdminError, initChain } from './admin.ts';
import { ChainFileError, loadChainFile } from './chain-file.ts';
import { DEFAULT_PORTS, planNodes, writeClusterFiles } from './cluster-files.ts';
import type { ChainCommand } from './cli.ts';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function fail(io: CliIo, message: string): number {
  io.stderr(message);
  return 2;
}

type StringOptions = Record<string, { type: 'string'; default?: string }>;

/** Parses `args` (every option takes a value); a mistake becomes a ChainAdminError. */
function parse<K extends string>(
  args: readonly string[],
  options: Record<K, StringOptions[string]>,
): { values: Partial<Record<K, string>>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values, positionals };
  } catch (err) {
    throw new ChainAdminError((err as Error).message);
  }
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new ChainAdminError(`--${name} must be a port from 1 to 65535 (got ${value})`);
  return n;
}

async function guarded(io: CliIo, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ChainAdminError) return fail(io, err.message);
    if (err instanceof ChainFileError) return fail(io, err.message);
    throw err;
  }
}

const DIR = { dir: { type: 'string' } } as const;
const dirOf = (values: { dir?: string }): string => values.dir ?? 'chain';

export const initCommand: ChainCommand = (args, io) =>
  guarded(io, async () => {
    const { values, positionals } = parse(args, { ...DIR, name: { type: 'string' } });
    const id = positionals[0];
    if (!id || !ID.test(id))
      return fail(io, 'usage: nextup chain init <chain-id> [--name "Name"] [--dir chain]');
    const { serviceCreds } = await initChain(dirOf(values), { id, name: values.name ?? id });
    io.stdout(
      `wrote ${displayPath(join(dirOf(values), CHAIN_FILES.chain))}, the chain's authority and ${displayPath(serviceCreds)}`,
    );
    io.stdout('next: nextup chain add-store <store-id> …, then nextup chain cluster --hosts …');
    return 0;
  });

export const addStoreCommand: ChainCommand = (args, io) =>
  guarded(io, async () => {
    const { values, positionals } = parse(args, {
      ...DIR,
      name: { type: 'string' },
      region: { type: 'string' },
      'time-zone': { type: 'string' },
    });
    const id = positionals[0];
    if (!id || !ID.test(id) || !values.region || !values['time-zone'])
      return fail(
        io,
        'usage: nextup chain add-store <store-id> --region <region> --time-zone <IANA zone> [--name "Name"] [--dir chain]',
      );
    const file = await addStore(dirOf(values), {
      id,
      name: values.name ?? id,
      region: values.region,
      timeZone: values['time-zone'],
    });
    io.stdout(
      `store ${id} added; its credentials: ${displayPath(file)} (give them to the store only)`,
    );
    io.stdout(
      `reload the cluster's nodes (kill -HUP each nats-server) so they know the store, then on the store: npm start -- --chain <urls> --chain-creds ${displayPath(file)}`,
    );
    return 0;
  });

export const addUserCommand: ChainCommand = (args, io) =>
  guarded(io, async () => {
    const mqtt = args.includes('--mqtt');
    const rest = args.filter((a) => a !== '--mqtt');
    const { values, positionals } = parse(rest, { ...DIR, kind: { type: 'string' } });
    const name = positionals[0];
    const kind = values.kind;
    if (!name || !ID.test(name) || (kind !== 'service' && kind !== 'reader'))
      return fail(
        io,
        'usage: nextup chain add-user <name> --kind service|reader [--mqtt] [--dir chain]',
      );
    const file = await addUser(dirOf(values), { name, kind, mqtt });
    io.stdout(
      `${kind} ${name} added; credentials: ${displayPath(file)}; reload the cluster's nodes`,
    );
    return 0;
  });

export const clusterCommand: ChainCommand = (args, io) =>
  guarded(io, async () => {
    const { values } = parse(args, {
      ...DIR,
      hosts: { type: 'string' },
      'client-port': { type: 'string' },
      'cluster-port': { type: 'string' },
      'monitor-port': { type: 'string' },
      'mqtt-port': { type: 'string' },
    });
    const hosts = (values.hosts ?? '').split(',').filter(Boolean);
    if (hosts.length < 3 || hosts.length % 2 === 0)
      return fail(
        io,
        'usage: nextup chain cluster --hosts h1,h2,h3 [--client-port 4222] [--cluster-port 6222] [--monitor-port 8222] [--mqtt-port 1883] [--dir chain]\n(an odd number of at least 3 nodes: JetStream needs a majority)',
      );
    await loadChainFile(join(dirOf(values), CHAIN_FILES.chain));
    const ports = {
      client: port(values['client-port'], DEFAULT_PORTS.client, 'client-port'),
      cluster: port(values['cluster-port'], DEFAULT_PORTS.cluster, 'cluster-port'),
      monitor: port(values['monitor-port'], DEFAULT_PORTS.monitor, 'monitor-port'),
      mqtt: port(values['mqtt-port'], DEFAULT_PORTS.mqtt, 'mqtt-port'),
    };
    const nodes = planNodes(dirOf(values), hosts, ports);
    const files = await writeClusterFiles(dirOf(values), nodes);
    files.forEach((f, i) =>
      io.stdout(`node ${nodes[i]?.name ?? ''}: nats-server -c ${displayPath(f)}`),
    );
    io.stdout(
      `stores connect with --chain ${nodes.map((n) => `tls://${n.host}:${n.clientPort}`).join(',')}`,
    );
    return 0;
  });
