import { runSimulation, type SimReport } from '../../src/sync/simulation/run.ts';

/**
 * `npm run chaos -- --seeds 10000`: the deterministic chaos simulation over many seeds.
 * Prints a summary; exits non-zero (with the seed to replay) on the first broken guarantee.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) {
    console.error(`--${name} takes a whole number (got ${process.argv[i + 1]})`);
    process.exit(2);
  }
  return v;
}

const seeds = arg('seeds', 200);
const first = arg('from', 1);
const operations = arg('operations', 150);
const totals = {
  events: 0,
  tickets: 0,
  partitions: 0,
  brokerRestarts: 0,
  replicaRestarts: 0,
  lost: 0,
  duplicates: 0,
  messagesLost: 0,
  messagesDuplicated: 0,
};
let worst: SimReport | undefined;
const started = Date.now();
for (let seed = first; seed < first + seeds; seed++) {
  const r = await runSimulation({
    seed,
    devices: 3 + (seed % 6),
    operations,
    faults: { loss: 0.1, duplicate: 0.1, maxDelayMs: 400 },
    partitionRate: 0.08,
    brokerRestartRate: 0.02,
    replicaRestartRate: 0.03,
    maxSkewMs: 5 * 60_000,
  });
  totals.events += r.events;
  totals.tickets += r.tickets;
  totals.partitions += r.partitions;
  totals.brokerRestarts += r.brokerRestarts;
  totals.replicaRestarts += r.replicaRestarts;
  totals.lost += r.lost;
  totals.duplicates += r.duplicateNumbers;
  totals.messagesLost += r.messagesLost;
  totals.messagesDuplicated += r.messagesDuplicated;
  if (!worst || r.convergeMs > worst.convergeMs) worst = r;
  if (!r.converged || r.lost > 0 || r.duplicateNumbers > 0 || r.problems.length > 0) {
    console.error(`seed ${seed} broke a guarantee: ${JSON.stringify(r)}`);
    process.exit(1);
  }
  if ((seed - first + 1) % 100 === 0) {
    console.log(
      `${seed - first + 1}/${seeds} seeds, ${totals.events} events, worst convergence ${worst.convergeMs} ms`,
    );
  }
}
const summary = {
  seeds,
  ...totals,
  worstConvergeMs: worst?.convergeMs ?? 0,
  worstSeed: worst?.seed,
  seconds: Math.round((Date.now() - started) / 1000),
};
console.log(JSON.stringify(summary));
console.log(
  `${seeds} seeds: ${totals.events} events, ${totals.tickets} tickets, ${totals.partitions} partitions, ${totals.brokerRestarts} broker restarts, ${totals.replicaRestarts} replica restarts, ${totals.messagesLost} messages lost and ${totals.messagesDuplicated} duplicated by the network; lost events = ${totals.lost}, duplicate numbers = ${totals.duplicates}, worst convergence after heal = ${summary.worstConvergeMs} ms (seed ${summary.worstSeed})`,
);
