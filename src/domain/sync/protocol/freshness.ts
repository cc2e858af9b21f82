/**
 * Owns whether a device's view of the queue is the store's, which a wait shown to a customer
 * rests on. Right after a start or a reconnection the device lacks what happened while it was
 * away until the agent's catch-up is in: a wait from its view then would be rosier than the
 * store's (fewer people ahead). Offline, its own view is all there is, and its connection
 * state says so on every screen.
 */
export type Freshness =
  /** Started and not yet in touch with the hub (held up to FIRST_CONTACT_MS). */
  | 'starting'
  /** Connected; the agent has not said what it holds since (held up to FIRST_CONTACT_MS). */
  | 'awaitingAgent'
  /** The agent holds events this device lacks: they are on their way. */
  | 'catchingUp'
  /** Holds everything the agent held when it said, since this connection. */
  | 'current'
  /** Offline, or no word from the hub in time: its own view, as its connection state says. */
  | 'ownView';

export type FreshnessInput =
  | { readonly kind: 'online' }
  | { readonly kind: 'offline' }
  /** FIRST_CONTACT_MS passed since the start or the connection. */
  | { readonly kind: 'noContact' }
  /** The agent announced its vector: does it hold events we lack (or is our state unfolded)? */
  | { readonly kind: 'agentSaid'; readonly behind: boolean }
  /** Our log or state changed while catching up. */
  | { readonly kind: 'progress'; readonly behind: boolean };

/**
 * How long a device waits for the hub's first word before showing its own view. The agent
 * answers a device's announcement within a few hundred ms; a start whose connection attempt
 * hangs (a hub gone from the network) must not hide the waits for good.
 */
export const FIRST_CONTACT_MS = 10_000;

export const initialFreshness = (role: 'agent' | 'device'): Freshness =>
  role === 'agent' ? 'current' : 'starting';

export function nextFreshness(f: Freshness, input: FreshnessInput): Freshness {
  switch (input.kind) {
    case 'online':
      return 'awaitingAgent';
    case 'offline':
      return 'ownView';
    case 'noContact':
      return f === 'starting' || f === 'awaitingAgent' ? 'ownView' : f;
    case 'agentSaid':
      // once current, a vector ahead of us means a relay in flight, not a gap: no flicker
      if (f === 'current') return f;
      return input.behind ? 'catchingUp' : 'current';
    case 'progress':
      return f === 'catchingUp' && !input.behind ? 'current' : f;
  }
}

/** Whether screens may show waits and places in line from the device's view. */
export const waitsKnown = (f: Freshness): boolean => f === 'current' || f === 'ownView';
