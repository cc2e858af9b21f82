import { MAX_EVENTS_PER_MESSAGE } from '../message-limits.ts';

/**
 * Owns the replication protocol's timing constants. They are exported so that bounds in tests
 * are derived from them (src/sync/simulation/simulation.test.ts), not guessed.
 *
 * Default anti-entropy period: the agent announces its vector, a device asks for what it lacks
 * and sends again what the agent has not acknowledged. Also the cap of the resend back-off.
 */
export const ANTI_ENTROPY_MS = 15_000;
/** A replica announces its vector this long after a reason to (reasons in between share it). */
export const ANNOUNCE_DELAY_MS = 100;
/** The agent acknowledges events (announces its vector) this long after storing them. */
export const ACK_DELAY_MS = 200;
/** A replica answers a peer's announcement with the events the peer lacks after this long. */
export const ANSWER_DELAY_MS = 30;
/**
 * A device receiving events (a catch-up streaming in) asks for more only after this long
 * without any: its vector lags what is already on the way, and asking early made the agent
 * send the in-flight events again, and again; a large day never caught up.
 */
export const CATCH_UP_QUIET_MS = 500;
/** Own events sent this recently are in flight: not resent when the agent's vector lacks them. */
export const IN_FLIGHT_MS = 1_000;
/** Below this, a device trusts its own clock; above, it follows the agent's. */
export const OFFSET_TOLERANCE_MS = 2_000;
/** The first pause before own unacknowledged events are sent again; it doubles after. */
export const RETRY_FIRST_MS = 1_500;
/** A peer's clock skew is reported at most this often. */
export const SKEW_REPORT_EVERY_MS = 60_000;
/** A publish the broker has not acknowledged by then has failed. */
export const PUBLISH_TIMEOUT_MS = 10_000;
/**
 * A device keeps today's folded state for its next start (domain/sync/warm-day.ts) this long
 * after the state changed, and at most once per WARM_DAY_EVERY_MS; a start before it folds the
 * day instead. The record is about 100 KB at 300 tickets and 1.7 MB at 5,000: the gap bounds
 * what a busy day writes to a tablet's flash (at most about 100 MB an hour at 5,000 tickets).
 */
export const WARM_DAY_KEEP_MS = 10_000;
export const WARM_DAY_EVERY_MS = 60_000;
/** Events per message: a fifth of what a receiver accepts, so a message stays small. */
export const CHUNK = MAX_EVENTS_PER_MESSAGE / 5;
