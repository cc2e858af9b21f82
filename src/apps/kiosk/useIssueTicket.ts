import { useCallback, useRef, useState } from 'react';
import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import { issueTicket } from '../../domain/queue/commands.ts';
import { useRuntime } from '../shell/device-context.ts';
import { newTicketId } from './ticket-id.ts';

export interface IssuedTicket {
  readonly ticketId: string;
  readonly number: string;
  readonly serviceId: string;
}

/** What the customer is told when no ticket came out. */
export type IssueProblem = 'rangeExhausted' | 'storageFailed' | 'other';

/**
 * Issues a ticket from this kiosk's number range. A tap while one is being issued is ignored,
 * so a double tap never hands out two tickets.
 */
export function useIssueTicket(kiosk: IssuingDeviceConfig) {
  const rt = useRuntime();
  const running = useRef(false);
  const [issuing, setIssuing] = useState(false);
  const [problem, setProblem] = useState<IssueProblem>();

  const issue = useCallback(
    async (serviceId: string): Promise<IssuedTicket | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setIssuing(true);
      setProblem(undefined);
      try {
        const outcome = await rt.run((state) =>
          issueTicket(state, rt.config, kiosk, serviceId, newTicketId()),
        );
        if (outcome.ok && outcome.event.type === 'ticket.issued') {
          const { ticket, number, service } = outcome.event;
          return { ticketId: ticket, number, serviceId: service };
        }
        const error = outcome.ok ? 'other' : outcome.error;
        setProblem(error === 'rangeExhausted' || error === 'storageFailed' ? error : 'other');
        return undefined;
      } catch (error) {
        console.error('Ticket not issued', error);
        setProblem('storageFailed');
        return undefined;
      } finally {
        running.current = false;
        setIssuing(false);
      }
    },
    [rt, kiosk],
  );

  const clearProblem = useCallback(() => setProblem(undefined), []);

  return { issue, issuing, problem, clearProblem };
}
