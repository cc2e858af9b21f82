import { spawn, type ChildProcess } from 'node:child_process';
import { waitForPort } from './ports.ts';

export interface HubProcess {
  readonly httpUrl: string;
  readonly mqttUrl: string;
  /** The process id (benchmarks read its CPU and memory). */
  readonly pid: number;
  output(): string;
  /** SIGKILL: no chance to flush or say goodbye. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** The hub as its own process (as `npm start` runs it), so tests can kill and restart it. */
export async function startHubProcess(opts: {
  port: number;
  mqttPort: number;
  dataDir: string;
  configDir?: string;
  extraArgs?: readonly string[];
}): Promise<HubProcess> {
  const args = [
    'src/hub/bin.mjs',
    'serve',
    '--port',
    String(opts.port),
    '--mqtt-port',
    String(opts.mqttPort),
    '--data',
    opts.dataDir,
  ];
  if (opts.configDir) args.push('--config', opts.configDir);
  args.push(...(opts.extraArgs ?? []));
  const proc: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  try {
    await waitForPort(opts.port, 20_000);
    // with an external broker the hub runs no broker of its own
    if (!args.includes('--broker')) await waitForPort(opts.mqttPort, 20_000);
  } catch (err) {
    proc.kill('SIGKILL');
    throw new Error(`the hub did not start:\n${out}`, { cause: err });
  }
  return {
    httpUrl: `http://127.0.0.1:${opts.port}`,
    mqttUrl: `mqtt://127.0.0.1:${opts.mqttPort}`,
    pid: proc.pid ?? 0,
    output: () => out,
    kill9: async () => {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}
