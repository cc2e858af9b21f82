import { isIP } from 'node:net';
import path from 'node:path';
import { isValidHostname } from './tls/hub-names.ts';
import type { HubOptions } from './hub.ts';
import { resolveFromRepo } from './paths.ts';
import { readVapidKeysFile } from './push/vapid-file.ts';
import {
  chainServers,
  checkChain,
  withChainCreds,
  withChainRate,
  withChainServers,
} from './chain/chain-args.ts';

export const USAGE = `Usage:
  nextup serve [options]        start the store hub (app, MQTT broker, store agent)
  nextup check-config [dir]     check a store configuration (default: kiosk-config)
  nextup replay <log.jsonl> [--config dir] [--out file] [--quiet]
                                replay a portable event log through the wait-time
                                estimator, online: one JSON line per issued ticket
                                {"ticket","predictedSec","lowSec","highSec","actualSec"},
                                then {"summary":{"n","maeSec","rmseSec","rase","coverage80",
                                "issued"}}
  nextup whatif <log.jsonl> --counters <schedule> [--target-sec n] [--config dir] [--json]
                                the log's customers under another counter schedule:
                                average and 90th-percentile wait, share within target,
                                per service and hour. <schedule> is a file, or changes
                                separated by ";", e.g. "+1 returns 12:00-14:00; -c3 12:00-13:00"
  nextup export --from YYYY-MM-DD --to YYYY-MM-DD [--data dir] [--config dir] [--out file]
                                the store's history of those days as a portable event log
  nextup import <log.jsonl> [--data dir] [--config dir] [--quiet]
                                a portable event log into the history (to restore, or to
                                analyse another store); refuses days that have history
  nextup mosquitto-config --out <dir> [--data dir] [--config dir] [--hostname a,b]
                          [--mqtts-port 8883] [--wss-port 9443]
                                write password_file, acl_file and mosquitto.conf lines for an
                                external Mosquitto from the hub's enrolled devices and roles,
                                and tls.conf: mqtts and wss listeners with a certificate
                                from the store authority (in <data>/tls, made if missing)
  nextup chain <command>        a chain of stores on a NATS JetStream cluster:
                                nextup chain --help lists its commands
  nextup --help                 show this help

--config gives the store's time zone, service times and targets: replay uses it only when
given (else UTC, and service times are learned from the log alone); whatif and export default
to kiosk-config [NEXTUP_CONFIG]. Progress goes to stderr on long runs when it is a terminal (--quiet: none).
Exit codes: 0 done, 1 bad input (the message names the file and line), 2 bad command line.

Options for serve (environment variable in brackets):
  --port <n>          HTTP port, 0 = any free port    [NEXTUP_PORT]       default 8080
  --host <address>    address to listen on            [NEXTUP_HOST]       default 127.0.0.1
                      (0.0.0.0 to serve the store network)
  --mqtt-port <n>     embedded broker's MQTT/TCP port [NEXTUP_MQTT_PORT]  default 1883
  --broker <url>      use an external broker, e.g. mqtt://127.0.0.1:1883  [NEXTUP_BROKER]
                      (no embedded broker is started)
  --broker-ws <url>   WebSocket URL browsers use for that broker,
                      e.g. ws://127.0.0.1:9001                            [NEXTUP_BROKER_WS]
  --config <dir>      store configuration directory   [NEXTUP_CONFIG]     default kiosk-config
  --data <dir>        event history directory         [NEXTUP_DATA]       default data
  --dist <dir>        built app directory             [NEXTUP_DIST]       default dist
  --broker-acl <dir>  with --broker: folder of Mosquitto's password_file and acl_file; the
                      hub rewrites them when devices are enrolled or revoked (then SIGHUP
                      Mosquitto). Needed for --broker with a --host other than loopback.
                                                      [NEXTUP_BROKER_ACL]
  --tls-cert <file>   PEM certificate: serve https, wss and mqtts     [NEXTUP_TLS_CERT]
  --tls-key <file>    its PEM private key                             [NEXTUP_TLS_KEY]
  --hostname <name>   a name tablets use for this hub, e.g. store-hub.local; repeatable
                      (env: names separated by commas)                [NEXTUP_HOSTNAME]
  --http-port <n>     plain-HTTP port of the setup page               [NEXTUP_HTTP_PORT]  default 8081
  --plain-http        serve the store network without TLS (behind a TLS proxy only:
                      tablets then cannot start offline)              [NEXTUP_PLAIN_HTTP]
  --chain <nodes>     the chain's NATS cluster, e.g. nats://h1:4222,nats://h2:4222,nats://h3:4222:
                      every store event and the live waits go there too  [NEXTUP_CHAIN]
  --chain-creds <file>  this store's chain credentials (nextup chain add-store)
                                                      [NEXTUP_CHAIN_CREDS]
  --chain-rate <n>    events per second at most while catching up     [NEXTUP_CHAIN_RATE] default 500
  --web-push <file>   VAPID keys (JSON: publicKey, privateKey, subject): the tracking page's
                      alerts also arrive as Web Push with the page closed  [NEXTUP_WEB_PUSH]

Store network mode: with a --host other than loopback (e.g. 0.0.0.0) or any --hostname, the
hub makes the store's own certificate authority (in <data>/tls) and serves https and wss on
--port and mqtts on --mqtt-port with a certificate for every name and address it serves,
and a setup page on --http-port from which each tablet downloads the authority to trust once.
--tls-cert/--tls-key (a certificate from IT or ACME) take the place of the store authority.
`;

