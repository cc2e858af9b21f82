import { loadavg } from 'node:os';
import { summarize, type Summary } from '../stats.ts';
import type { LatencyWindow } from './latency-window.ts';
import { cpuMeter } from './proc-usage.ts';

/** How long a step measures: until both minimums are met, or `maxSec` has passed. */
export interface StepBudget {
  /** Latency samples wanted for the p99 (1,000 or more in the real run). */
  readonly minSamples: number;
  readonly minSec: number;
  readonly maxSec: number;
}

/** What one step measured: latency and whether the load was really offered. */
export interface StepMeasurement {
  readonly latencyMs: Summary;
  readonly windowSec: number;
  /** Tickets per second asked for (issuers / period) and issued inside the window. */
  readonly targetTicketsPerSec: number;
  readonly achievedTicketsPerSec: number;
  /** Deliveries still missing after the drain (counted in the samples at their age then). */
  readonly undelivered: number;
  /** CPU over the window in % of one core: the generator (this process) and the hub side. */
  readonly generatorCpuPct: number;
  readonly hubCpuPct: number;
  /** The generator's event-loop delay p99: high means the generator, not the hub, is late. */
  readonly generatorLagP99Ms: number;
  /** The machine's 1-minute load average as the window closed (2 cores: above 2 is busy). */
  readonly loadAverage: number;
}

/** Event-loop delay of this (generator) process, sampled every 20 ms. */
function lagMonitor(): { stop(): number } {
  const lags: number[] = [];
  let last = performance.now();
  const t = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - last - 20));
    last = now;
  }, 20);
  return {
    stop() {
      clearInterval(t);
      return summarize(lags).p99;
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * One capacity step: `issuers` tick every `periodMs`, their first ticks spread evenly over
 * one period so the load is smooth. The window opens only once every issuer has ticked (all
 * timers running at the advertised rate), so the figure is for the whole load, and it stays
 * open until it holds `budget.minSamples` samples and `budget.minSec` seconds.
 */
export async function measureStep(opts: {
  readonly issuers: number;
  readonly periodMs: number;
  readonly tick: (issuer: number, window: LatencyWindow) => void;
  readonly window: LatencyWindow;
  readonly budget: StepBudget;
  /** Processes on the hub side (hub, Mosquitto) whose CPU is reported. */
  readonly hubPids: readonly number[];
  readonly drainMs?: number;
}): Promise<StepMeasurement> {
  const { issuers, periodMs, tick, window, budget } = opts;
  const timers: NodeJS.Timeout[] = [];
  let started = 0;
  const allRunning = new Promise<void>((resolve) => {
    for (let i = 0; i < issuers; i++) {
      const first = setTimeout(
        () => {
          tick(i, window);
          timers.push(setInterval(() => tick(i, window), periodMs));
          if (++started === issuers) resolve();
        },
        Math.floor((i / issuers) * periodMs),
      );
      timers.push(first);
    }
  });
  try {
    await allRunning;
    window.start();
    const cpu = cpuMeter(opts.hubPids);
    const lag = lagMonitor();
    const enough = (): boolean =>
      window.samples.length >= budget.minSamples && window.seconds >= budget.minSec;
    while (!enough() && window.seconds < budget.maxSec) await sleep(100);
    const generatorLagP99Ms = Math.round(lag.stop());
    const load = cpu.stop();
    const windowSec = window.seconds;
    const issued = window.issued;
    for (const t of timers) clearInterval(t);
    await window.close(opts.drainMs ?? 2000);
    return {
      latencyMs: summarize(window.samples),
      windowSec: Math.round(windowSec * 10) / 10,
      targetTicketsPerSec: Math.round((issuers / periodMs) * 1000 * 100) / 100,
      achievedTicketsPerSec: Math.round((issued / windowSec) * 100) / 100,
      undelivered: window.undelivered,
      generatorCpuPct: load.generator,
      hubCpuPct: load.others,
      generatorLagP99Ms,
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    };
  } finally {
    for (const t of timers) clearInterval(t);
  }
}

/**
 * A step counts when its p99 is under the limit with the advertised load really offered
 * (90% of the target issue rate or more): a generator too slow to issue cannot pass a step.
 */
export function stepPassed(m: StepMeasurement, limitMs: number): boolean {
  return (
    m.latencyMs.n > 0 &&
    m.latencyMs.p99 < limitMs &&
    m.achievedTicketsPerSec >= 0.9 * m.targetTicketsPerSec
  );
}

/** One log line of a step's figures. */
export function describeStep(m: StepMeasurement): string {
  const l = m.latencyMs;
  return (
    `p50/p95/p99 ${l.median}/${l.p95}/${l.p99} ms (n=${l.n}, ${m.windowSec} s` +
    `${m.undelivered ? `, ${m.undelivered} undelivered` : ''}), tickets ` +
    `${m.achievedTicketsPerSec}/s of ${m.targetTicketsPerSec}/s, CPU hub ${m.hubCpuPct}% ` +
    `generator ${m.generatorCpuPct}%, generator lag p99 ${m.generatorLagP99Ms} ms, load ${m.loadAverage}`
  );
}
