import type { CSSProperties } from 'react';
import { serviceById } from '../../domain/config/types.ts';
import { aheadOf } from '../../domain/queue/selectors.ts';
import { estimateWait } from '../../domain/wait/simple.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { TicketWait } from './TicketWait.tsx';
import type { IssuedTicket } from './useIssueTicket.ts';

/** The customer's number, how many are ahead and about how long it takes. */
export function TicketScreen(props: {
  ticket: IssuedTicket;
  idleSec: number;
  /** Changes on every touch; restarts the countdown bar. */
  idleKey: number;
  onDone: () => void;
}) {
  const { config } = useRuntime();
  const { state } = useDevice();
  const { t, text, language } = useT();
  const { ticketId, number, serviceId } = props.ticket;
  const live = state.tickets.get(ticketId);
  const service = serviceById(config, live?.service ?? serviceId);
  const called = live !== undefined && live.status !== 'waiting';
  const counter = config.counters.find((c) => c.id === live?.counter);
  const ahead = aheadOf(state, ticketId);

  return (
    <main
      className="kiosk kiosk-ticket"
      lang={language}
      data-testid="ticket"
      data-ticket={ticketId}
    >
      <section className="kiosk-ticket__card" aria-live="polite">
        <p className="kiosk-ticket__label">{t('kiosk.ticket.heading')}</p>
        <p className="kiosk-ticket__number" data-testid="ticket-number">
          {number}
        </p>
        {service && <p className="kiosk-ticket__service">{text(service.name)}</p>}
        {called ? (
          <p className="kiosk-ticket__called">
            {t('kiosk.ticket.called')}{' '}
            {counter && t('kiosk.ticket.goTo', { counter: text(counter.name) })}
          </p>
        ) : (
          service && <TicketWait ahead={ahead} wait={estimateWait(state, service, ahead)} />
        )}
      </section>
      <p className="kiosk__lead">{t('kiosk.ticket.remember')}</p>
      <button
        type="button"
        className="button button--primary kiosk-ticket__done"
        data-testid="ticket-done"
        onClick={props.onDone}
      >
        {t('kiosk.ticket.done')}
      </button>
      <div
        key={props.idleKey}
        className="kiosk-ticket__countdown"
        style={{ '--idle-sec': `${props.idleSec}s` } as CSSProperties}
        aria-hidden="true"
      />
    </main>
  );
}