/** A mistake in the command line: one line of explanation, then the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'serve'; readonly options: HubOptions }
  | { readonly kind: 'check-config'; readonly target: string | undefined }
  | ReplayCommand
  | WhatIfCommand
  | ExportCommand
  | ImportCommand
  | MosquittoConfigCommand;

export interface ImportCommand {
  readonly kind: 'import';
  readonly file: string;
  readonly dataDir: string;
  readonly configDir: string;
  readonly quiet: boolean;
}

export interface MosquittoConfigCommand {
  readonly kind: 'mosquitto-config';
  readonly out: string;
  readonly dataDir: string;
  readonly configDir: string;
  /** Names tablets use for the broker, besides the machine's own. */
  readonly hostnames: readonly string[];
  readonly tlsPorts: { readonly mqtts: number; readonly wss: number };
}

export interface ReplayCommand {
  readonly kind: 'replay';
  readonly file: string;
  readonly configDir?: string;
  readonly out?: string;
  readonly quiet: boolean;
}

export interface WhatIfCommand {
  readonly kind: 'whatif';
  readonly file: string;
  /** A schedule file, or the changes themselves separated by ";" or new lines. */
  readonly counters: string;
  readonly targetSec?: number;
  readonly configDir: string;
  readonly json: boolean;
  readonly quiet: boolean;
}

export interface ExportCommand {
  readonly kind: 'export';
  /** Store days, YYYY-MM-DD, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly dataDir: string;
  readonly configDir: string;
  readonly out?: string;
  readonly quiet: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

interface FlagSpec {
  readonly env: string;
  /** The options this flag sets, given those set so far (repeatable flags add to them). */
  readonly apply: (value: string, from: string, sofar: HubOptions) => HubOptions;
}

function port(value: string, from: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`${from} must be a port number from 0 to 65535 (got "${value}")`);
  }
  return Number(value);
}

function url(value: string, from: string, schemes: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(`${from} must be a URL such as ${schemes[0]}//127.0.0.1 (got "${value}")`);
  }
  if (!schemes.includes(parsed.protocol)) {
    throw new UsageError(`${from} must start with ${schemes.join(', ')} (got "${value}")`);
  }
  return value;
}

function nonEmpty(value: string, from: string): string {
  if (value.trim() === '') throw new UsageError(`${from} must not be empty`);
  return value;
}

// Relative paths typed by a person mean "from where I am", unlike the repo-root defaults.
const dir = (value: string, from: string) => path.resolve(nonEmpty(value, from));

