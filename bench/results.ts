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
