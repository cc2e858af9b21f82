import type { SanityResult, ScenarioResult } from './core.ts';
import type { Scores } from './metrics.ts';

/** Targets from the wait-time issue, checked on the results. */
export interface TargetCheck {
  readonly scenario: string;
  readonly target: string;
  readonly value: string;
  readonly met: boolean;
}

const BASELINES = ['LES', 'HOL', 'RA10'] as const;

export function checkTargets(results: readonly ScenarioResult[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const r of results) {
    const ours = r.scores['nextup']!;
    if (r.group === 1 || r.group === 2) {
      const ref = r.group === 1 ? 'QL oracle' : 'QL_m oracle';
      const oracle = r.scores[ref]!;
      const ratio = ours.rase / oracle.rase;
      out.push({
        scenario: r.id,
        target: `RASE within 10% of ${ref}`,
        value: `${fmt(ours.rase, 4)} vs ${fmt(oracle.rase, 4)} (x${fmt(ratio, 3)})`,
        met: ratio <= 1.1,
      });
    }
    if (r.group === 5) {
      const oracle = r.scores['full-info oracle']!;
      const ratio = ours.rase / oracle.rase;
      out.push({
        scenario: r.id,
        target: 'walk-ins: RASE within 1.25x of the full-information oracle',
        value: `${fmt(ours.rase, 4)} vs ${fmt(oracle.rase, 4)} (x${fmt(ratio, 3)})`,
        met: ratio <= 1.25,
      });
    }
    if (r.group === 4) {
      const best = Math.min(...BASELINES.map((b) => r.scores[b]!.mseSec2));
      const name = BASELINES.find((b) => r.scores[b]!.mseSec2 === best)!;
      const reduction = 1 - ours.mseSec2 / best;
      out.push({
        scenario: r.id,
        target: 'MSE at least 30% below the best of LES, HOL, RA10',
        value: `${fmt(100 * reduction, 1)}% below ${name}`,
        met: reduction >= 0.3,
      });
    }
    const cov = ours.coverage80Waited ?? NaN;
    out.push({
      scenario: r.id,
      target: '80% range covers 75-85% of waits (customers who waited)',
      value: pct(cov),
      met: cov >= 0.75 && cov <= 0.85,
    });
  }
  return out;
}

export function fmt(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}

function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${(100 * x).toFixed(1)}%`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Markdown: a summary table (RASE by estimator), a detail table and the target checks. */
export function markdownReport(
  results: readonly ScenarioResult[],
  sanity: readonly SanityResult[],
  targets: readonly TargetCheck[],
): string[] {
  // every estimator of any scenario (the full-information oracle runs on one only)
  const names = [...new Set(results.flatMap((r) => Object.keys(r.scores)))];
  const lines: string[] = [];
  lines.push(
    'RASE = mean squared error / (mean wait)^2 over customers who were called (lower is better).',
  );
  lines.push('');
  lines.push(
    row([
      'scenario',
      'customers',
      'left',
      'mean wait (s)',
      ...names.map((n) => `RASE ${n}`),
      'nextup cov80 (waited / all)',
    ]),
  );
  lines.push(row(['---', '---:', '---:', '---:', ...names.map(() => '---:'), '---:']));
  for (const r of results) {
    const ours = r.scores['nextup']!;
    lines.push(
      row([
        r.label,
        String(r.customers),
        pct(r.abandonedShare),
        fmt(r.meanWaitSec, 0),
        ...names.map((n) => fmt(r.scores[n]?.rase, 3)),
        `${pct(ours.coverage80Waited)} / ${pct(ours.coverage80)}`,
      ]),
    );
  }
  lines.push('');
  lines.push(
    row([
      'scenario',
      'estimator',
      'RASE',
      'RASE (waited)',
      'MAE (s)',
      'bias (s)',
      'cov80 (waited)',
      'cov80 (all)',
    ]),
  );
  lines.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const r of results) {
    for (const n of names) {
      const s: Scores | undefined = r.scores[n];
      if (!s) continue;
      lines.push(
        row([
          r.id,
          n,
          fmt(s.rase, 3),
          fmt(s.raseWaited, 3),
          fmt(s.maeSec, 1),
          fmt(s.biasSec, 1),
          pct(s.coverage80Waited),
          pct(s.coverage80),
        ]),
      );
    }
  }
  if (sanity.length > 0) {
    lines.push('');
    lines.push(row(['sanity (oracle QL only, long run)', 'customers', 'RASE (waited)', '1 - rho']));
    lines.push(row(['---', '---:', '---:', '---:']));
    for (const s of sanity) {
      lines.push(row([s.id, String(s.customers), fmt(s.oracleRaseWaited, 4), fmt(1 - s.rho, 4)]));
    }
  }
  lines.push('');
  lines.push(row(['scenario', 'target', 'value', 'met']));
  lines.push(row(['---', '---', '---', '---']));
  for (const t of targets)
    lines.push(row([t.scenario, t.target, t.value, t.met ? 'yes' : '**no**']));
  return lines;
}
