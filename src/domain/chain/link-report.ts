/**
 * The store link's state as the chain and the store's manager see it: published on
 * `linkSubject(store)` and served by the hub's `/api/chain-link` for the manager board.
 */
export interface LinkReport {
  /** The hub holds a connection to the chain's cluster. */
  readonly connected: boolean;
  /** The store's durable events the chain has not acknowledged yet. */
  readonly waiting: number;
  /** When the chain last acknowledged an event (ms), null: never since the hub started. */
  readonly lastAckAt: number | null;
  /** The time of the newest event the link has seen (ms), null: none. */
  readonly lastEventAt: number | null;
  /** When this report was made (ms). */
  readonly at: number;
}

/** What the manager board shows: the link, or that the hub runs without a chain. */
export type ChainLinkView = ({ readonly enabled: true } & LinkReport) | { readonly enabled: false };
