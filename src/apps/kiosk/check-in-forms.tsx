/**
 * The check-in forms behind "I have a ticket from my phone" and "I booked a time", in chunks of
 * their own (with the queue commands they run): fetched once the welcome screen is up, where
 * the store offers them, so a tap does not wait for them. The service worker precaches them,
 * so they open offline too.
 */
import { lazy, useEffect } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { afterFirstScreen } from '../shell/first-screen.ts';

// each form's import path once: the preload and the lazy component share it
const loaders = {
  phone: () => import('./PhoneCheckInForm.tsx'),
  booking: () => import('./BookingCheckInForm.tsx'),
};

export const PhoneCheckInForm = lazy(async () => ({
  default: (await loaders.phone()).PhoneCheckInForm,
}));

export const BookingCheckInForm = lazy(async () => ({
  default: (await loaders.booking()).BookingCheckInForm,
}));

/** Fetches a form once the first screen is up, where the store offers its check-in. */
export function usePreloadCheckIn(form: keyof typeof loaders, offered: boolean): void {
  useEffect(() => {
    if (!offered) return;
    const load: () => Promise<unknown> = loaders[form];
    void afterFirstScreen()
      .then(load)
      .catch(() => undefined); // (a tap fetches it again)
  }, [form, offered]);
}

/** In place of a form while its code comes (on a tap before the preload was done). */
export function CheckInLoading() {
  const { t } = useT();
  return (
    <p className="kiosk-phone-checkin" role="status">
      {t('shell.loading')}
    </p>
  );
}
