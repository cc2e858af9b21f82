import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../../shell/device-context.ts';
import { customerLanguage } from './customer-language.ts';
import { CustomerFeedback } from './CustomerFeedback.tsx';
import { FinishedVisit } from './FinishedVisit.tsx';
import { nudge, unlockNudgeSound } from './nudge.ts';
import { ParkedVisits } from './ParkedVisits.tsx';
import { useVisitDesk } from './useVisitDesk.ts';
import { VisitPanel } from './VisitPanel.tsx';

/**
 * The clerk's assistant for the customers with them: the visit on screen and the parked ones,
 * and the rating screen while the tablet is in the customer's hands. With a ticket at the
 * counter (`ticketHere`) the ticket panel above speaks for the customer: no "no customer" line,
 * and its Transfer is the only one.
 */
export function VisitArea({ counter, ticketHere }: { counter: string; ticketHere: boolean }) {
  const { t } = useT();
  const { config } = useRuntime();
  const { state } = useDevice();
  const { desk, view } = useVisitDesk(counter);
  /** The visit whose customer holds the tablet, and in which language they read. */
  const [handed, setHanded] = useState<{ visit: string; language: string }>();
  useNudgeSound(view.nudges);
  useShownMark(view.ready);

  if (!desk || !view.ready) {
    return (
      <section className="visit visit--loading" aria-busy="true">
        <p className="clerk-hint">{t('clerk.visit.loading')}</p>
      </section>
    );
  }
  return (
    <div
      className="visit-area"
      data-testid="visit-area"
      data-restore-ms={view.restoreMs ?? ''}
      onPointerDownCapture={unlockNudgeSound}
    >
      {view.active ? (
        <VisitPanel
          desk={desk}
          card={view.active}
          canTransfer={!ticketHere}
          onHandOver={() => {
            const ticket = view.active?.ticket;
            const lang = ticket ? state.tickets.get(ticket.id)?.lang : undefined;
            if (view.active) {
              setHanded({ visit: view.active.id, language: customerLanguage(config, lang) });
            }
          }}
        />
      ) : view.finished ? (
        <FinishedVisit card={view.finished} onDismiss={() => desk.dismissFinished()} />
      ) : ticketHere ? null : (
        <section className="visit visit--none" data-testid="visit-none">
          <p className="visit__none">{t('clerk.visit.none')}</p>
        </section>
      )}
      <ParkedVisits cards={view.parked} due={view.due} onSwitch={(id) => desk.resume(id)} />
      <button
        type="button"
        className="button button--secondary visit-area__walk-in"
        data-testid="visit-walk-in"
        onClick={() => desk.startWalkIn()}
      >
        {t('clerk.visit.startWalkIn')}
      </button>
      {handed && (
        <CustomerFeedback
          key={handed.visit}
          language={handed.language}
          onRate={(satisfaction, nps) =>
            desk.send(handed.visit, {
              type: 'FEEDBACK',
              satisfaction,
              ...(nps !== undefined ? { nps } : {}),
            })
          }
          onSkip={() => {
            desk.send(handed.visit, { type: 'SKIP_FEEDBACK' });
            setHanded(undefined);
          }}
          onClose={() => setHanded(undefined)}
        />
      )}
    </div>
  );
}

/** One double beep (and vibration) each time another re-check becomes due. */
function useNudgeSound(nudges: number): void {
  const heard = useRef(0);
  useEffect(() => {
    if (nudges > heard.current) nudge();
    heard.current = nudges;
  }, [nudges]);
}

/** Marks when the restored visits are first on screen (read by bench/visit-restore.ts). */
function useShownMark(ready: boolean): void {
  useEffect(() => {
    if (ready && performance.getEntriesByName('nextup:visit-shown').length === 0) {
      performance.mark('nextup:visit-shown');
    }
  }, [ready]);
}
