import { dayKey } from '../queue/day.ts';
import { addDays } from '../reports/request.ts';

/**
 * Which day files a lookup of one ticket's data reads (GET /api/track/<ticket>/data and
 * /forget), so that a link, real or made up, costs the hub a few files and never its year of
 * history. The ticket's link names when it was taken (`at`, from the kiosk's clock): its day,
 * and the neighbouring one when `at` is within an hour of midnight (clocks differ). A link
 * without it (typed, or from an older kiosk) is looked for in the retention window only: past
 * it the history holds no personal text about anyone. The day after the one a ticket is found
 * in is read too, for a visit that ended after midnight.
 */
export const LOOKUP_SLACK_MS = 60 * 60_000;
/** The window searched without `at` when the store sets no retention (0: no limit). */
export const LOOKUP_DAYS_WITHOUT_LIMIT = 90;

export interface LookupScope {
  /** The store days the history holds, oldest first. */
  readonly days: readonly string[];
  readonly today: string;
  readonly timeZone: string;
  /** retention.personalDataDays (0: no limit). */
  readonly keepDays: number;
  /** When the ticket was taken (ms), from its link. */
  readonly takenAt?: number | undefined;
}

/** The days to look for the ticket's issue in, newest first (only days the history holds). */
export function lookupDays(scope: LookupScope): string[] {
  const { days, takenAt, timeZone } = scope;
  if (takenAt !== undefined) {
    const near = new Set([
      dayKey(takenAt - LOOKUP_SLACK_MS, timeZone),
      dayKey(takenAt + LOOKUP_SLACK_MS, timeZone),
    ]);
    return days.filter((d) => near.has(d)).reverse();
  }
  const window = scope.keepDays > 0 ? scope.keepDays : LOOKUP_DAYS_WITHOUT_LIMIT;
  const from = addDays(scope.today, -window);
  return days.filter((d) => d >= from).reverse();
}

/** The day the history holds right after `day`, if any (late events of a visit). */
export function dayAfter(days: readonly string[], day: string): string | undefined {
  return days.find((d) => d > day);
}
