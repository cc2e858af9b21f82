/**
 * "I booked a time", once tapped (BookingCheckIn.tsx): a customer who booked on /book checks in
 * at the kiosk by typing their booking's six-digit code. The kiosk issues their ticket from its own range (offline too:
 * the day's bookings are in its replica) and shows it like any ticket it hands out.
 */
import { useState } from 'react';
import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import { bookingByCode, checkInBooked } from '../../domain/queue/booked-check-in.ts';
import type { QueueState } from '../../domain/queue/state.ts';
import { BOOKING_CODE } from '../../domain/queue/events.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { CodeEntryForm } from './CodeEntryForm.tsx';
import { newTicketId } from './ticket-id.ts';
import type { IssuedTicket } from './useIssueTicket.ts';

type Problem =
  | { readonly kind: 'unknown' | 'cancelled' | 'late'; readonly code: string }
  | { readonly kind: 'arrived'; readonly number: string }
  | { readonly kind: 'other' };

export function BookingCheckInForm(props: {
  kiosk: IssuingDeviceConfig;
  language: string;
  onTicket: (ticket: IssuedTicket) => void;
  onBack: () => void;
}) {
  const rt = useRuntime();
  const { t } = useT();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const submit = async () => {
    const wanted = code.replace(/\s/g, '');
    if (!BOOKING_CODE.test(wanted)) return setProblem({ kind: 'unknown', code: wanted });
    const outcome = await rt.run((state, at) =>
      checkInBooked(state, rt.config, {
        code: wanted,
        ticketId: newTicketId(),
        now: at,
        range: props.kiosk.range,
        lang: props.language,
      }),
    );
    if (outcome.ok && outcome.event.type === 'ticket.issued') {
      const { ticket, number, service } = outcome.event;
      return props.onTicket({
        ticketId: ticket,
        number,
        serviceId: service,
        priority: false,
        at: Date.now(),
      });
    }
    setProblem(problemOf(outcome.ok ? 'other' : outcome.error, wanted, rt.getSnapshot().state));
  };
  return (
    <CodeEntryForm
      fieldTestId="booking-checkin-code"
      submitTestId="booking-checkin-submit"
      label={t('kiosk.checkIn.booked.prompt')}
      value={code}
      inputMode="numeric"
      maxLength={7}
      onChange={setCode}
      onSubmit={() => void submit()}
      onBack={props.onBack}
    >
      {problem && (
        <p role="alert" data-testid={`booking-checkin-${problem.kind}`}>
          {problem.kind === 'arrived'
            ? t('kiosk.checkIn.booked.arrived', { number: problem.number })
            : problem.kind === 'other'
              ? t('kiosk.error.other')
              : t(`kiosk.checkIn.booked.${problem.kind}`, { code: problem.code })}
        </p>
      )}
    </CodeEntryForm>
  );
}

/** What the customer is told when no ticket came out of their code. */
function problemOf(error: string, code: string, state: QueueState): Problem {
  switch (error) {
    case 'unknownBooking':
      return { kind: 'unknown', code };
    case 'bookingCancelled':
      return { kind: 'cancelled', code };
    case 'bookingLate':
      return { kind: 'late', code };
    case 'bookingArrived': {
      const booking = bookingByCode(state, code);
      const ticket = booking?.ticket !== undefined ? state.tickets.get(booking.ticket) : undefined;
      return { kind: 'arrived', number: ticket?.number ?? '' };
    }
    default:
      return { kind: 'other' };
  }
}
