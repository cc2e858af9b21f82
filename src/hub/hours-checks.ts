import type { OpeningHours, StoreConfig } from '../domain/config/types.ts';
import { dayNumberOf, minutesOf } from '../domain/hours/wall-time.ts';
import { show } from './config-schema.ts';

/**
 * The opening hours' rules a schema cannot say: closing after opening, a real date, one
 * exception per date, an exception either closed or with both times. Each problem names the
 * field ("store.hours.weekly.mon: ...").
 */
export function hoursProblems(cfg: StoreConfig): string[] {
  const out: string[] = [];
  if (cfg.store.hours) out.push(...problemsOf('store.hours', cfg.store.hours));
  cfg.services.forEach((s, i) => {
    if (s.hours) out.push(...problemsOf(`services[${i}].hours`, s.hours));
  });
  return out;
}

function problemsOf(at: string, hours: OpeningHours): string[] {
  const out: string[] = [];
  for (const [day, span] of Object.entries(hours.weekly)) {
    const p = spanProblem(span.open, span.close);
    if (p) out.push(`${at}.weekly.${day}: ${p}`);
  }
  const seen = new Map<string, number>();
  (hours.exceptions ?? []).forEach((e, i) => {
    const path = `${at}.exceptions[${i}]`;
    if (dayNumberOf(e.date) === undefined) {
      out.push(`${path}.date: is not a date "YYYY-MM-DD" (got ${show(e.date)})`);
    }
    const first = seen.get(e.date);
    if (first !== undefined) {
      out.push(`${path}.date: ${show(e.date)} already has exceptions[${first}]`);
    } else seen.set(e.date, i);
    const times = e.open !== undefined || e.close !== undefined;
    if (e.closed === true && times) {
      out.push(`${path}: a closed day has no "open" or "close"`);
    } else if (e.closed !== true) {
      if (e.open === undefined || e.close === undefined) {
        out.push(`${path}: give "closed": true, or both "open" and "close"`);
      } else {
        const p = spanProblem(e.open, e.close);
        if (p) out.push(`${path}: ${p}`);
      }
    }
  });
  return out;
}

function spanProblem(open: string, close: string): string | undefined {
  const o = minutesOf(open);
  const c = minutesOf(close);
  // the schema already allows only 00:00..23:59 and 24:00
  if (o === undefined || c === undefined) return 'times must be "HH:MM"';
  if (o === 1440) return `"open" must be before 24:00 (got ${open})`;
  if (c <= o) return `"close" must be after "open" (got ${open}..${close})`;
  return undefined;
}