const SERVE_FLAGS: Record<string, FlagSpec> = {
  '--port': { env: 'NEXTUP_PORT', apply: (v, f) => ({ port: port(v, f) }) },
  '--host': { env: 'NEXTUP_HOST', apply: (v, f) => ({ host: nonEmpty(v, f) }) },
  '--mqtt-port': { env: 'NEXTUP_MQTT_PORT', apply: (v, f) => ({ mqttPort: port(v, f) }) },
  '--broker': {
    env: 'NEXTUP_BROKER',
    apply: (v, f) => ({ brokerUrl: url(v, f, ['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'ws:', 'wss:']) }),
  },
  '--broker-ws': {
    env: 'NEXTUP_BROKER_WS',
    apply: (v, f) => ({ brokerWsUrl: url(v, f, ['ws:', 'wss:']) }),
  },
  '--config': { env: 'NEXTUP_CONFIG', apply: (v, f) => ({ configDir: dir(v, f) }) },
  '--data': { env: 'NEXTUP_DATA', apply: (v, f) => ({ dataDir: dir(v, f) }) },
  '--dist': { env: 'NEXTUP_DIST', apply: (v, f) => ({ distDir: dir(v, f) }) },
  '--broker-acl': { env: 'NEXTUP_BROKER_ACL', apply: (v, f) => ({ brokerAclDir: dir(v, f) }) },
  '--tls-cert': {
    env: 'NEXTUP_TLS_CERT',
    apply: (v, f) => ({ tlsCert: path.resolve(nonEmpty(v, f)) }),
  },
  '--tls-key': {
    env: 'NEXTUP_TLS_KEY',
    apply: (v, f) => ({ tlsKey: path.resolve(nonEmpty(v, f)) }),
  },
  '--hostname': {
    env: 'NEXTUP_HOSTNAME',
    apply: (v, f, sofar) => ({ hostnames: [...(sofar.hostnames ?? []), ...hostnames(v, f)] }),
  },
  '--http-port': { env: 'NEXTUP_HTTP_PORT', apply: (v, f) => ({ httpPort: port(v, f) }) },
  '--plain-http': { env: 'NEXTUP_PLAIN_HTTP', apply: (v, f) => ({ plainHttp: yes(v, f) }) },
  '--chain': {
    env: 'NEXTUP_CHAIN',
    apply: (v, f, sofar) => ({ chain: withChainServers(sofar.chain, chainServers(v, f, usage)) }),
  },
  '--chain-creds': {
    env: 'NEXTUP_CHAIN_CREDS',
    apply: (v, f, sofar) => ({ chain: withChainCreds(sofar.chain, v, f, usage) }),
  },
  '--chain-rate': {
    env: 'NEXTUP_CHAIN_RATE',
    apply: (v, f, sofar) => ({ chain: withChainRate(sofar.chain, v, f, usage) }),
  },
  '--web-push': {
    env: 'NEXTUP_WEB_PUSH',
    apply: (v, f) => {
      try {
        return { webPush: readVapidKeysFile(path.resolve(nonEmpty(v, f))) };
      } catch (error) {
        throw usage(`${f}: ${(error as Error).message}`);
      }
    },
  },
};

const usage = (m: string): UsageError => new UsageError(m);

/** One name, or several separated by commas (the environment variable's form). */
function hostnames(value: string, from: string): string[] {
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0) throw new UsageError(`${from} needs a host name`);
  for (const name of names) {
    if (!isValidHostname(name) && isIP(name) === 0) {
      throw new UsageError(
        `${from} must be a host name such as store-hub.local or an IP address (got "${name}")`,
      );
    }
  }
  return names;
}

function yes(value: string, from: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new UsageError(`${from} must be true or false (got "${value}")`);
}

/** Splits "--flag=value" and "--flag value" into pairs; anything else is positional. */
type Flag = readonly [name: string, value: string | undefined];

function readFlags(
  args: readonly string[],
  booleans: ReadonlySet<string> = new Set(),
): { flags: Flag[]; positional: string[] } {
  const flags: Flag[] = [];
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--help' || name === '-h') {
      flags.push([name, undefined]);
      continue;
    }
    if (booleans.has(name) && eq < 0) {
      flags.push([name, 'true']);
      continue;
    }
    if (eq > 0) {
      flags.push([name, arg.slice(eq + 1)]);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || (value.startsWith('--') && value.length > 2)) {
      flags.push([name, undefined]);
    } else {
      flags.push([name, value]);
      i++;
    }
  }
  return { flags, positional };
}

export function parseCli(argv: readonly string[], env: Env = {}): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    return { kind: 'help' };
  }
  const { flags, positional } = readFlags(rest, BOOLEAN_FLAGS);
  if (flags.some(([name]) => name === '--help' || name === '-h')) return { kind: 'help' };

  switch (command) {
    case 'serve':
      return { kind: 'serve', options: serveOptions(flags, positional, env) };
    case 'check-config': {
      const [first] = flags;
      if (first) throw new UsageError(`unknown option for check-config: ${first[0]}`);
      if (positional.length > 1) {
        throw new UsageError(`check-config takes one directory, got ${positional.length}`);
      }
      return { kind: 'check-config', target: positional[0] ?? env.NEXTUP_CONFIG };
    }
    case 'replay':
      return replayCommand(flags, positional);
    case 'whatif':
      return whatIfCommand(flags, positional, env);
    case 'export':
      return exportCommand(flags, positional, env);
    case 'import':
      return importCommand(flags, positional, env);
    case 'mosquitto-config': {
      if (positional.length > 0) {
        throw new UsageError(`mosquitto-config takes no arguments (got "${positional[0]}")`);
      }
      const f = toolFlags('mosquitto-config', flags, [
        '--out',
        '--data',
        '--config',
        '--hostname',
        '--mqtts-port',
        '--wss-port',
      ]);
      const names = f.get('--hostname') ?? env.NEXTUP_HOSTNAME;
      const out = f.get('--out');
      if (out === undefined) throw new UsageError('mosquitto-config needs --out <dir>');
      const data = f.get('--data') ?? env.NEXTUP_DATA;
      return {
        kind: 'mosquitto-config',
        out: dir(out, '--out'),
        dataDir: data !== undefined ? dir(data, '--data') : resolveFromRepo('data'),
        configDir: configDirFrom(f.get('--config'), env),
        hostnames: names !== undefined ? hostnames(names, '--hostname') : [],
        tlsPorts: {
          mqtts: port(f.get('--mqtts-port') ?? '8883', '--mqtts-port'),
          wss: port(f.get('--wss-port') ?? '9443', '--wss-port'),
        },
      };
    }
    default:
      throw new UsageError(
        command.startsWith('-') ? `unknown option: ${command}` : `unknown command: ${command}`,
      );
  }
}

