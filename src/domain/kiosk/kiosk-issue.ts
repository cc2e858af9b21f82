import type { IssuingDeviceConfig, StoreConfig } from '../config/types.ts';
import { issueTicket, type CommandResult } from '../queue/commands.ts';
import type { WaitPromise } from '../queue/events.ts';
import type { QueueState } from '../queue/state.ts';
import { serviceIssuing } from '../hours/service-issuing.ts';
import { checkKioskRequest, issuedBy } from './issue.ts';

/** What a kiosk's tap decided, and when the rate limit refused it, when the kiosk is free. */
export interface KioskIssue {
  readonly result: CommandResult;
  /** Set when rate-limited: the moment (on the events' time, `at`) another ticket is possible. */
  readonly retryAt?: number;
}

/**
 * A kiosk's tap as one command: its own rules, then the queue's. Runs inside the replica's
 * commit with `at`, the time the ticket will carry: the rate limit compares it with the times
 * of the kiosk's earlier tickets, which carry the same clock (a peer's clock ahead moves it
 * on, and a check on the device's own clock would then lock the kiosk for as long).
 */
export function kioskIssue(
  state: QueueState,
  at: number,
  req: {
    readonly cfg: StoreConfig;
    readonly kiosk: IssuingDeviceConfig;
    readonly device: string;
    readonly serviceId: string;
    readonly ticketId: string;
    readonly priority: boolean;
    /** The language the customer chose (on the ticket, for screens handed to them). */
    readonly lang?: string | undefined;
    /** The wait the kiosk showed for the service (recorded on the ticket for the audit). */
    readonly promised?: WaitPromise | undefined;
  },
): KioskIssue {
  const check = checkKioskRequest(req.cfg, {
    serviceId: req.serviceId,
    priority: req.priority,
    now: at,
    recent: issuedBy(state, req.device),
  });
  if (!check.ok) {
    return {
      result: { ok: false, error: check.error },
      ...(check.error === 'rateLimited' ? { retryAt: check.retryAt } : {}),
    };
  }
  // the hours, the last ticket and the daily cap, on the wait the button showed
  const p = req.promised;
  const wait = p && { estimateSec: p.sec, lowSec: p.low, highSec: p.high };
  const hours = serviceIssuing(req.cfg, state, req.serviceId, at, wait);
  if (hours.kind !== 'open') return { result: { ok: false, error: hours.kind } };
  const result = issueTicket(
    state,
    req.cfg,
    req.kiosk,
    req.serviceId,
    req.ticketId,
    req.priority,
    req.lang,
  );
  if (!result.ok || !req.promised || result.event.type !== 'ticket.issued') return { result };
  return { result: { ok: true, event: { ...result.event, promised: req.promised } } };
}
