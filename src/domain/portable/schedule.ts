import type { CounterShift } from './engine.ts';
import { formatClockTime, parseClockTime, type LocalClock } from './time.ts';

/**
 * Counter schedule changes for "what if" questions, in local time of day, applied to every day
 * of the log. Text form, one change a line (`#` starts a comment):
 *
 *   +1 returns 12:00-14:00            one more counter serving returns from 12:00 to 14:00
 *   +2 pickup,returns 17:00-19:00     two more counters serving both services
 *   -c3 12:00-13:00                   counter c3 closed from 12:00 to 13:00
 *   c2 = advice,accounts 10:00-12:00  counter c2 open and serving these from 10:00 to 12:00
 *
 * JSON form: an array of `{"add":1,"services":[...],"from":"12:00","to":"14:00"}`,
 * `{"close":"c3","from":"12:00","to":"13:00"}` and
 * `{"counter":"c2","services":[...],"from":"10:00","to":"12:00"}`.
 */
export type ScheduleChange =
  | {
      readonly kind: 'add';
      readonly count: number;
      readonly services: readonly string[];
      readonly from: number;
      readonly to: number;
    }
  | { readonly kind: 'close'; readonly counter: string; readonly from: number; readonly to: number }
  | {
      readonly kind: 'set';
      readonly counter: string;
      readonly services: readonly string[];
      readonly from: number;
      readonly to: number;
    };

export class ScheduleError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(line > 0 ? `schedule line ${line}: ${problem}` : `schedule: ${problem}`);
    this.name = 'ScheduleError';
  }
}

function window(text: string, line: number): { from: number; to: number } {
  const m = /^(\S+)-(\S+)$/.exec(text);
  const from = m ? parseClockTime(m[1]!) : NaN;
  const to = m ? parseClockTime(m[2]!) : NaN;
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new ScheduleError(
      line,
      `expected a time window like 12:00-14:00, got ${JSON.stringify(text)}`,
    );
  }
  if (to <= from) throw new ScheduleError(line, `the window ${text} ends before it starts`);
  return { from, to };
}

function serviceList(text: string, line: number): string[] {
  const list = text.split(',').map((s) => s.trim());
  if (list.length === 0 || list.some((s) => s === '')) {
    throw new ScheduleError(
      line,
      `expected services separated by commas, got ${JSON.stringify(text)}`,
    );
  }
  return list;
}

function parseTextLine(text: string, line: number): ScheduleChange {
  let m = /^\+(\d+)\s+(\S+)\s+(\S+)$/.exec(text);
  if (m) {
    const count = Number(m[1]);
    if (count < 1 || count > 50) throw new ScheduleError(line, `cannot add ${count} counters`);
    return { kind: 'add', count, services: serviceList(m[2]!, line), ...window(m[3]!, line) };
  }
  m = /^-(\S+)\s+(\S+)$/.exec(text);
  if (m) return { kind: 'close', counter: m[1]!, ...window(m[2]!, line) };
  m = /^(\S+)\s*=\s*(\S+)\s+(\S+)$/.exec(text);
  if (m)
    return {
      kind: 'set',
      counter: m[1]!,
      services: serviceList(m[2]!, line),
      ...window(m[3]!, line),
    };
  throw new ScheduleError(
    line,
    `cannot read ${JSON.stringify(text)}; expected "+1 service[,service] HH:MM-HH:MM", "-counter HH:MM-HH:MM" or "counter = service[,service] HH:MM-HH:MM"`,
  );
}

function parseJsonChange(v: unknown, line: number): ScheduleChange {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new ScheduleError(line, 'expected an object');
  const o = v as Record<string, unknown>;
  const time = (field: 'from' | 'to'): string => {
    const t = o[field];
    if (typeof t !== 'string')
      throw new ScheduleError(line, `"${field}" must be a time like "12:00"`);
    return t;
  };
  const w = window(`${time('from')}-${time('to')}`, line);
  const services = (): string[] => {
    const s = o['services'];
    if (!Array.isArray(s) || s.length === 0 || !s.every((x) => typeof x === 'string' && x !== '')) {
      throw new ScheduleError(line, '"services" must be a non-empty array of service ids');
    }
    return s as string[];
  };
  if ('add' in o) {
    const count = o['add'];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 50) {
      throw new ScheduleError(line, '"add" must be a whole number of counters (1-50)');
    }
    return { kind: 'add', count, services: services(), ...w };
  }
  if (typeof o['close'] === 'string' && o['close'] !== '')
    return { kind: 'close', counter: o['close'], ...w };
  if (typeof o['counter'] === 'string' && o['counter'] !== '') {
    return { kind: 'set', counter: o['counter'], services: services(), ...w };
  }
  throw new ScheduleError(line, 'expected "add", "close" or "counter"');
}

/** Parses a schedule in the text or the JSON form. Throws ScheduleError naming the line. */
export function parseSchedule(text: string): ScheduleChange[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(trimmed);
    } catch (err) {
      throw new ScheduleError(
        0,
        `malformed JSON (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    const list = Array.isArray(raw) ? raw : [raw];
    // For JSON, "line" is the change's position in the array, from 1.
    return list.map((v, i) => parseJsonChange(v, i + 1));
  }
  const out: ScheduleChange[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line !== '') out.push(parseTextLine(line, i + 1));
  });
  return out;
}

export function describeChange(c: ScheduleChange): string {
  const w = `${formatClockTime(c.from)}-${formatClockTime(c.to)}`;
  switch (c.kind) {
    case 'add':
      return `+${c.count} counter${c.count > 1 ? 's' : ''} serving ${c.services.join(', ')} ${w}`;
    case 'close':
      return `counter ${c.counter} closed ${w}`;
    case 'set':
      return `counter ${c.counter} serving ${c.services.join(', ')} ${w}`;
  }
}

/** Removes [from, to) from a counter's shifts. */
function cut(shifts: CounterShift[], counter: string, from: number, to: number): CounterShift[] {
  const out: CounterShift[] = [];
  for (const s of shifts) {
    if (s.counter !== counter || s.to <= from || s.from >= to) {
      out.push(s);
      continue;
    }
    if (s.from < from)
      out.push({ counter: s.counter, services: s.services, from: s.from, to: from });
    if (s.to > to) out.push({ ...s, from: to });
  }
  return out;
}

/** Applies changes to a day-by-day schedule; `days` are local YYYY-MM-DD. */
export function applySchedule(
  base: readonly CounterShift[],
  changes: readonly ScheduleChange[],
  days: readonly string[],
  clock: LocalClock,
): CounterShift[] {
  let shifts = [...base];
  let added = 0;
  for (const c of changes) {
    for (const day of days) {
      const from = clock.toInstant(day, c.from);
      const to = clock.toInstant(day, c.to);
      switch (c.kind) {
        case 'add':
          for (let k = 0; k < c.count; k++) {
            shifts.push({ counter: `whatif-${++added}`, services: c.services, from, to });
          }
          break;
        case 'close':
          shifts = cut(shifts, c.counter, from, to);
          break;
        case 'set':
          shifts = cut(shifts, c.counter, from, to);
          shifts.push({ counter: c.counter, services: c.services, from, to });
          break;
      }
    }
  }
  return shifts.sort((a, b) => a.from - b.from);
}
