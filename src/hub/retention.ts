import { withoutPersonal } from '../domain/retention/personal.ts';
import { addDays } from '../domain/reports/request.ts';
import type { Logger } from './log.ts';
import type { PersonalHistory } from './personal-data-api.ts';

/**
 * The daily retention job: personal text (src/domain/retention/personal.ts) leaves the hub's
 * history once its store day is `keepDays` old. Idempotent: a day already cleaned has nothing
 * left to remove and its file is not touched (so its report cache stays valid); a day that
 * changed gets its rollup rebuilt on the next report, as any changed day file does.
 */
export interface RetentionOptions {
  readonly history: PersonalHistory;
  /** Days personal text is kept; 0 turns the job off. */
  readonly keepDays: number;
  readonly today: () => string;
  readonly log: Logger;
  /**
   * Leaves customers' names out of bookings whose day is before `cutoff` (a store day,
   * "YYYY-MM-DD"); resolves to how many changed. Absent: no bookings to look at.
   */
  readonly forgetBookingNames?: (cutoff: string) => Promise<number>;
}

export async function applyRetention(
  opts: RetentionOptions,
): Promise<{ days: number; events: number; bookings: number }> {
  if (opts.keepDays <= 0) return { days: 0, events: 0, bookings: 0 };
  const cutoff = addDays(opts.today(), -opts.keepDays);
  let days = 0;
  let events = 0;
  for (const day of await opts.history.days()) {
    if (day >= cutoff) break;
    const n = await opts.history.rewriteDay(day, withoutPersonal);
    if (n > 0) {
      days++;
      events += n;
    }
  }
  const bookings = opts.forgetBookingNames ? await opts.forgetBookingNames(cutoff) : 0;
  opts.log.info(
    'retention',
    events === 0 && bookings === 0
      ? `no personal text older than ${opts.keepDays} days left to remove`
      : `removed personal text (notes, reasons, names) from ${events} events on ${days} days and ${bookings} bookings older than ${opts.keepDays} days`,
  );
  return { days, events, bookings };
}

const DAY_MS = 86_400_000;

/** Runs the job now and then once a day until stopped; a failure is logged and retried. */
export function scheduleRetention(opts: RetentionOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = (): void => {
    applyRetention(opts)
      .catch((err: unknown) =>
        opts.log.warn('retention', `could not apply the retention: ${(err as Error).message}`),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(run, DAY_MS);
      });
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
