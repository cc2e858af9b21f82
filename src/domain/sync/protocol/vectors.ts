import { isAgent, type ReplicaPolicy } from './policy.ts';
import {
  ANNOUNCE_DELAY_MS,
  ANSWER_DELAY_MS,
  CATCH_UP_QUIET_MS,
  OFFSET_TOLERANCE_MS,
  SKEW_REPORT_EVERY_MS,
} from './timing.ts';

/**
 * Owns what a replica does when a peer announces its version vector, as a pure step
 * `(state, input) -> (state, effects)`: acknowledgements, catch-up requests and answers,
 * clock following and skew reports. The driver (src/sync/replica.ts) performs the effects.
 */
export interface PeerState {
  /** The agent's clock minus ours, when notable (a device follows it). */
  readonly offset: number;
  /** The agent's latest vector: what it has ruled on. */
  readonly agentSaid?: { readonly device: string; readonly vector: Record<string, number> };
  /** When a peer's clock skew was last reported (clock ms). */
  readonly skewReported: ReadonlyMap<string, number>;
  /** When peers' events last arrived (clock ms). */
  readonly lastEventsAt: number;
}

export const initialPeers: PeerState = {
  offset: 0,
  skewReported: new Map(),
  lastEventsAt: -Infinity,
};

export type Effect =
  /** Announce our vector after `delayMs`, unless an announcement is already due. */
  | { readonly kind: 'announce'; readonly delayMs: number }
  /** Ask for what we lack once no events stream in (see askDelay). */
  | { readonly kind: 'ask' }
  /** Send `from` what it lacks after `delayMs` (one pending answer per key). */
  | {
      readonly kind: 'answer';
      readonly key: string;
      readonly delayMs: number;
      readonly part: 'all' | 'own';
    }
  /** The agent holds our events up to `upTo`: they may leave the outbox. */
  | { readonly kind: 'acknowledge'; readonly upTo: number }
  /** The agent's vector changed: held-back events it has ruled on may come in. */
  | { readonly kind: 'settleQuarantine' }
  /** Evidence for plausibility: `device` had written `count` events by `at`. */
  | {
      readonly kind: 'contact';
      readonly device: string;
      readonly count: number;
      readonly at: number;
    }
  | { readonly kind: 'clockSkew'; readonly device: string; readonly driftMs: number }
  /** Something a screen shows changed (the clock offset). */
  | { readonly kind: 'changed' };

export interface VectorInput {
  readonly self: string;
  readonly from: string;
  readonly theirs: Record<string, number>;
  /** The sender's clock when it announced. */
  readonly at?: number;
  /** Our own clock (uncorrected). */
  readonly now: number;
  /** Whether their vector holds events ours lacks. */
  readonly behind: boolean;
  /** The wait the agent's catch-up budget imposes on answering `from` (0 when none). */
  readonly budgetWait: number;
  readonly maxDriftMs: number;
}

export interface Step {
  readonly state: PeerState;
  readonly effects: Effect[];
}

/** A peer announced its vector. */
export function onVector(policy: ReplicaPolicy, s: PeerState, input: VectorInput): Step {
  const { from, theirs, at, now } = input;
  let state = s;
  const effects: Effect[] = [];
  if (isAgent(from)) {
    if (at !== undefined && policy.followsAgentClock) {
      const followed = followAgentClock(state.offset, at, now);
      if (followed) {
        state = { ...state, offset: followed.offset };
        if (followed.offset !== 0) {
          effects.push({ kind: 'clockSkew', device: input.self, driftMs: -followed.offset });
        }
        effects.push({ kind: 'changed' });
      }
    }
    effects.push({ kind: 'acknowledge', upTo: theirs[input.self] ?? 0 });
    if (policy.implausible === 'holdBack') {
      state = { ...state, agentSaid: { device: from, vector: theirs } };
      effects.push({ kind: 'settleQuarantine' });
    }
  } else {
    const count = theirs[from] ?? 0;
    effects.push({
      kind: 'contact',
      device: from,
      count,
      at: Math.min(now + s.offset, at ?? Infinity),
    });
    if (at !== undefined && policy.reportsPeerSkew && Math.abs(at - now) > input.maxDriftMs) {
      const reported = reportSkew(state, from, at - now, now);
      state = reported.state;
      effects.push(...reported.effects);
    }
  }
  // the agent's vector is every device's acknowledgement: answer each announcement with it
  if (policy.announcesOnVector) effects.push({ kind: 'announce', delayMs: ANNOUNCE_DELAY_MS });
  else if (input.behind) effects.push({ kind: 'ask' });
  const answer = answerPlan(policy, from, input.budgetWait);
  if (answer) effects.push(answer);
  return { state, effects };
}

/**
 * Who gets an answer: the agent helps every device with everything, after its catch-up budget
 * allows; a device helps only the agent, with its own events. A device does not answer other
 * devices: a vector from anyone would otherwise make every tablet send its day to everyone.
 */
function answerPlan(policy: ReplicaPolicy, from: string, budgetWait: number): Effect | undefined {
  const { to, part } = policy.answers;
  if (to === 'agent' && !isAgent(from)) return undefined;
  const delayMs = to === 'everyone' ? Math.max(ANSWER_DELAY_MS, budgetWait) : ANSWER_DELAY_MS;
  return { kind: 'answer', key: `${from}:${part}`, delayMs, part };
}

/**
 * A device takes the agent's clock as the store's time when its own is off by more than
 * OFFSET_TOLERANCE_MS; small wobbles of the estimate are ignored. Undefined: no change.
 */
export function followAgentClock(
  offset: number,
  agentNow: number,
  ourNow: number,
): { offset: number } | undefined {
  const measured = agentNow - ourNow;
  const next = Math.abs(measured) > OFFSET_TOLERANCE_MS ? measured : 0;
  if (Math.abs(next - offset) > OFFSET_TOLERANCE_MS / 2 || (next === 0 && offset !== 0)) {
    return { offset: next };
  }
  return undefined;
}

/** A skewed clock is reported at most once per SKEW_REPORT_EVERY_MS per device. */
export function reportSkew(s: PeerState, device: string, driftMs: number, now: number): Step {
  const last = s.skewReported.get(device);
  if (last !== undefined && now - last < SKEW_REPORT_EVERY_MS) return { state: s, effects: [] };
  const skewReported = new Map(s.skewReported).set(device, now);
  return { state: { ...s, skewReported }, effects: [{ kind: 'clockSkew', device, driftMs }] };
}

/**
 * When to ask for missing events: once none have arrived for CATCH_UP_QUIET_MS (a catch-up
 * still streaming in would otherwise be asked for again), then after ANNOUNCE_DELAY_MS. The
 * driver asks this again when that announcement is due: an answer that began to stream in
 * meanwhile (a new device's first catch-up, a second after its announcement) means waiting
 * for quiet again, not asking for it twice.
 */
export function askDelay(
  lastEventsAt: number,
  now: number,
): { readonly announceIn: number } | { readonly askAgainIn: number } {
  const quietFor = now - lastEventsAt;
  if (quietFor >= CATCH_UP_QUIET_MS) return { announceIn: ANNOUNCE_DELAY_MS };
  return { askAgainIn: CATCH_UP_QUIET_MS - quietFor };
}
