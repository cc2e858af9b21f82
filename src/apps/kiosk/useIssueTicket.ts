import { useCallback, useRef, useState } from 'react';
import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import { checkKioskRequest, kioskFreeAt } from '../../domain/kiosk/issue.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import { useRuntime } from '../shell/device-context.ts';
import { loadIssueTicket } from './later-parts.ts';
import { newTicketId } from './ticket-id.ts';

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
  | { readonly kind: 'rangeExhausted' | 'storageFailed' | 'priorityNotAllowed' | 'other' }
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
  const [issuing, setIssuing] = useState(false);
  const [problem, setProblem] = useState<IssueProblem>();

  const issue = useCallback(
    async (
      serviceId: string,
      priority = false,
      /** The customer's language, recorded on the ticket. */
      lang?: string,
    ): Promise<IssuedTicket | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setIssuing(true);
      setProblem(undefined);
      try {
        const now = Date.now();
        const check = checkKioskRequest(rt.config, {
          serviceId,
          priority,
          now,
          recent: issuedHere(rt.getSnapshot().state, rt.deviceId),
        });
        if (!check.ok) {
          setProblem(
            check.error === 'rateLimited'
              ? { kind: 'rateLimited', retryAt: check.retryAt }
              : { kind: check.error },
          );
          return undefined;
        }
        const issueTicket = await loadIssueTicket();
        const outcome = await rt.run((state) =>
          issueTicket(state, rt.config, kiosk, serviceId, newTicketId(), priority, lang),
        );
        if (outcome.ok && outcome.event.type === 'ticket.issued') {
          const { ticket, number, service } = outcome.event;
          return { ticketId: ticket, number, serviceId: service, priority, at: now };
        }
        const error = outcome.ok ? 'other' : outcome.error;
        setProblem({
          kind: error === 'rangeExhausted' || error === 'storageFailed' ? error : 'other',
        });
        return undefined;
      } catch (error) {
        console.error('Ticket not issued', error);
        setProblem({ kind: 'storageFailed' });
        return undefined;
      } finally {
        running.current = false;
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
    const now = Date.now();
    const freeAt = kioskFreeAt(rt.config, issuedHere(rt.getSnapshot().state, rt.deviceId), now);
    setProblem((p) =>
      p?.kind !== 'rateLimited'
        ? p
        : freeAt <= now
          ? undefined
          : { kind: 'rateLimited', retryAt: freeAt },
    );
  }, [rt]);

  return { issue, issuing, problem, clearCustomerProblem, rateLimitOver };
}

/**
 * When this kiosk issued today's tickets (their clock time), for its rate limit: read from the
 * log, so a reload of the page does not reset the limit.
 */
function issuedHere(state: QueueState, device: string): number[] {
  const out: number[] = [];
  for (const t of state.tickets.values()) if (t.issuedBy === device) out.push(t.issuedAt);
  return out;
}
