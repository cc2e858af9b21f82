import { mkdir } from 'node:fs/promises';
import { USAGE, UsageError, parseCli, type MosquittoConfigCommand } from './cli-args.ts';
import { DeviceRegistry, EnrollmentError } from './device-registry.ts';
import { MOSQUITTO_TLS_CONF, writeMosquittoFiles, writeMosquittoTls } from './mosquitto-config.ts';
import { join } from 'node:path';
import { localized } from '../domain/config/types.ts';
import { currentNames } from './tls/hub-tls.ts';
import { ensureStoreTls } from './tls/store-authority.ts';
import { InputError, runExport, runImport, runReplay, runWhatIf } from './cli-portable.ts';
import {
  ConfigError,
  DEFAULT_CONFIG_DIR,
  configFilePath,
  loadStoreConfig,
} from './config-loader.ts';
import { startHub, type Hub, type HubOptions } from './hub.ts';
import { HubStartError } from './listen.ts';
import { terminalQr } from './terminal-qr.ts';
import { createConsoleLogger } from './log.ts';
import { displayPath } from './paths.ts';
import { processStdio } from './stdio.ts';

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Progress lines are for a person watching: only when stderr is a terminal. */
  readonly stderrIsTerminal?: boolean;
  stdout(line: string): void;
  stderr(line: string): void;
}

/**
 * `npx nextup ...` (src/hub/bin.mjs): runs one command with the process's own output and
 * resolves with the exit code once everything it wrote reached its pipe or file.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const stdio = processStdio();
  const code = await main(argv, {
    env: process.env,
    stderrIsTerminal: process.stderr.isTTY === true,
    stdout: (line) => stdio.stdout(`${line}\n`),
    stderr: (line) => stdio.stderr(`${line}\n`),
  });
  return stdio.finish(code);
}

/** Runs one command and resolves with the process exit code (serve: after shutdown). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    // the chain's commands have their own parser (src/chain/service/cli.ts)
    if (argv[0] === 'chain' && argv[1] === 'serve') {
      const { runChainServe } = await import('../chain/service/cli.ts');
      return await runChainServe(argv.slice(2), io);
    }
    const command = parseCli(argv, io.env);
    switch (command.kind) {
      case 'help':
        io.stdout(USAGE);
        return 0;
      case 'check-config':
        return await checkConfig(command.target, io);
      case 'serve':
        return await serve(command.options);
      case 'replay':
        return await runReplay(command, io);
      case 'whatif':
        return await runWhatIf(command, io);
      case 'export':
        return await runExport(command, io);
      case 'import':
        return await runImport(command, io);
      case 'mosquitto-config':
        return await mosquittoConfig(command, io);
    }
  } catch (err) {
    return report(err, io);
  }
}

async function checkConfig(target: string | undefined, io: CliIo): Promise<number> {
  const file = await configFilePath(target ?? DEFAULT_CONFIG_DIR);
  const cfg = await loadStoreConfig(file);
  io.stdout(
    `${displayPath(file)}: OK (store ${cfg.store.id}: ${cfg.services.length} services, ` +
      `${cfg.counters.length} counters, ${cfg.kiosks.length} kiosks)`,
  );
  return 0;
}

async function mosquittoConfig(command: MosquittoConfigCommand, io: CliIo): Promise<number> {
  const cfg = await loadStoreConfig(await configFilePath(command.configDir));
  await mkdir(command.dataDir, { recursive: true });
  const registry = new DeviceRegistry({ dataDir: command.dataDir, store: cfg.store.id });
  await writeMosquittoFiles(registry, cfg.mqtt.topicPrefix, command.out);
  await registry.flushed();
  const names = currentNames({ host: '0.0.0.0', hostnames: command.hostnames });
  const tls = await ensureStoreTls({
    dir: join(command.dataDir, 'tls'),
    storeName: localized(cfg.store.name, cfg.store.defaultLanguage, cfg.store.defaultLanguage),
    names,
  });
  await writeMosquittoTls(
    command.out,
    { cert: tls.certPem, key: tls.keyPem, ca: tls.caPem },
    command.tlsPorts,
  );
  const out = displayPath(command.out);
  io.stdout(`wrote ${out}/password_file, ${out}/acl_file and ${out}/mosquitto.conf`);
  io.stdout(
    `wrote ${out}/${MOSQUITTO_TLS_CONF}: mqtts on ${command.tlsPorts.mqtts}, wss on ${command.tlsPorts.wss}, ` +
      `certificate for ${[...tls.names.dns, ...tls.names.ips].join(', ')}`,
  );
  io.stdout(`store authority fingerprint (SHA-256) ${tls.caFingerprint}`);
  io.stdout(
    `include ${out}/mosquitto.conf and ${out}/${MOSQUITTO_TLS_CONF} in Mosquitto's configuration, then start the hub with`,
  );
  io.stdout(
    `  --broker mqtts://127.0.0.1:${command.tlsPorts.mqtts} --broker-ws wss://<hub name>:${command.tlsPorts.wss} ` +
      `--broker-acl ${out} --data ${displayPath(command.dataDir)} --host 0.0.0.0`,
  );
  return 0;
}

const REPEAT_SIGNAL_GRACE_MS = 2000;

async function serve(options: HubOptions): Promise<number> {
  const log = createConsoleLogger();
  const hub: Hub = await startHub({ ...options, log });
  // a person setting up a store can scan the setup page with each tablet off this screen
  if (hub.setupUrl && process.stdout.isTTY) {
    process.stdout.write(`\n${terminalQr(hub.setupUrl)}\n  ${hub.setupUrl}\n\n`);
  }
  return new Promise<number>((resolve) => {
    let stoppingSince: number | undefined;
    const stop = (signal: NodeJS.Signals) => {
      if (stoppingSince !== undefined) {
        // npm and terminals often deliver one Ctrl-C twice: only a later one means "hurry".
        if (Date.now() - stoppingSince < REPEAT_SIGNAL_GRACE_MS) return;
        log.warn('hub', `${signal} again: exiting without waiting`);
        resolve(1);
        return;
      }
      stoppingSince = Date.now();
      log.info('hub', `${signal} received: shutting down`);
      hub.close().then(
        () => resolve(0),
        (err: unknown) => {
          log.error('hub', `shutdown failed: ${(err as Error).message}`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Expected errors get a plain message; only the unexpected get a stack trace. */
function report(err: unknown, io: CliIo): number {
  if (err instanceof UsageError) {
    io.stderr(`nextup: ${err.message}`);
    io.stderr('');
    io.stderr(USAGE);
    return 2;
  }
  if (err instanceof InputError || err instanceof EnrollmentError) {
    io.stderr(`nextup: ${err.message}`);
    return 1;
  }
  if (err instanceof ConfigError) {
    for (const problem of err.problems) io.stderr(problem);
    return 1;
  }
  if (err instanceof HubStartError) {
    io.stderr(`nextup: ${err.message}`);
    if (io.env.NEXTUP_DEBUG && err.cause instanceof Error) io.stderr(err.cause.stack ?? '');
    return 1;
  }
  io.stderr(
    `nextup: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
  );
  return 1;
}
