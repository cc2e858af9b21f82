import { useCallback, useState } from 'react';
import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { applyUpdate, useUpdateAvailable } from '../shell/pwa-update.ts';
import { TicketScreen } from './TicketScreen.tsx';
import { useIdle } from './useIdle.ts';
import { useIssueTicket, type IssuedTicket } from './useIssueTicket.ts';
import { WelcomeScreen } from './WelcomeScreen.tsx';

/**
 * The customer's visit at the kiosk: welcome, tap a service, see the ticket, back to welcome
 * (on Done or after the idle time) in the store's language, ready for the next customer.
 */
export function KioskFlow({ kiosk }: { kiosk: IssuingDeviceConfig }) {
  const { config } = useRuntime();
  const storeLanguage = config.store.defaultLanguage;
  const idleMs = config.kiosk.idleResetSec * 1000;
  const [language, setLanguage] = useState(storeLanguage);
  const [ticket, setTicket] = useState<IssuedTicket>();
  const { issue, issuing, problem, clearProblem } = useIssueTicket(kiosk);
  const updateAvailable = useUpdateAvailable();

  const nextCustomer = useCallback(() => {
    setTicket(undefined);
    setLanguage(storeLanguage);
    clearProblem();
  }, [storeLanguage, clearProblem]);

  const onWelcome = ticket === undefined;
  const ticketIdle = useIdle(idleMs, nextCustomer, !onWelcome);
  useIdle(idleMs, nextCustomer, onWelcome && (language !== storeLanguage || problem !== undefined));
  // A new version waits until nobody is using the kiosk.
  useIdle(idleMs, applyUpdate, onWelcome && updateAvailable && !issuing);

  const chooseService = useCallback(
    async (serviceId: string) => {
      const issued = await issue(serviceId);
      if (issued) setTicket(issued);
    },
    [issue],
  );

  return (
    <I18nProvider
      language={language}
      contentFallback={storeLanguage}
      timeZone={config.store.timeZone}
    >
      {ticket ? (
        <TicketScreen
          ticket={ticket}
          idleSec={config.kiosk.idleResetSec}
          idleKey={ticketIdle}
          onDone={nextCustomer}
        />
      ) : (
        <WelcomeScreen
          issuing={issuing}
          problem={problem}
          language={language}
          onLanguage={setLanguage}
          onChooseService={(id) => void chooseService(id)}
        />
      )}
    </I18nProvider>
  );
}
