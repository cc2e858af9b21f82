import { simulate } from '../../src/domain/portable/engine.ts';
import { parseLog } from '../../src/domain/portable/parse.ts';
import { replayEvents, type OnlineEstimator } from '../../src/domain/portable/replay.ts';
import { serializeLog } from '../../src/domain/portable/serialize.ts';
import { WaitEstimator } from '../../src/domain/wait/estimator.ts';
import { Hol, Les, OracleQl, RollingAverage, type Truth } from './baselines.ts';
import { OracleQlFullInfo, OracleSimFullInfo } from './oracle-channels.ts';
import { score, type Scores } from './metrics.ts';
import type { Scenario } from './scenarios.ts';

export const ESTIMATORS = ['nextup', 'QL oracle', 'QL_m oracle', 'LES', 'HOL', 'RA10'] as const;
/** Only where the scenario knows who turns up (the channels scenario, oracle-channels.ts). */
export const FULL_INFO = ['full-info oracle', 'full-info QL_m'] as const;
export type EstimatorName = (typeof ESTIMATORS)[number] | (typeof FULL_INFO)[number];

export function makeEstimator(name: EstimatorName, truth: Truth): OnlineEstimator {
  switch (name) {
    case 'full-info oracle':
    case 'full-info QL_m':
      if (!truth.channels) throw new Error('a full-information oracle needs the channels');
      return name === 'full-info oracle'
        ? new OracleSimFullInfo(truth.channels)
        : new OracleQlFullInfo(truth, truth.channels);
    case 'nextup':
      return new WaitEstimator();
    case 'QL oracle':
      return new OracleQl(truth, false);
    case 'QL_m oracle':
      return new OracleQl(truth, true);
    case 'LES':
      return new Les();
    case 'HOL':
      return new Hol();
    case 'RA10':
      return new RollingAverage(10);
  }
}

export interface ScenarioResult {
  readonly id: string;
  readonly group: number;
  readonly label: string;
  readonly rho?: number;
  readonly customers: number;
  readonly events: number;
  readonly abandonedShare: number;
  readonly meanWaitSec: number;
  readonly seconds: number;
  readonly estimatorSeconds: Readonly<Record<string, number>>;
  readonly scores: Readonly<Record<string, Scores>>;
}

/** Simulates a scenario, writes and re-reads its portable log, replays every estimator on it. */
export function runScenario(s: Scenario, quick: boolean): ScenarioResult {
  const t0 = performance.now();
  const data = s.build(quick);
  const sim = simulate(data.customers, data.shifts, data.bookings);
  // Through the portable format and its parser, as a real log would be.
  const { events, warnings } = parseLog(serializeLog(sim.events));
  if (warnings.length > 0)
    throw new Error(`${s.id}: simulator log has warnings: ${warnings[0]!.message}`);
  const scores: Record<string, Scores> = {};
  const timing: Record<string, number> = {};
  const names: EstimatorName[] = [...ESTIMATORS, ...(data.truth.channels ? FULL_INFO : [])];
  for (const name of names) {
    const t = performance.now();
    const results = replayEvents(events, makeEstimator(name, data.truth));
    scores[name] = score(results, data.scoreFrom, data.scored);
    timing[name] = (performance.now() - t) / 1000;
  }
  let left = 0;
  for (const a of sim.abandoned) left += a;
  return {
    id: s.id,
    group: s.group,
    label: s.label,
    ...(s.rho !== undefined ? { rho: s.rho } : {}),
    customers: data.customers.length,
    events: events.length,
    abandonedShare: left / data.customers.length,
    meanWaitSec: scores['nextup']!.meanWaitSec,
    seconds: (performance.now() - t0) / 1000,
    estimatorSeconds: timing,
    scores,
  };
}

export interface SanityResult {
  readonly id: string;
  readonly rho: number;
  readonly customers: number;
  /** Oracle QL's RASE over customers who waited; theory: 1 - rho. */
  readonly oracleRaseWaited: number;
  readonly seconds: number;
}

/**
 * A long run with the oracle only (cheap), to check the simulator against theory: for M/M/s
 * the QL oracle's RASE over delayed customers is 1 - rho (Whitt 1999). Heavy traffic needs
 * millions of customers for a stable figure, which our estimator would take too long for.
 */
export function runSanity(s: Scenario, customers = 1_500_000): SanityResult {
  const t0 = performance.now();
  const data = s.build(false, customers);
  const sim = simulate(data.customers, data.shifts);
  const results = replayEvents(sim.events, makeEstimator('QL oracle', data.truth));
  return {
    id: s.id,
    rho: s.rho ?? NaN,
    customers,
    oracleRaseWaited: score(results, data.scoreFrom).raseWaited,
    seconds: (performance.now() - t0) / 1000,
  };
}
