/**
 * The delivery policy of one webhook endpoint, without I/O: `(state, input) -> (state,
 * effects)`. Strict FIFO: only the head of the endpoint's queue is ever in flight, and it
 * leaves the queue only on success, so deliveries arrive in the order they were queued (hence
 * in order per ticket) and each at least once. After a failure the head is retried with
 * exponential backoff up to a cap; an endpoint failing without a break for `disableAfterMs`
 * is disabled (nothing more is queued for it) until a manager enables it again.
 */
export interface DeliveryOptions {
  /** First retry delay (ms); doubles with each failure in a row. */
  readonly baseMs: number;
  /** Longest retry delay (ms). */
  readonly capMs: number;
  /** Continuous failure this long (ms) disables the endpoint. */
  readonly disableAfterMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  baseMs: 1000,
  capMs: 5 * 60_000,
  disableAfterMs: 3 * 86_400_000,
};

/** What is persisted of an endpoint between restarts (with its queue on the disk). */
export interface EndpointHealth {
  /** Failures in a row (0 when the last attempt succeeded). */
  readonly failures: number;
  /** When the current run of failures began. */
  readonly failingSince?: number;
  readonly lastSuccess?: number;
  readonly lastError?: string;
  /** No attempt before this time (ms); undefined: now. */
  readonly nextAttemptAt?: number;
  /** When it was disabled, if it is. */
  readonly disabledAt?: number;
}

export interface DeliveryState extends EndpointHealth {
  /** Deliveries queued, the head included. */
  readonly pending: number;
  readonly inFlight: boolean;
}

export type DeliveryInput =
  | { readonly type: 'queued'; readonly count: number; readonly at: number }
  | { readonly type: 'tick'; readonly at: number }
  | { readonly type: 'succeeded'; readonly at: number }
  | { readonly type: 'failed'; readonly at: number; readonly error: string }
  | { readonly type: 'enabled'; readonly at: number };

export type DeliveryEffect =
  /** Send the head of the queue. */
  | { readonly type: 'attempt' }
  /** The head arrived: remove it from the queue (durably). */
  | { readonly type: 'ack' }
  /** Wake the endpoint (a `tick`) at this time. */
  | { readonly type: 'wake'; readonly at: number }
  /** Health changed: persist it. */
  | { readonly type: 'save' }
  | { readonly type: 'notice'; readonly notice: 'failing' | 'recovered' | 'disabled' | 'enabled' };

export const initialDelivery = (health: EndpointHealth, pending: number): DeliveryState => ({
  ...health,
  // a restart forgets a request in flight: its delivery is still the head, and is sent again
  inFlight: false,
  pending,
});

export function retryDelay(failures: number, opts: DeliveryOptions): number {
  return Math.min(opts.capMs, opts.baseMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
}

/** Starts the head's attempt when one is due; else asks to be woken when it is. */
function next(s: DeliveryState, at: number, effects: DeliveryEffect[]): DeliveryState {
  if (s.inFlight || s.pending === 0 || s.disabledAt !== undefined) return s;
  if (s.nextAttemptAt !== undefined && s.nextAttemptAt > at) {
    effects.push({ type: 'wake', at: s.nextAttemptAt });
    return s;
  }
  effects.push({ type: 'attempt' });
  return { ...s, inFlight: true };
}

export function stepDelivery(
  s: DeliveryState,
  input: DeliveryInput,
  opts: DeliveryOptions = DEFAULT_DELIVERY,
): { readonly state: DeliveryState; readonly effects: readonly DeliveryEffect[] } {
  const effects: DeliveryEffect[] = [];
  switch (input.type) {
    case 'queued':
      return {
        state: next({ ...s, pending: s.pending + input.count }, input.at, effects),
        effects,
      };
    case 'tick':
      return { state: next(s, input.at, effects), effects };
    case 'succeeded': {
      if (!s.inFlight) return { state: s, effects };
      effects.push({ type: 'ack' }, { type: 'save' });
      if (s.failures > 0) effects.push({ type: 'notice', notice: 'recovered' });
      const ok: DeliveryState = {
        pending: s.pending - 1,
        inFlight: false,
        failures: 0,
        lastSuccess: input.at,
        ...(s.disabledAt !== undefined ? { disabledAt: s.disabledAt } : {}),
      };
      return { state: next(ok, input.at, effects), effects };
    }
    case 'failed':
      return failed(s, input.at, input.error, opts, effects);
    case 'enabled': {
      if (s.disabledAt === undefined) return { state: s, effects };
      effects.push({ type: 'save' }, { type: 'notice', notice: 'enabled' });
      const fresh: DeliveryState = {
        pending: s.pending,
        inFlight: s.inFlight,
        failures: 0,
        ...(s.lastSuccess !== undefined ? { lastSuccess: s.lastSuccess } : {}),
      };
      return { state: next(fresh, input.at, effects), effects };
    }
  }
}

function failed(
  s: DeliveryState,
  at: number,
  error: string,
  opts: DeliveryOptions,
  effects: DeliveryEffect[],
): { readonly state: DeliveryState; readonly effects: readonly DeliveryEffect[] } {
  if (!s.inFlight) return { state: s, effects };
  const failures = s.failures + 1;
  const failingSince = s.failingSince ?? at;
  const disable = s.disabledAt === undefined && at - failingSince >= opts.disableAfterMs;
  effects.push({ type: 'save' });
  if (failures === 1) effects.push({ type: 'notice', notice: 'failing' });
  if (disable) effects.push({ type: 'notice', notice: 'disabled' });
  const state: DeliveryState = {
    ...s,
    inFlight: false,
    failures,
    failingSince,
    lastError: error,
    nextAttemptAt: at + retryDelay(failures, opts),
    ...(disable ? { disabledAt: at } : {}),
  };
  return { state: next(state, at, effects), effects };
}

/**
 * Whether new deliveries go into the endpoint's queue: a disabled endpoint takes nothing new,
 * or its queue would grow for days. What was queued before stays, for when it is enabled.
 */
export function acceptsDeliveries(s: EndpointHealth): boolean {
  return s.disabledAt === undefined;
}

/** The health to persist (the queue's length lives with the queue). */
export function healthOf(s: DeliveryState): EndpointHealth {
  return {
    failures: s.failures,
    ...(s.failingSince !== undefined ? { failingSince: s.failingSince } : {}),
    ...(s.lastSuccess !== undefined ? { lastSuccess: s.lastSuccess } : {}),
    ...(s.lastError !== undefined ? { lastError: s.lastError } : {}),
    ...(s.nextAttemptAt !== undefined ? { nextAttemptAt: s.nextAttemptAt } : {}),
    ...(s.disabledAt !== undefined ? { disabledAt: s.disabledAt } : {}),
  };
}
