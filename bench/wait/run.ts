import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mergeResults, RESULTS_FILE } from '../results.ts';
import type { SanityResult, ScenarioResult } from './core.ts';
import { checkTargets, markdownReport, type TargetCheck } from './report.ts';
import { scenarios } from './scenarios.ts';
import type { Task } from './worker.ts';

/**
 * Wait-time benchmark (`npm run bench:wait`):
 *   node --import tsx bench/wait/run.ts [--quick] [--out file.json] [--only id,id] [--jobs n] [--strict]
 * Simulates each scenario into a portable log, replays our estimator and the baselines on the
 * same log and prints a markdown table. A full run (no --quick, no --only) is merged into
 * bench/results.json under `waitTimes`, leaving other benchmarks' keys alone; --out also
 * writes the results to a file of their own. --strict: exit code 1 if a target is missed.
 */
export interface WaitBenchResults {
  readonly at: string;
  readonly quick: boolean;
  readonly seconds: number;
  readonly environment: {
    readonly node: string;
    readonly cpus: number;
    readonly cpuModel: string;
    readonly jobs: number;
  };
  readonly scenarios: readonly ScenarioResult[];
  readonly sanity: readonly SanityResult[];
  readonly targets: readonly TargetCheck[];
  readonly allTargetsMet: boolean;
}

export interface WaitBenchOptions {
  readonly quick?: boolean;
  readonly only?: readonly string[];
  readonly jobs?: number;
  /** Long oracle-only runs checking RASE = 1 - rho (default: on unless quick). */
  readonly sanity?: boolean;
  readonly log?: (line: string) => void;
}

export async function runWaitBench(options: WaitBenchOptions = {}): Promise<WaitBenchResults> {
  const quick = options.quick ?? false;
  const log = options.log ?? (() => undefined);
  const start = performance.now();
  const list = scenarios().filter(
    (s) => !options.only?.length || options.only.some((o) => s.id.startsWith(o)),
  );
  const tasks: Task[] = list.map((s) => ({ kind: 'scenario', id: s.id, quick }));
  if (options.sanity ?? !quick) {
    for (const s of list) if (s.group === 1) tasks.push({ kind: 'sanity', id: s.id, quick });
  }
  const jobs = Math.max(1, Math.min(options.jobs ?? Math.min(2, cpus().length), tasks.length));
  const done = new Map<string, ScenarioResult | SanityResult>();
  const queue = [...tasks];
  // Worker threads do not inherit tsx's loader: register it in the worker, then load ours.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      const worker = new Worker(bootstrap, { eval: true });
      try {
        for (let task = queue.shift(); task; task = queue.shift()) {
          const t = task;
          const result = await new Promise<ScenarioResult | SanityResult>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(t);
          });
          worker.removeAllListeners('error');
          done.set(`${t.kind}:${t.id}`, result);
          log(`  ${t.kind} ${t.id}: ${result.seconds.toFixed(1)} s`);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  const results = list.map((s) => done.get(`scenario:${s.id}`) as ScenarioResult);
  const sanity = list.flatMap((s) => {
    const r = done.get(`sanity:${s.id}`);
    return r ? [r as SanityResult] : [];
  });
  const targets = checkTargets(results);
  return {
    at: new Date().toISOString(),
    quick,
    seconds: Math.round((performance.now() - start) / 100) / 10,
    environment: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      jobs,
    },
    scenarios: results,
    sanity,
    targets,
    allTargetsMet: targets.every((t) => t.met),
  };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const out = argValue('--out');
  const only = argValue('--only')?.split(',');
  const jobs = argValue('--jobs');
  console.log(`wait-time benchmark${quick ? ' (quick)' : ''}`);
  const results = await runWaitBench({
    quick,
    ...(only ? { only } : {}),
    ...(jobs ? { jobs: Number(jobs) } : {}),
    log: (l) => console.log(l),
  });
  console.log('');
  for (const line of markdownReport(results.scenarios, results.sanity, results.targets))
    console.log(line);
  console.log('');
  console.log(
    `${results.seconds} s on ${results.environment.jobs} worker(s); all targets met: ${results.allTargetsMet ? 'yes' : 'no'}`,
  );
  if (out) writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  if (!quick && !only) {
    mergeResults({ waitTimes: results });
    console.log(`results merged into ${RESULTS_FILE} (waitTimes)`);
  }
  if (process.argv.includes('--strict') && !results.allTargetsMet) process.exitCode = 1;
}
