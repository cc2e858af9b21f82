import path from 'node:path';
import type { HubOptions } from './hub.ts';

export const USAGE = `Usage:
  nextup serve [options]        start the store hub (app, MQTT broker, store agent)
  nextup check-config [dir]     check a store configuration (default: kiosk-config)
  nextup --help                 show this help

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
  | { readonly kind: 'check-config'; readonly target: string | undefined };

type Env = Readonly<Record<string, string | undefined>>;

interface FlagSpec {
  readonly env: string;
  readonly apply: (value: string, from: string) => HubOptions;
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
};

/** Splits "--flag=value" and "--flag value" into pairs; anything else is positional. */
type Flag = readonly [name: string, value: string | undefined];

function readFlags(args: readonly string[]): { flags: Flag[]; positional: string[] } {
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
  const { flags, positional } = readFlags(rest);
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
      options = { ...options, ...spec.apply(value, spec.env) };
    }
  }
  for (const [name, value] of flags) {
    const spec = SERVE_FLAGS[name];
    if (!spec) throw new UsageError(`unknown option: ${name}`);
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    options = { ...options, ...spec.apply(value, name) };
  }
  return options;
}
