import { Suspense, useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { QueueWait } from '../runtime/types.ts';
import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import { holdDisplayMode } from '../../ui/document.ts';
import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { afterFirstScreen } from '../shell/first-screen.ts';
import { applyUpdate, useUpdateAvailable } from '../shell/pwa-update.ts';
import { PLAIN_DISPLAY, type DisplayPrefs } from './DisplayOptions.tsx';
import { HiddenCorner } from './HiddenCorner.tsx';
import {
  KioskSettings,
  loadKioskIssue,
  loadTicketScreen,
  PinDialog,
  restoreUsbPrinterLater,
  type TicketScreenModule,
} from './later-parts.ts';
import { useIdle } from './useIdle.ts';
import { useIssueTicket, type IssuedTicket } from './useIssueTicket.ts';
import { WelcomeScreen } from './WelcomeScreen.tsx';

type Admin = 'closed' | 'pin' | 'settings';

/**
 * The customer's visit at the kiosk: welcome, tap a service, see the ticket, back to welcome
 * (on Done or after the idle time) in the store's language and plain display, ready for the
 * next customer. Behind a hidden gesture and the manager's PIN: the kiosk settings.
 */
export function KioskFlow(props: { kiosk: IssuingDeviceConfig; onChangeKiosk: () => void }) {
  const { kiosk } = props;
  const { config } = useRuntime();
  const storeLanguage = config.store.defaultLanguage;
  const idleMs = config.kiosk.idleResetSec * 1000;
  const [language, setLanguage] = useState(storeLanguage);
  const [display, setDisplay] = useState<DisplayPrefs>(PLAIN_DISPLAY);
  const [ticket, setTicket] = useState<IssuedTicket>();
  const [returned, setReturned] = useState(false);
  const [admin, setAdmin] = useState<Admin>('closed');
  const { issue, busy, issuing, problem, clearCustomerProblem, rateLimitOver } =
    useIssueTicket(kiosk);
  const updateAvailable = useUpdateAvailable();
  // the ticket screen's code comes after the welcome screen showed (or with the first tap)
  const [ticketScreen, setTicketScreen] = useState<TicketScreenModule>();

  useEffect(() => holdDisplayMode('a11y-contrast', display.contrast), [display.contrast]);
  useEffect(() => holdDisplayMode('a11y-large', display.large), [display.large]);
  useEffect(() => {
    let live = true;
    void afterFirstScreen()
      .then(loadTicketScreen)
      .then((m) => live && setTicketScreen(() => m))
      .then(loadKioskIssue)
      .then(restoreUsbPrinterLater)
      .catch((error: unknown) => console.warn('[nextup] kiosk code did not load', error));
    return () => {
      live = false;
    };
  }, []);

  const hadTicket = ticket !== undefined;
  const nextCustomer = useCallback(() => {
    if (hadTicket) setReturned(true);
    setTicket(undefined);
    setLanguage(storeLanguage);
    setDisplay(PLAIN_DISPLAY);
    setAdmin('closed');
    clearCustomerProblem();
  }, [hadTicket, storeLanguage, clearCustomerProblem]);

  const onWelcome = ticket === undefined;
  // a rate limit is the kiosk's, not the customer's: it stays until the kiosk is free
  const customised =
    language !== storeLanguage ||
    display.contrast ||
    display.large ||
    (problem !== undefined && problem.kind !== 'rateLimited');
  const ticketIdle = useIdle(idleMs, nextCustomer, !onWelcome || admin !== 'closed');
  useIdle(idleMs, nextCustomer, onWelcome && admin === 'closed' && customised);
  // A new version waits until nobody is using the kiosk.
  useIdle(idleMs, applyUpdate, onWelcome && admin === 'closed' && updateAvailable && !busy);

  const chooseService = useCallback(
    async (serviceId: string, priority: boolean, shown: QueueWait | undefined) => {
      const [issued, screen] = await Promise.all([
        issue(serviceId, priority, language, shown),
        loadTicketScreen().catch(() => undefined),
      ]);
      // the number is durable: drawn in this task, not in one React schedules after a frame
      flushSync(() => {
        if (screen) setTicketScreen(() => screen);
        if (issued) setTicket(issued);
      });
    },
    [issue, language],
  );

  const showBooked = useCallback(async (issued: IssuedTicket) => {
    const screen = await loadTicketScreen().catch(() => undefined);
    if (screen) setTicketScreen(() => screen);
    setTicket(issued);
  }, []);

  return (
    <I18nProvider
      language={language}
      contentFallback={storeLanguage}
      timeZone={config.store.timeZone}
    >
      {ticket && ticketScreen ? (
        <ticketScreen.TicketScreen
          key={ticket.ticketId}
          ticket={ticket}
          idleSec={config.kiosk.idleResetSec}
          idleKey={ticketIdle}
          onDone={nextCustomer}
        />
      ) : (
        <WelcomeScreen
          issuing={issuing}
          busy={busy}
          problem={problem}
          language={language}
          display={display}
          focusTitle={returned}
          onLanguage={setLanguage}
          onDisplay={setDisplay}
          onChooseService={(id, priority, shown) => void chooseService(id, priority, shown)}
          onRateLimitOver={rateLimitOver}
          kiosk={kiosk}
          onBookedTicket={(issued) => void showBooked(issued)}
        />
      )}
      <HiddenCorner onGesture={() => setAdmin('pin')} />
      {admin !== 'closed' && (
        // Staff settings speak the store's language, whatever the last customer chose.
        <I18nProvider language={storeLanguage} timeZone={config.store.timeZone}>
          <Suspense fallback={null}>
            {admin === 'pin' ? (
              <PinDialog
                pin={config.kiosk.managerPin}
                onUnlock={() => setAdmin('settings')}
                onCancel={() => setAdmin('closed')}
              />
            ) : (
              <KioskSettings
                kiosk={kiosk}
                onChangeKiosk={props.onChangeKiosk}
                onClose={() => setAdmin('closed')}
              />
            )}
          </Suspense>
        </I18nProvider>
      )}
    </I18nProvider>
  );
}
