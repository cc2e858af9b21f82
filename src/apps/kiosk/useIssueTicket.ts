import { useCallback, useRef, useState } from 'react';
import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import {
  issuedBy,
  kioskFreeAt,
  kioskRefusal,
  type KioskRefusal,
} from '../../domain/kiosk/issue.ts';
import { promiseOf } from '../../domain/wait/promise.ts';
import type { QueueWait } from '../runtime/types.ts';
import { useRuntime } from '../shell/device-context.ts';
import { loadKioskIssue } from './later-parts.ts';
import { newTicketId } from './ticket-id.ts';

/** A ticket slower than this shows "One moment…" and disabled buttons while it comes. */
const ISSUING_SHOWN_AFTER_MS = 300;

export interface IssuedTicket {
  readonly ticketId: string;
  readonly number: string;
  readonly serviceId: string;
  readonly priority: boolean;
  /** When it was taken (local clock, ms), for the printed ticket. */
  readonly at: number;
}

/** What the customer is told when no ticket came out. */
export type IssueProblem =
  | { readonly kind: KioskRefusal }
  /** Too many tickets from this kiosk just now; another one is possible at `retryAt`. */
  | { readonly kind: 'rateLimited'; readonly retryAt: number };

/**
 * Issues a ticket from this kiosk's number range. A tap while one is being issued is ignored,
 * so a double tap never hands out two tickets; a burst of tickets (a child tapping on and on)
 * stops at the kiosk's rate limit with a friendly message.
 */
export function useIssueTicket(kiosk: IssuingDeviceConfig) {
  const rt = useRuntime();
  const running = useRef(false);
  // a tap holds the buttons at once (drawing nothing) and shows "One moment…" only if the
  // ticket is slow to come: drawing it on every tap cost a frame before the number
  const [busy, setBusy] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [problem, setProblem] = useState<IssueProblem>();

  const issue = useCallback(
    async (
      serviceId: string,
      priority = false,
      /** The customer's language, recorded on the ticket. */
      lang?: string,
      /** The wait the service's button showed as the customer tapped. */
      shown?: QueueWait,
    ): Promise<IssuedTicket | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      const slow = setTimeout(() => setIssuing(true), ISSUING_SHOWN_AFTER_MS);
      setProblem(undefined);
      try {
        const loaded = loadKioskIssue();
        const kioskIssue = typeof loaded === 'function' ? loaded : await loaded;
        let retryAt: number | undefined;
        // what the service's button showed as the customer tapped: the store's promise
        const promised = promiseOf(shown);
        const outcome = await rt.run((state, at) => {
          const decided = kioskIssue(state, at, {
            cfg: rt.config,
            kiosk,
            device: rt.deviceId,
            serviceId,
            ticketId: newTicketId(),
            priority,
            lang,
            promised,
          });
          retryAt = decided.retryAt;
          return decided.result;
        });
        if (outcome.ok && outcome.event.type === 'ticket.issued') {
          const { ticket, number, service } = outcome.event;
          return { ticketId: ticket, number, serviceId: service, priority, at: Date.now() };
        }
        const error = outcome.ok ? 'other' : outcome.error;
        if (error === 'rateLimited' && retryAt !== undefined) {
          setProblem({ kind: 'rateLimited', retryAt: onDeviceClock(retryAt, rt.storeNow()) });
          return undefined;
        }
        setProblem({ kind: kioskRefusal(error) });
        return undefined;
      } catch (error) {
        console.error('Ticket not issued', error);
        setProblem({ kind: 'storageFailed' });
        return undefined;
      } finally {
        clearTimeout(slow);
        running.current = false;
        setBusy(false);
        setIssuing(false);
      }
    },
    [rt, kiosk],
  );

  /** The next customer: what went wrong for the last one goes, a kiosk still limited stays. */
  const clearCustomerProblem = useCallback(
    () => setProblem((p) => (p?.kind === 'rateLimited' ? p : undefined)),
    [],
  );

  /**
   * At the moment the rate-limit message counted down to: the kiosk is free, or (its clock
   * moved, or the limit counts a ticket longer) the message stays with the domain's new moment.
   */
  const rateLimitOver = useCallback(() => {
    const at = rt.eventTime();
    const freeAt = kioskFreeAt(rt.config, issuedBy(rt.getSnapshot().state, rt.deviceId), at);
    setProblem((p) =>
      p?.kind !== 'rateLimited'
        ? p
        : freeAt <= at
          ? undefined
          : { kind: 'rateLimited', retryAt: onDeviceClock(freeAt, rt.storeNow()) },
    );
  }, [rt]);

  return { issue, busy, issuing, problem, clearCustomerProblem, rateLimitOver };
}

/**
 * A moment on the events' time as a moment on this device's clock, which the countdown reads.
 * Event times stand still while they are ahead of the store's clock (a peer's clock ahead
 * moved them on) and then run with it, so the moment comes when the store's clock reaches
 * it: counting from the event time instead would promise a minute and keep the kiosk locked
 * for as long as the peer was ahead.
 */
function onDeviceClock(eventTimeMoment: number, storeNow: number): number {
  return Date.now() + Math.max(0, eventTimeMoment - storeNow);
}
