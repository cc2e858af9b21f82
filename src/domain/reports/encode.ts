import { TICKET_CHANNELS } from '../queue/events.ts';
import { ROLLUP_VERSION, type DayRollup, type Outcome, type TicketFact } from './facts.ts';

/**
 * A day rollup as compact JSON for the hub's disk cache: the ticket records as one flat array
 * of numbers (13 per ticket), with the ids in a dictionary. A year of these parses several times
 * faster than the same records as objects, which is what a restart's first report waits for.
 */
export interface EncodedRollup {
  readonly v: number;
  readonly day: string;
  readonly dict: readonly string[];
  /**
   * hour, service, counter, clerk (dictionary indexes), wait, service time, outcome, left after,
   * promised wait, its low and high, channel (index in TICKET_CHANNELS), check-in time (-1: none).
   */
  readonly t: readonly number[];
  readonly visits: DayRollup['visits'];
  readonly openCounters: readonly (number | null)[];
  readonly next: boolean;
}

const OUTCOMES: readonly Outcome[] = ['served', 'noShow', 'left', 'open', 'closed', 'noCheckIn'];
const FIELDS = 13;

export function encodeRollup(r: DayRollup): EncodedRollup {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = dict.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const t: number[] = [];
  for (const f of r.tickets) {
    t.push(
      f.hour,
      id(f.service),
      id(f.counter),
      id(f.clerk),
      f.waitSec ?? -1,
      f.serviceSec ?? -1,
      OUTCOMES.indexOf(f.outcome),
      f.leftAfterSec ?? -1,
      f.promised?.sec ?? -1,
      f.promised?.low ?? -1,
      f.promised?.high ?? -1,
      TICKET_CHANNELS.indexOf(f.channel),
      f.checkInSec ?? -1,
    );
  }
  return {
    v: r.version,
    day: r.day,
    dict,
    t,
    visits: r.visits,
    openCounters: r.openCounters,
    next: r.needsNextDay,
  };
}

/** The rollup back, or undefined when the cache entry is of another version or damaged. */
export function decodeRollup(e: EncodedRollup, day: string): DayRollup | undefined {
  // a cache file is data from disk: check its shape before trusting the types
  const flat: unknown = e?.t;
  if (e?.v !== ROLLUP_VERSION || e.day !== day || !isNumbers(flat) || flat.length % FIELDS) {
    return undefined;
  }
  const { t, dict } = e;
  const orNull = (n: number): number | null => (n < 0 ? null : n);
  const tickets: TicketFact[] = [];
  for (let i = 0; i < t.length; i += FIELDS) {
    const outcome = OUTCOMES[t[i + 6]!];
    const channel = TICKET_CHANNELS[t[i + 11]!];
    const [service, counter, clerk] = [dict[t[i + 1]!], dict[t[i + 2]!], dict[t[i + 3]!]];
    if (
      !outcome ||
      !channel ||
      service === undefined ||
      counter === undefined ||
      clerk === undefined
    ) {
      return undefined;
    }
    tickets.push({
      hour: t[i]!,
      service,
      counter,
      clerk,
      waitSec: orNull(t[i + 4]!),
      serviceSec: orNull(t[i + 5]!),
      outcome,
      leftAfterSec: orNull(t[i + 7]!),
      promised: t[i + 8]! < 0 ? undefined : { sec: t[i + 8]!, low: t[i + 9]!, high: t[i + 10]! },
      channel,
      checkInSec: orNull(t[i + 12]!),
    });
  }
  return {
    version: e.v,
    day: e.day,
    tickets,
    visits: e.visits,
    openCounters: e.openCounters,
    needsNextDay: e.next,
  };
}

function isNumbers(x: unknown): x is readonly number[] {
  return Array.isArray(x) && x.every((n) => typeof n === 'number');
}
