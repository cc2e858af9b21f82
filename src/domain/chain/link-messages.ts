/**
 * The store link machine's vocabulary (src/domain/chain/link-state.ts): the events it tracks,
 * its inputs and effects, the notes it asks the log for, and its limits with their defaults.
 */
import type { PersistedCursor } from './link-cursor.ts';
import type { LinkReport } from './link-report.ts';
/** One durable event of the store, as the link sees it. */
export interface LinkItem {
  readonly device: string;
  readonly seq: number;
  /** The event's own time (ms): the report's lastEventAt. */
  readonly at: number;
}

export interface LinkOptions {
  /** Publishes without acknowledgement at once. */
  readonly window: number;
  /** Publishes per second, sustained, and the burst above it. */
  readonly ratePerSec: number;
  readonly burst: number;
  /** A publish unacknowledged this long is sent again (ms). */
  readonly ackTimeoutMs: number;
  /** The cursor is written this long after the first ack it lacks (ms). */
  readonly persistDelayMs: number;
  /** The link report is published at least this often (ms). */
  readonly reportEveryMs: number;
  /** First pause after a refused publish (ms), doubling up to `maxBackoffMs`. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = {
  window: 64,
  ratePerSec: 500,
  burst: 100,
  ackTimeoutMs: 10_000,
  persistDelayMs: 500,
  reportEveryMs: 10_000,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
};

export type LinkInput =
  | { readonly kind: 'committed'; readonly items: readonly LinkItem[] }
  | { readonly kind: 'ack'; readonly device: string; readonly seq: number }
  | {
      readonly kind: 'nack';
      readonly device: string;
      readonly seq: number;
      readonly reason: string;
    }
  | { readonly kind: 'connected' }
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'tick' };

export type LinkNote =
  | { readonly note: 'up' }
  | { readonly note: 'down'; readonly waiting: number }
  | { readonly note: 'caughtUp'; readonly count: number }
  | { readonly note: 'refused'; readonly reason: string; readonly waiting: number };

export type LinkEffect =
  | { readonly kind: 'publish'; readonly item: LinkItem }
  | { readonly kind: 'persist'; readonly cursor: PersistedCursor }
  | { readonly kind: 'wake'; readonly at: number }
  | { readonly kind: 'report'; readonly report: LinkReport }
  | ({ readonly kind: 'note' } & LinkNote);
