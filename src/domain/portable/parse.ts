import {
  APPOINTMENT_CANCEL_REASONS,
  CANCEL_REASONS,
  TICKET_CHANNELS,
  type AppointmentCancelReason,
  type CancelReason,
  type TicketChannel,
} from '../queue/events.ts';
import { isPortableType, type PortableEvent } from './types.ts';

/** A line that cannot be read safely; names the line (1-based) and the problem. */
export class PortableLogError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'PortableLogError';
  }
}

/** A line that was skipped because it is safe to ignore (unknown type, unknown ticket, ...). */
export interface LogWarning {
  readonly line: number;
  readonly message: string;
}

export type LineResult =
  | { readonly kind: 'event'; readonly event: PortableEvent }
  | { readonly kind: 'blank' }
  | { readonly kind: 'skip'; readonly message: string };

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 date-time with an explicit offset to ms since the epoch, or NaN. */
export function parseIsoTime(s: string): number {
  if (!ISO_8601.test(s)) return NaN;
  // Date.parse wants at most millisecond precision and a colon in the offset.
  const normalized = s.replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(normalized);
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/**
 * Parses one line on its own (syntax and fields, not its place in the log).
 * Throws PortableLogError for what cannot be read; unknown types come back as `skip`.
 */
export function parseLine(text: string, line: number): LineResult {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'blank' };
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new PortableLogError(line, `malformed JSON (${why})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PortableLogError(line, 'expected a JSON object');
  }
  const o = raw as Record<string, unknown>;
  const fail = (problem: string): never => {
    throw new PortableLogError(line, problem);
  };
  const str = (field: string): string => {
    const v = o[field];
    if (typeof v !== 'string' || v === '') {
      return fail(`"${field}" must be a non-empty string, got ${describe(v)}`);
    }
    return v;
  };
  const optStr = (field: string): string | undefined => {
    const v = o[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v === '') {
      return fail(`"${field}" must be a non-empty string when present, got ${describe(v)}`);
    }
    return v;
  };

  /** An optional ISO 8601 time field, ms. */
  const optTime = (field: string): number | undefined => {
    const v = o[field];
    if (v === undefined || v === null) return undefined;
    const ms = typeof v === 'string' ? parseIsoTime(v) : NaN;
    return Number.isFinite(ms)
      ? ms
      : fail(`"${field}" must be an ISO 8601 time with an offset, got ${describe(v)}`);
  };

  const type = o['type'];
  if (typeof type !== 'string' || type === '') {
    return fail(`"type" must be a non-empty string, got ${describe(type)}`);
  }
  const atText = o['at'];
  if (typeof atText !== 'string')
    return fail(`"at" must be an ISO 8601 string, got ${describe(atText)}`);
  const at = parseIsoTime(atText);
  if (!Number.isFinite(at)) {
    return fail(`"at" is not an ISO 8601 time with an offset: ${describe(atText)}`);
  }
  if (!isPortableType(type)) return { kind: 'skip', message: `unknown type ${describe(type)}` };

  /** The optional string fields that are present, e.g. `{ counter, number }`. */
  const present = (...fields: readonly string[]): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const f of fields) {
      const v = optStr(f);
      if (v !== undefined) out[f] = v;
    }
    return out;
  };
  const extra = present('number');
  switch (type) {
    case 'ticket.issued': {
      const flag = (field: string): boolean => {
        const v = o[field];
        if (v !== undefined && v !== null && typeof v !== 'boolean') {
          return fail(`"${field}" must be true or false when present, got ${describe(v)}`);
        }
        return v === true;
      };
      const channel = o['channel'];
      const slot = optTime('slot');
      return {
        kind: 'event',
        event: {
          at,
          type,
          ticket: str('ticket'),
          service: str('service'),
          ...extra,
          ...(flag('priority') ? { priority: true as const } : {}),
          // a channel this reader does not know is dropped: the ticket is still a ticket
          ...((TICKET_CHANNELS as readonly unknown[]).includes(channel)
            ? { channel: channel as TicketChannel }
            : {}),
          ...(flag('checkIn') ? { checkIn: true as const } : {}),
          ...present('appointment'),
          ...(slot !== undefined ? { slot } : {}),
        },
      };
    }
    case 'appointment.booked':
      return {
        kind: 'event',
        event: {
          at,
          type,
          appointment: str('appointment'),
          service: str('service'),
          slot: optTime('slot') ?? fail(`"slot" must be an ISO 8601 time, got missing`),
        },
      };
    case 'appointment.cancelled': {
      const reason = o['reason'];
      return {
        kind: 'event',
        event: {
          at,
          type,
          appointment: str('appointment'),
          ...((APPOINTMENT_CANCEL_REASONS as readonly unknown[]).includes(reason)
            ? { reason: reason as AppointmentCancelReason }
            : {}),
        },
      };
    }
    case 'ticket.called':
    case 'ticket.recalled':
    case 'ticket.started':
    case 'ticket.completed':
    case 'ticket.noShow':
      return {
        kind: 'event',
        event: { at, type, ticket: str('ticket'), ...present('counter', 'service'), ...extra },
      };
    case 'ticket.cancelled': {
      const reason = o['reason'];
      return {
        kind: 'event',
        event: {
          at,
          type,
          ticket: str('ticket'),
          ...present('service'),
          ...extra,
          // a reason this reader does not know is dropped, not refused: the customer still left
          ...((CANCEL_REASONS as readonly unknown[]).includes(reason)
            ? { reason: reason as CancelReason }
            : {}),
        },
      };
    }
    case 'ticket.checkedIn':
      return {
        kind: 'event',
        event: { at, type, ticket: str('ticket'), ...present('service'), ...extra },
      };
    case 'ticket.transferred':
      return {
        kind: 'event',
        event: {
          at,
          type,
          ticket: str('ticket'),
          toService: str('toService'),
          ...present('counter', 'service'),
          ...extra,
        },
      };
    case 'counter.opened': {
      const services = o['services'];
      if (!Array.isArray(services) || !services.every((s) => typeof s === 'string' && s !== '')) {
        return fail(`"services" must be an array of non-empty strings, got ${describe(services)}`);
      }
      return {
        kind: 'event',
        event: { at, type, counter: str('counter'), services: [...(services as string[])] },
      };
    }
    case 'counter.closed':
      return { kind: 'event', event: { at, type, counter: str('counter') } };
  }
}

/**
 * Reads a log line by line and checks each line's place in it: times must not go backwards
 * (error); lines of unknown type, events for tickets never issued and repeated issues are
 * skipped with a warning.
 */
export class LogReader {
  /** The first `maxWarnings` warnings (a long log of unknown lines must not fill memory). */
  readonly warnings: LogWarning[] = [];
  /** Lines skipped with a warning, kept or not. */
  skipped = 0;
  private lineNo = 0;
  private lastAt = -Infinity;
  private readonly tickets = new Set<string>();

  constructor(private readonly maxWarnings = Infinity) {}

  /** Lines read so far. */
  get lines(): number {
    return this.lineNo;
  }

  private warn(line: number, message: string): undefined {
    this.skipped++;
    if (this.warnings.length < this.maxWarnings) this.warnings.push({ line, message });
    return undefined;
  }

  /** The next line of the log; the event, or undefined if the line is blank or skipped. */
  next(text: string): PortableEvent | undefined {
    const line = ++this.lineNo;
    const r = parseLine(line === 1 ? text.replace(/^\uFEFF/, '') : text, line);
    if (r.kind === 'blank') return undefined;
    if (r.kind === 'skip') return this.warn(line, `${r.message}; line skipped`);
    const e = r.event;
    if (e.at < this.lastAt) {
      throw new PortableLogError(
        line,
        `time goes backwards: ${new Date(e.at).toISOString()} is before the previous line's ${new Date(this.lastAt).toISOString()} (the log must be ordered by time)`,
      );
    }
    this.lastAt = e.at;
    if (e.type === 'ticket.issued') {
      if (this.tickets.has(e.ticket)) {
        return this.warn(line, `ticket ${JSON.stringify(e.ticket)} issued twice; line skipped`);
      }
      this.tickets.add(e.ticket);
    } else if ('ticket' in e && !this.tickets.has(e.ticket)) {
      return this.warn(
        line,
        `${e.type} for unknown ticket ${JSON.stringify(e.ticket)} (never issued in this log); line skipped`,
      );
    }
    return e;
  }
}

/** Splits a file's text into lines (LF or CRLF). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Reads lines lazily: each line is parsed only when the consumer asks for the next event. */
export function* readLog(
  lines: Iterable<string>,
  reader = new LogReader(),
): Generator<PortableEvent> {
  for (const text of lines) {
    const e = reader.next(text);
    if (e) yield e;
  }
}

/** Parses a whole log; throws PortableLogError on the first unreadable line. */
export function parseLog(text: string): { events: PortableEvent[]; warnings: LogWarning[] } {
  const reader = new LogReader();
  const events = [...readLog(splitLines(text), reader)];
  return { events, warnings: reader.warnings };
}
