import { useEffect, useRef } from 'react';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { FinishedVisit } from './FinishedVisit.tsx';
import { nudge, unlockNudgeSound } from './nudge.ts';
import { ParkedVisits } from './ParkedVisits.tsx';
import { useVisitDesk } from './useVisitDesk.ts';
import { VisitPanel } from './VisitPanel.tsx';

/** The clerk's assistant for the customers with them: the visit on screen and the parked ones. */
export function VisitArea({ counter }: { counter: string }) {
  const { t } = useT();
  const { desk, view } = useVisitDesk(counter);
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
        <VisitPanel desk={desk} card={view.active} />
      ) : view.finished ? (
        <FinishedVisit card={view.finished} onDismiss={() => desk.dismissFinished()} />
      ) : (
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
