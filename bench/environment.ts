import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** Where the figures were measured: they mean little without it. */
export interface BenchEnvironment {
  readonly date: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly chromium: string;
  readonly mosquitto: string;
  readonly natsServer: string;
  readonly lighthouse: string;
  /** 1-minute load average when the run started: above the core count, the machine was busy. */
  readonly loadAverageAtStart: number;
}

function firstLine(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\n')[0]!
      .trim();
  } catch (err) {
    // mosquitto -h exits non-zero after printing its version
    const out = (err as { stdout?: string }).stdout ?? '';
    return out.split('\n')[0]?.trim() || 'unknown';
  }
}

export function benchEnvironment(): BenchEnvironment {
  const lighthouse = JSON.parse(
    readFileSync(new URL('../node_modules/lighthouse/package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return {
    date: new Date().toISOString(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: firstLine('/usr/bin/chromium', ['--version']),
    mosquitto: firstLine('/usr/sbin/mosquitto', ['-h']).replace(/^mosquitto version /, ''),
    natsServer: firstLine('/usr/sbin/nats-server', ['--version']).replace(/^nats-server: /, ''),
    lighthouse: lighthouse.version,
    loadAverageAtStart: Math.round(loadavg()[0]! * 100) / 100,
  };
}
