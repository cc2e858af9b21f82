/**
 * The store's event log. Every change is one immutable event; state is a fold over them.
 * `id` is `${device}:${seq}` so that redelivery is recognised without a lookup table.
 */
export interface EventMeta {
  readonly id: string;
  readonly store: string;
  readonly device: string;
  /** Per-device counter from 1 without gaps. */
  readonly seq: number;
  /** Encoded hybrid logical clock (see domain/clock/hlc). */
  readonly hlc: string;
}

export type EventBody =
  | {
      readonly type: 'ticket.issued';
      readonly ticket: string;
      readonly service: string;
      /** Display number, e.g. "A023". */
      readonly number: string;
      /** Numeric part, used for allocation. */
      readonly n: number;
    }
  | { readonly type: 'ticket.called'; readonly ticket: string; readonly counter: string }
  | { readonly type: 'ticket.recalled'; readonly ticket: string; readonly counter: string }
  | { readonly type: 'ticket.started'; readonly ticket: string; readonly counter: string }
  | { readonly type: 'ticket.completed'; readonly ticket: string; readonly counter: string }
  | { readonly type: 'ticket.noShow'; readonly ticket: string; readonly counter: string }
  | { readonly type: 'ticket.cancelled'; readonly ticket: string }
  | {
      readonly type: 'ticket.transferred';
      readonly ticket: string;
      readonly counter: string;
      readonly toService: string;
    }
  | {
      readonly type: 'counter.opened';
      readonly counter: string;
      readonly services: readonly string[];
    }
  | { readonly type: 'counter.closed'; readonly counter: string };

export type EventType = EventBody['type'];
export type StoreEvent = EventMeta & EventBody;

export const EVENT_TYPES: readonly EventType[] = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.noShow',
  'ticket.cancelled',
  'ticket.transferred',
  'counter.opened',
  'counter.closed',
];

export function eventId(device: string, seq: number): string {
  return `${device}:${seq}`;
}

/** The total order of the log: hlc, then device, then seq. */
export function compareEvents(a: EventMeta, b: EventMeta): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return a.seq - b.seq;
}
