/**
 * "I booked a time" on the welcome screen, where the store takes bookings. The form behind it
 * (BookingCheckInForm.tsx) is its own chunk: most customers never open it.
 */
import { Suspense, useState } from 'react';
import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { BookingCheckInForm, CheckInLoading, usePreloadCheckIn } from './check-in-forms.tsx';
import type { IssuedTicket } from './useIssueTicket.ts';

export function BookingCheckIn(props: {
  kiosk: IssuingDeviceConfig;
  language: string;
  onTicket: (ticket: IssuedTicket) => void;
}) {
  const rt = useRuntime();
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const offered = rt.config.services.some((s) => s.booking);
  usePreloadCheckIn('booking', offered);
  if (!offered) return null;
  if (open) {
    return (
      <Suspense fallback={<CheckInLoading />}>
        <BookingCheckInForm
          kiosk={props.kiosk}
          language={props.language}
          onTicket={(ticket) => {
            setOpen(false);
            props.onTicket(ticket);
          }}
          onBack={() => setOpen(false)}
        />
      </Suspense>
    );
  }
  return (
    <button
      type="button"
      className="button button--secondary"
      data-testid="booking-checkin-open"
      onClick={() => setOpen(true)}
    >
      {t('kiosk.checkIn.booked.open')}
    </button>
  );
}
