import { decodeHlc, encodeHlc, receive, tick, type Hlc } from '../clock/hlc.ts';
import { eventId, type RefusalReason, type StoreEvent } from '../queue/events.ts';
import { refusedIds } from '../queue/fold.ts';
import { judgeBatch, verdictBodies } from './admission.ts';
import type { LogCore } from './log-core.ts';
import type { ContactBook, PlausibilityRules } from './plausibility.ts';

/**
 * Owns how a batch of peers' events enters the log core, in three pure steps around the
 * driver's one storage write: which events are new, the judgement of them (and the agent's
 * verdicts, with the clock and sequence they move to), and taking them in once stored.
 */

/** Peers' events the log does not hold yet (floors a peer gave are raised first). */
export function freshOf(
  core: LogCore,
  batch: readonly StoreEvent[],
  floors: Record<string, number>,
  now: number,
): StoreEvent[] {
  for (const [device, seq] of Object.entries(floors)) {
    if (device !== core.device) core.log.raiseFloor(device, seq);
  }
  const seen = new Set<string>();
  const since = core.since(now);
  return batch.filter((e) => {
    if (core.log.has(e.device, e.seq) || seen.has(e.id) || e.device === core.device) return false;
    // an old day's event: the hub keeps it; a device has no use for it
    if (!core.policy.keepsOldDays && e.hlc < since) return false;
    seen.add(e.id);
    return true;
  });
}

export interface Judged {
  readonly fresh: readonly StoreEvent[];
  /** Refused here (by the agent) or held back (by a device), with why. */
  readonly refused: ReadonlyMap<string, RefusalReason>;
  /** Refused here, or by an agent's verdict before it arrived. */
  readonly out: (e: StoreEvent) => boolean;
  /** The agent's verdicts on `refused`, stored with what they judge. */
  readonly verdicts: readonly StoreEvent[];
  readonly hlc: Hlc;
  readonly seq: number;
  /** Events stamped beyond the drift limit: their devices' clocks are off by `driftMs`. */
  readonly skews: readonly { readonly device: string; readonly driftMs: number }[];
}

export function judgeFresh(
  core: LogCore,
  fresh: readonly StoreEvent[],
  ctx: { now: number; rules: PlausibilityRules; contacts: ContactBook; maxDriftMs: number },
): Judged {
  const { now } = ctx;
  // verdicts in this very batch (a catch-up brings them with what they judge)
  const judged = refusedIds(fresh);
  const refusedBefore = (id: string): boolean => judged.has(id) || core.state.refused.has(id);
  const refused = judgeBatch(fresh, {
    now,
    rules: ctx.rules,
    contacts: ctx.contacts,
    held: (device, seq) => core.log.get(device, seq),
    tickets: core.tickets,
    refused: { has: refusedBefore },
    isToday: (e) => core.isToday(e),
    // the agent writes the day's bookings, so it alone can tell a made-up one
    ...(core.policy.implausible === 'refuse' ? { bookings: core.state.appointments } : {}),
  });
  const out = (e: StoreEvent): boolean => refused.has(e.id) || refusedBefore(e.id);
  // clocks move only with what was taken: a refused event drags no clock along
  const limit = now + ctx.maxDriftMs;
  let hlc = core.hlc;
  const skews: { device: string; driftMs: number }[] = [];
  for (const e of fresh) {
    const remote = decodeHlc(e.hlc);
    if (remote.wall > limit) skews.push({ device: e.device, driftMs: remote.wall - now });
    if (!out(e)) hlc = receive(hlc, remote, now);
  }
  // the agent's verdicts are stored with what they judge, so its vector never covers a
  // refused event without its verdict (a device lets in what the vector covers)
  let seq = core.seq;
  const verdicts: StoreEvent[] = [];
  if (core.policy.implausible === 'refuse') {
    for (const body of verdictBodies(refused)) {
      hlc = tick(hlc, now);
      seq++;
      verdicts.push({
        id: eventId(core.device, seq),
        store: core.store,
        device: core.device,
        seq,
        hlc: encodeHlc(hlc),
        ...body,
      });
    }
  }
  return { fresh, refused, out, verdicts, hlc, seq, skews };
}

/** The judged batch is on disk: the log core takes it in; returns what joined the state. */
export function takeJudged(core: LogCore, j: Judged): StoreEvent[] {
  core.hlc = j.hlc;
  core.seq = j.seq;
  for (const e of [...j.fresh, ...j.verdicts]) core.log.add(e);
  if (core.policy.implausible === 'holdBack') {
    for (const e of j.fresh) if (j.refused.has(e.id)) core.quarantine.set(e.id, e);
  }
  const taken = [...j.fresh.filter((e) => !j.out(e)), ...j.verdicts];
  core.noteTickets(taken);
  return taken;
}