function serveOptions(flags: readonly Flag[], positional: string[], env: Env): HubOptions {
  if (positional.length > 0) {
    throw new UsageError(`serve takes no arguments (got "${positional[0]}")`);
  }
  // Environment first, so flags win.
  let options: HubOptions = {};
  for (const spec of Object.values(SERVE_FLAGS)) {
    const value = env[spec.env];
    if (value !== undefined && value !== '') {
      options = { ...options, ...spec.apply(value, spec.env, options) };
    }
  }
  for (const [name, value] of flags) {
    const spec = SERVE_FLAGS[name];
    if (!spec) throw new UsageError(`unknown option: ${name}`);
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    options = { ...options, ...spec.apply(value, name, options) };
  }
  checkChain(options.chain, usage);
  return options;
}

const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(['--quiet', '--json', '--plain-http']);

/** The flags of a tool command: each at most once, each known, each with its value. */
function toolFlags(
  command: string,
  flags: readonly Flag[],
  allowed: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of flags) {
    if (!allowed.includes(name)) throw new UsageError(`unknown option for ${command}: ${name}`);
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    if (out.has(name)) throw new UsageError(`${name} given twice`);
    out.set(name, value);
  }
  return out;
}

function oneLog(command: string, positional: readonly string[]): string {
  if (positional.length === 0) throw new UsageError(`${command} needs a log file (JSON Lines)`);
  if (positional.length > 1) {
    throw new UsageError(`${command} takes one log file, got ${positional.length}`);
  }
  return nonEmpty(positional[0]!, `${command}'s log file`);
}

