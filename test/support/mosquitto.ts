import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports.ts';

export interface Mosquitto {
  readonly mqttUrl: string;
  readonly wsUrl: string;
  readonly mqttPort: number;
  readonly wsPort: number;
  /** SIGHUP: Mosquitto rereads its password_file and acl_file. */
  reload(): void;
  /** The broker's process id (benchmarks read its memory). */
  readonly pid: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crashed broker: sessions and anything in memory are gone. */
  kill9(): Promise<void>;
}

/** A real Mosquitto on free loopback ports, with a WebSocket listener for browsers. */
export async function startMosquitto(
  ports: {
    mqttPort?: number;
    wsPort?: number;
    /** A folder from `nextup mosquitto-config`: its mosquitto.conf lines are included. */
    aclDir?: string;
    /** With aclDir: its tls.conf too (mqtts and wss listeners with the store's certificate). */
    tls?: boolean;
  } = {},
): Promise<Mosquitto> {
  const mqttPort = ports.mqttPort ?? (await freePort());
  const wsPort = ports.wsPort ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'nextup-mosquitto-'));
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      'persistence false',
      ...(ports.aclDir
        ? [
            ...readFileSync(join(ports.aclDir, 'mosquitto.conf'), 'utf8').trim().split('\n'),
            // run as root (CI), Mosquitto would switch to its own user and not read the 0600 files
            ...(process.getuid?.() === 0 ? ['user root'] : []),
            ...(ports.tls
              ? readFileSync(join(ports.aclDir, 'tls.conf'), 'utf8').trim().split('\n')
              : []),
          ]
        : ['allow_anonymous true']),
      'log_dest none',
      `listener ${mqttPort} 127.0.0.1`,
      `listener ${wsPort} 127.0.0.1`,
      'protocol websockets',
      '',
    ].join('\n'),
  );
  const proc: ChildProcess = spawn('/usr/sbin/mosquitto', ['-c', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await waitForPort(mqttPort);
    await waitForPort(wsPort);
  } catch (err) {
    proc.kill('SIGKILL');
    throw new Error(`mosquitto did not start: ${stderr || String(err)}`, { cause: err });
  }
  const signal = (sig: NodeJS.Signals): Promise<void> =>
    new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(sig);
    });
  return {
    mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    mqttPort,
    wsPort,
    reload: () => void proc.kill('SIGHUP'),
    pid: proc.pid ?? 0,
    stop: () => signal('SIGTERM'),
    kill9: () => signal('SIGKILL'),
  };
}
