import { useEffect, useRef } from 'react';
import { callNext, openCounter } from '../../domain/queue/commands.ts';
import { ticketAtCounter } from '../../domain/queue/selectors.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import type { ClerkStation } from './clerk-station.ts';
import { ClerkProblem } from './ClerkProblem.tsx';
import { CloseCounterConfirm } from './CloseCounterConfirm.tsx';
import { ConflictBanner } from './ConflictBanner.tsx';
import { CounterHeader } from './CounterHeader.tsx';
import { CurrentTicketPanel } from './CurrentTicketPanel.tsx';
import { useClerkAction } from './useClerkAction.ts';
import { useCounterClosing } from './useCounterClosing.ts';
import { VisitArea } from './visit/VisitArea.tsx';
import { WaitingList } from './WaitingList.tsx';

/**
 * The counter at work: the visit assistant for the customer(s) with the clerk, the ticket at
 * the counter, call the next one, who is waiting. A visit starts when a ticket is called and
 * its end completes the ticket (see domain/visit/link.ts); the ticket buttons still work.
 */
export function WorkScreen(props: { station: ClerkStation; onClosed: () => void }) {
  const { counter } = props.station;
  const rt = useRuntime();
  const { state, myConflicts } = useDevice();
  const { t } = useT();
  const { act, busy, problem } = useClerkAction();
  const closing = useCounterClosing(state, counter, act, props.onClosed);

  const counterState = state.counters.get(counter);
  const isOpen = counterState?.open === true;
  const services = isOpen ? counterState.services : props.station.services;
  const current = ticketAtCounter(state, counter);
  const canCallNext = callNext(state, counter, services, rt.storeNow()).ok;

  useReopenAfterReload(props.station, isOpen);

  // While a customer is here the ticket's and the visit's buttons come first; call next waits.
  const callNextButton = (
    <button
      type="button"
      className="button button--primary clerk-call-next"
      data-testid="call-next"
      disabled={busy || !canCallNext}
      onClick={() => void act((s, at) => callNext(s, counter, services, at))}
    >
      {t('clerk.callNext')}
    </button>
  );

  return (
    <main className="clerk clerk-work">
      <CounterHeader
        counterId={counter}
        services={services}
        busy={busy}
        onClose={closing.request}
      />
      {closing.confirming && (
        <CloseCounterConfirm
          counterId={counter}
          stranded={closing.confirming}
          busy={busy}
          onClose={() => void closing.close()}
          onKeep={closing.keep}
        />
      )}
      {myConflicts.map((conflict) => (
        <ConflictBanner
          key={conflict.eventId}
          conflict={conflict}
          canCallNext={canCallNext && !busy}
          onCallNext={() => {
            rt.dismissConflict(conflict.eventId);
            void act((s, at) => callNext(s, counter, services, at));
          }}
          onDismiss={() => rt.dismissConflict(conflict.eventId)}
        />
      ))}
      {!isOpen && !closing.closing && (
        <div className="clerk-notice" role="status">
          <p>{t('clerk.closedElsewhere')}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void act(() => openCounter(counter, props.station.services))}
          >
            {t('clerk.reopen')}
          </button>
        </div>
      )}
      {problem && <ClerkProblem problem={problem} />}
      <div className="clerk-work__columns">
        <div className="clerk-work__main">
          <CurrentTicketPanel counterId={counter} ticket={current} busy={busy} act={act} />
          {!current && callNextButton}
          <VisitArea counter={counter} ticketHere={current !== undefined} />
          {current && callNextButton}
        </div>
        <WaitingList counter={counter} services={services} />
      </div>
    </main>
  );
}

/**
 * After a reload the handheld returns to its counter; it opens the counter again only if the
 * store does not have it open (it may have been closed elsewhere, or never synced).
 */
function useReopenAfterReload(station: ClerkStation, isOpen: boolean): void {
  const rt = useRuntime();
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current) return;
    checked.current = true;
    if (isOpen) return;
    rt.run(() => openCounter(station.counter, station.services)).catch((error: unknown) =>
      console.error('Counter not reopened', error),
    );
  }, [rt, station, isOpen]);
}
