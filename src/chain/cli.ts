/**
 * `npx nextup chain <command>`: the chain's commands, each in its own module, loaded only when
 * run (a store hub that never joins a chain loads none of them).
 */
import type { CliIo } from '../hub/cli.ts';

export type ChainCommand = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { readonly help: string; load(): Promise<ChainCommand> }> = {
  serve: {
    help: "one chain service instance: rollups, /chain and every store's reports API",
    load: async () => (await import('./service/cli.ts')).runChainServe,
  },
  init: {
    help: "a new chain in a folder: its chain file, authority and the service's user",
    load: async () => (await import('./admin-cli.ts')).initCommand,
  },
  'add-store': {
    help: 'a store joins: its own cluster user, limited to its own subjects',
    load: async () => (await import('./admin-cli.ts')).addStoreCommand,
  },
  'add-user': {
    help: 'a chain service instance or a read-only reader',
    load: async () => (await import('./admin-cli.ts')).addUserCommand,
  },
  cluster: {
    help: "the cluster's node configurations and certificates, one per host",
    load: async () => (await import('./admin-cli.ts')).clusterCommand,
  },
};

export const CHAIN_USAGE = () =>
  [
    'Usage: nextup chain <command> [options]',
    ...Object.entries(COMMANDS).map(([name, c]) => `  nextup chain ${name.padEnd(12)} ${c.help}`),
  ].join('\n');

/** Runs one chain command; 2 for an unknown one, with the list of commands. */
export async function runChain(args: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === 'help') {
    io.stdout(CHAIN_USAGE());
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.stderr(name ? `unknown chain command: ${name}` : 'which chain command?');
    io.stderr(CHAIN_USAGE());
    return 2;
  }
  return (await command.load())(rest, io);
}
