import { localized, serviceById, type StoreConfig } from '../config/types.ts';
import type { WaitAlertChange } from '../wait/alerts.ts';
import { minutesOfWait } from '../wait/minutes.ts';
import type { PublishedWait } from '../wait/queue-state.ts';
import type { Issuing } from '../hours/last-ticket.ts';
import type { PublicMessage } from './messages.ts';
import { subtopics } from '../topics/names.ts';

/** What the wait topic carries beyond the estimate (README "Contract extensions"). */
export interface WaitExtras {
  /** An alert stands for the service (it needs a counter): the alerts topic's open/cleared. */
  readonly alert: boolean;
  /** Today's share of customers called within the target, %; null before anyone counts. */
  readonly serviceLevelToday: number | null;
  /**
   * Only for a service with opening hours or a daily cap (domain/hours): whether a ticket can
   * be taken now and, if not, when the service opens next. Absent: the payload is as before.
   */
  readonly hours?: Issuing;
}

/**
 * The wait-time part of the public MQTT API (DESIGN.md section 4), as pure data:
 *
 * - `{prefix}/{store}/wait/{service}` (retained): `{"service","waiting","estimateSec","lowSec",
 *   "highSec","openCounters","updatedAt"}`, the estimated wait of a ticket issued now, with its
 *   80% range; then the additions (README "Contract extensions"): `noCounter` (no open counter
 *   serves the service: the estimate is then the wait once one opens, and a screen must say
 *   "no counter open" instead) and `longestWaitSec` (the longest wait so far of a customer in
 *   line), `minutes` (what the minutes topic says; null while no counter serves it), `alert`
 *   and `serviceLevelToday` (WaitExtras), `remoteWaiting` (phone tickets awaiting check-in) and
 *   `nextSlot` (the next booked time, ISO; absent when none): one retained message per service
 *   with everything a dashboard shows (Home Assistant's discovery points at it, ha-discovery.ts);
 * - `{prefix}/{store}/wait/{service}/minutes` (retained): `estimateSec` in whole minutes,
 *   rounded up as every screen shows it (domain/wait/minutes.ts), a plain number; empty
 *   (clearing the retained value) while no counter serves the service;
 * - `{prefix}/{store}/alerts` (not retained): `{"kind":"waitAboveTarget","service","message",
 *   "at", ...}` when a service needs a counter (`status` "open": nobody serves those who wait,
 *   the longest current wait or a new customer's estimate is above the target; `reason` says
 *   which) and when it has recovered (`status` "cleared"); see domain/wait/alerts.ts.
 */
/** `closed` (outside the hours), `issuing` (why no ticket), `opensAt` (ISO, or null). */
function hoursFields(h: Issuing): {
  closed: boolean;
  issuing: Issuing['kind'];
  opensAt: string | null;
} {
  const opensAt =
    h.kind === 'open' || h.opensAt === undefined ? null : new Date(h.opensAt).toISOString();
  return { closed: h.kind === 'closed', issuing: h.kind, opensAt };
}

export function waitMessages(w: PublishedWait, extra: WaitExtras): PublicMessage[] {
  const payload = {
    service: w.service,
    waiting: w.waiting,
    estimateSec: w.estimateSec,
    lowSec: w.lowSec,
    highSec: w.highSec,
    openCounters: w.openCounters,
    updatedAt: w.updatedAt,
    noCounter: w.noCounter,
    longestWaitSec: w.longestWaitSec,
    minutes: w.noCounter ? null : waitMinutes(w),
    alert: extra.alert,
    serviceLevelToday: extra.serviceLevelToday,
    ...(w.remoteWaiting !== undefined ? { remoteWaiting: w.remoteWaiting } : {}),
    ...(w.nextSlot !== undefined ? { nextSlot: w.nextSlot } : {}),
    ...(extra.hours ? hoursFields(extra.hours) : {}),
  };
  return [
    { subtopic: subtopics.wait(w.service), retain: true, payload: JSON.stringify(payload) },
    // no counter serves it: no number (an empty retained message clears the last one), since
    // any number would promise a wait the store cannot deliver to signage that shows only it
    {
      subtopic: subtopics.waitMinutes(w.service),
      retain: true,
      payload: w.noCounter ? '' : String(waitMinutes(w)),
    },
  ];
}

/** `estimateSec` in whole minutes (the `/minutes` topic), rounded up as on every screen. */
export function waitMinutes(w: Pick<PublishedWait, 'estimateSec'>): number {
  return minutesOfWait(w.estimateSec);
}

export const WAIT_ALERT_KIND = 'waitAboveTarget';

const minutesText = (sec: number): string =>
  sec < 60 ? 'under a minute' : `${minutesOfWait(sec)} min`;

/**
 * The alerts-topic message for a raise or a recovery. `message` is English for signage, logs
 * and chat bridges; screens write their own text from the other fields.
 */
export function waitAlertMessage(
  change: WaitAlertChange,
  wait: PublishedWait,
  cfg: StoreConfig,
): PublicMessage {
  const service = serviceById(cfg, change.service);
  const name = service ? localized(service.name, 'en', cfg.store.defaultLanguage) : change.service;
  const raised = change.kind === 'raised';
  const target = minutesText(change.targetSec);
  const message = raised
    ? raisedText(name, change, wait)
    : wait.noCounter
      ? `${name}: nobody is waiting for it now (no counter open).`
      : `${name}: wait back to about ${minutesText(wait.estimateSec)} (target ${target}).`;
  return {
    subtopic: subtopics.alerts,
    retain: false,
    payload: JSON.stringify({
      kind: WAIT_ALERT_KIND,
      service: change.service,
      message,
      at: new Date(change.at).toISOString(),
      status: raised ? 'open' : 'cleared',
      alert: `wait-${change.service}-${change.raisedAt}`,
      raisedAt: new Date(change.raisedAt).toISOString(),
      targetSec: change.targetSec,
      estimateSec: wait.estimateSec,
      lowSec: wait.lowSec,
      highSec: wait.highSec,
      waiting: wait.waiting,
      openCounters: wait.openCounters,
      reason: change.reason,
      noCounter: wait.noCounter,
      longestWaitSec: wait.longestWaitSec,
    }),
  };
}

function raisedText(name: string, change: WaitAlertChange, wait: PublishedWait): string {
  const target = minutesText(change.targetSec);
  switch (change.reason) {
    case 'noCounter':
      return `${name}: ${wait.waiting} waiting and no counter is open for it. Open a counter.`;
    case 'longestWait':
      return `${name}: a customer has waited ${minutesText(change.longestWaitSec)}, above the ${target} target. Open another counter.`;
    case 'estimate':
      return `${name}: wait about ${minutesText(wait.estimateSec)}, above the ${target} target. Open another counter.`;
  }
}
