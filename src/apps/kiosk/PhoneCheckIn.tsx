/**
 * "I have a ticket from my phone" on the welcome screen, where the store takes phone tickets.
 * The form behind it (PhoneCheckInForm.tsx) is its own chunk: most customers never open it.
 */
import { Suspense, useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { CheckInLoading, PhoneCheckInForm, usePreloadCheckIn } from './check-in-forms.tsx';

export function PhoneCheckIn() {
  const rt = useRuntime();
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const offered = rt.config.services.some((s) => s.remote?.checkIn);
  usePreloadCheckIn('phone', offered);
  if (!offered) return null;
  if (open) {
    return (
      <Suspense fallback={<CheckInLoading />}>
        <PhoneCheckInForm onBack={() => setOpen(false)} />
      </Suspense>
    );
  }
  return (
    <div className="kiosk-phone-checkin">
      <button
        type="button"
        className="button button--secondary"
        data-testid="phone-checkin-open"
        onClick={() => setOpen(true)}
      >
        {t('kiosk.checkIn.open')}
      </button>
    </div>
  );
}