function replayCommand(flags: readonly Flag[], positional: readonly string[]): ReplayCommand {
  const f = toolFlags('replay', flags, ['--config', '--out', '--quiet']);
  const config = f.get('--config');
  const out = f.get('--out');
  return {
    kind: 'replay',
    file: path.resolve(oneLog('replay', positional)),
    ...(config !== undefined ? { configDir: dir(config, '--config') } : {}),
    ...(out !== undefined ? { out: path.resolve(nonEmpty(out, '--out')) } : {}),
    quiet: f.has('--quiet'),
  };
}

function whatIfCommand(
  flags: readonly Flag[],
  positional: readonly string[],
  env: Env,
): WhatIfCommand {
  const f = toolFlags('whatif', flags, [
    '--counters',
    '--target-sec',
    '--config',
    '--json',
    '--quiet',
  ]);
  const counters = f.get('--counters');
  if (counters === undefined) {
    throw new UsageError('whatif needs --counters <schedule>, e.g. "+1 returns 12:00-14:00"');
  }
  const target = f.get('--target-sec');
  if (target !== undefined && !(/^\d+$/.test(target) && Number(target) > 0)) {
    throw new UsageError(
      `--target-sec must be a whole number of seconds above 0 (got "${target}")`,
    );
  }
  const config = f.get('--config');
  return {
    kind: 'whatif',
    file: path.resolve(oneLog('whatif', positional)),
    counters: nonEmpty(counters, '--counters'),
    ...(target !== undefined ? { targetSec: Number(target) } : {}),
    configDir: configDirFrom(config, env),
    json: f.has('--json'),
    quiet: f.has('--quiet'),
  };
}

/** --config, else NEXTUP_CONFIG, else the repository's kiosk-config. */
function configDirFrom(flag: string | undefined, env: Env): string {
  if (flag !== undefined) return dir(flag, '--config');
  if (env.NEXTUP_CONFIG) return dir(env.NEXTUP_CONFIG, 'NEXTUP_CONFIG');
  return resolveFromRepo('kiosk-config');
}

function storeDay(value: string | undefined, from: string): string {
  if (value === undefined) throw new UsageError(`export needs ${from} YYYY-MM-DD`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${from} must be a date as YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

function exportCommand(
  flags: readonly Flag[],
  positional: readonly string[],
  env: Env,
): ExportCommand {
  if (positional.length > 0) {
    throw new UsageError(`export takes no file; use --out (got "${positional[0]}")`);
  }
  const f = toolFlags('export', flags, [
    '--from',
    '--to',
    '--data',
    '--config',
    '--out',
    '--quiet',
  ]);
  const from = storeDay(f.get('--from'), '--from');
  const to = storeDay(f.get('--to'), '--to');
  if (to < from) throw new UsageError(`--to (${to}) is before --from (${from})`);
  const data = f.get('--data');
  const config = f.get('--config');
  const out = f.get('--out');
  return {
    kind: 'export',
    from,
    to,
    dataDir: dataDirFrom(data, env),
    configDir: configDirFrom(config, env),
    ...(out !== undefined ? { out: path.resolve(nonEmpty(out, '--out')) } : {}),
    quiet: f.has('--quiet'),
  };
}

/** --data, else NEXTUP_DATA, else the repository's data folder. */
function dataDirFrom(flag: string | undefined, env: Env): string {
  if (flag !== undefined) return dir(flag, '--data');
  if (env.NEXTUP_DATA) return dir(env.NEXTUP_DATA, 'NEXTUP_DATA');
  return resolveFromRepo('data');
}

function importCommand(
  flags: readonly Flag[],
  positional: readonly string[],
  env: Env,
): ImportCommand {
  const f = toolFlags('import', flags, ['--data', '--config', '--quiet']);
  return {
    kind: 'import',
    file: path.resolve(oneLog('import', positional)),
    dataDir: dataDirFrom(f.get('--data'), env),
    configDir: configDirFrom(f.get('--config'), env),
    quiet: f.has('--quiet'),
  };
}
