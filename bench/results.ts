import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** bench/results.json, whatever the current directory. */
export const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));

/**
 * Read-modify-write of bench/results.json: each benchmark owns its keys and leaves the others'
 * alone. An unreadable or broken file starts afresh (it only holds measurements).
 */
export function mergeResults(patch: Record<string, unknown>, file = RESULTS_FILE): void {
  let current: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      current = parsed as Record<string, unknown>;
    }
  } catch {
    // no file yet, or not JSON: start from nothing
  }
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ ...current, ...patch }, null, 2) + '\n');
  renameSync(tmp, file);
}

/**
 * The patch of a run of some entries (`--only`): its budget rows replace the rows of the same
 * name and the others stay, and its per-entry seconds join the earlier ones, so a partial run
 * does not drop the other entries' rows from the table. The file's date and environment stay
 * those of the last full run; the partial run's go to `environmentByEntry` for its entries.
 */
export function partialRunPatch(
  run: Record<string, unknown>,
  current: Record<string, unknown>,
): Record<string, unknown> {
  type Row = { budget: string };
  const old = Array.isArray(current.budgets) ? (current.budgets as Row[]) : [];
  const fresh = Array.isArray(run.budgets) ? (run.budgets as Row[]) : [];
  const byName = new Map(fresh.map((r) => [r.budget, r]));
  const kept = old.map((r) => byName.get(r.budget) ?? r);
  const added = fresh.filter((r) => !old.some((o) => o.budget === r.budget));
  // new rows go after the last old row of their budget number ("4. …"), else at the end
  for (const r of added) {
    const num = r.budget.split(' ')[0];
    let at = kept.length;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i]!.budget.split(' ')[0] === num) {
        at = i + 1;
        break;
      }
    }
    kept.splice(at, 0, r);
  }
  const seconds = { ...(current.secondsPerEntry as object), ...(run.secondsPerEntry as object) };
  const byEntry: Record<string, unknown> = { ...(current.environmentByEntry as object) };
  for (const entry of Object.keys(run.secondsPerEntry ?? {})) byEntry[entry] = run.environment;
  return {
    ...run,
    ...(current.at !== undefined ? { at: current.at, environment: current.environment } : {}),
    environmentByEntry: byEntry,
    budgets: kept,
    secondsPerEntry: seconds,
  };
}

export function readResults(file = RESULTS_FILE): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // no file yet, or not JSON
  }
  return {};
}
