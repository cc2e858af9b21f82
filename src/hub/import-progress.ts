import type { ImportProgress } from './import-staging.ts';

/** A step logged when the size is not known: every this many bytes. */
const STEP_UNKNOWN = 32 * 1024 * 1024;

/** "12.3 MB" (decimal, as a file manager shows). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * An import's progress as a few readable log lines: one each tenth of a phase (checking the
 * log, writing its events), or each 32 MiB of a log of unknown size.
 */
export function progressLines(say: (line: string) => void): (p: ImportProgress) => void {
  let phase: ImportProgress['phase'] | undefined;
  let next = 0;
  return (p) => {
    if (p.phase !== phase) {
      phase = p.phase;
      next = 0;
    }
    const known = p.total !== undefined && p.total > 0;
    const step = known ? p.total / 10 : STEP_UNKNOWN;
    if (p.bytes < next + step || (known && p.bytes >= p.total)) return;
    next = Math.floor(p.bytes / step) * step;
    const share = known ? ` (${Math.floor((100 * p.bytes) / p.total)}%)` : '';
    const of = known ? ` of ${megabytes(p.total)}` : '';
    const verb = p.phase === 'checking' ? 'checked' : 'wrote';
    say(`${verb} ${megabytes(p.bytes)}${of}${share}, ${p.events} events`);
  };
}
