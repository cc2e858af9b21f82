import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { localized, serviceById } from '../../domain/config/types.ts';
import { aheadToTell } from '../../domain/wait/ahead.ts';
import { waitsKnown } from '../../domain/sync/protocol/freshness.ts';
import { placeOfTicket } from '../../domain/wait/queue-state.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { PriorityMark } from '../../ui/PriorityMark.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { useAfterFrame } from '../../ui/useAfterFrame.ts';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { useGhostTapGuard } from './ghost-tap.ts';
import { printTicket } from './printer.ts';
import { Receipt, type ReceiptData } from './Receipt.tsx';
import { TicketWait } from './TicketWait.tsx';
import { trackingUrl } from './tracking-url.ts';
import type { IssuedTicket } from './useIssueTicket.ts';

/**
 * The customer's number, how many are ahead and about how long it takes, a QR code to follow
 * the ticket on their phone, and a paper copy where the kiosk has a printer.
 */
export function TicketScreen(props: {
  ticket: IssuedTicket;
  idleSec: number;
  /** Changes on every touch; restarts the countdown bar. */
  idleKey: number;
  onDone: () => void;
}) {
  const { config, estimate } = useRuntime();
  const { state, status } = useDevice();
  const { t, text, language, dir } = useT();
  const { ticketId, number, serviceId, priority } = props.ticket;
  const live = state.tickets.get(ticketId);
  const service = serviceById(config, live?.service ?? serviceId);
  const called = live !== undefined && live.status !== 'waiting';
  const counter = config.counters.find((c) => c.id === live?.counter);
  // people ahead and "you are next" from the line model, as the estimate (domain/wait/ahead.ts)
  const place = placeOfTicket(state, ticketId);
  // a place from a view the hub's catch-up has not completed would be too near the front
  const checking = !waitsKnown(status.freshness);
  const url = trackingUrl(
    config.kiosk.publicUrl,
    location.origin,
    ticketId,
    language,
    props.ticket.at,
  );
  const printing = config.kiosk.printing ?? 'button';

  const heading = useRef<HTMLParagraphElement>(null);
  // the number is drawn first; the paper copy (which measures its own layout) and the focus
  // (which would lay the new screen out before it is drawn) after that frame
  const drawn = useAfterFrame();
  useEffect(() => {
    if (drawn) heading.current?.focus();
  }, [drawn]);
  const screen = useRef<HTMLElement>(null);
  useGhostTapGuard(screen);

  // The paper ticket keeps what the screen said when it was taken.
  const [receipt] = useState<ReceiptData>(() => ({
    number,
    serviceName: service ? text(service.name) : serviceId,
    priority,
    at: props.ticket.at,
    ahead: place && !checking ? aheadToTell(place) : undefined,
    url,
  }));
  const [printStatus, setPrintStatus] = useState('');
  const print = useCallback(() => {
    setPrintStatus(t('kiosk.ticket.printing'));
    const name = service ? localized(service.name, config.store.defaultLanguage, '') : serviceId;
    printTicket(receipt, config, name)
      .catch((error: unknown) => console.warn('Print failed', error))
      .finally(() => setTimeout(() => setPrintStatus(''), 3000));
  }, [receipt, config, service, serviceId, t]);

  const autoPrinted = useRef(false);
  useEffect(() => {
    if (printing !== 'auto' || autoPrinted.current || !drawn) return;
    autoPrinted.current = true;
    print();
  }, [printing, print, drawn]);

  return (
    <main
      ref={screen}
      className="kiosk kiosk-ticket"
      lang={language}
      dir={dir}
      data-testid="ticket"
      data-ticket={ticketId}
      data-priority={priority}
    >
      <div className="kiosk-ticket__body">
        <section className="kiosk-ticket__card">
          <p className="kiosk-ticket__label" ref={heading} tabIndex={-1}>
            {t('kiosk.ticket.heading')}
          </p>
          <p className="kiosk-ticket__number" data-testid="ticket-number">
            {number}
          </p>
          {service && <p className="kiosk-ticket__service">{text(service.name)}</p>}
          {priority && <PriorityMark className="kiosk-ticket__priority" />}
          <div aria-live="polite">
            {called ? (
              <p className="kiosk-ticket__called" data-testid="ticket-called">
                {t('kiosk.ticket.called')}{' '}
                {counter && t('kiosk.ticket.goTo', { counter: text(counter.name) })}
              </p>
            ) : (
              service &&
              place && (
                <TicketWait
                  place={place}
                  wait={estimate(service.id, ticketId)}
                  checking={checking}
                />
              )
            )}
          </div>
        </section>
        <section className="kiosk-ticket__qr">
          <QrCode
            className="kiosk-ticket__qr-code"
            value={url}
            label={t('kiosk.ticket.qrLabel', { number })}
            testId="ticket-qr"
          />
          <p className="kiosk-ticket__qr-text">{t('kiosk.ticket.qr')}</p>
        </section>
      </div>
      <p className="kiosk__lead">{t('kiosk.ticket.remember')}</p>
      <div className="kiosk-ticket__actions">
        {printing !== 'none' && (
          <button
            type="button"
            className="button button--secondary kiosk-ticket__print"
            data-testid="ticket-print"
            onClick={print}
          >
            {t('kiosk.ticket.print')}
          </button>
        )}
        <button
          type="button"
          className="button button--primary kiosk-ticket__done"
          data-testid="ticket-done"
          onClick={props.onDone}
        >
          {t('kiosk.ticket.done')}
        </button>
      </div>
      <p className="kiosk-ticket__status" role="status">
        {printStatus}
      </p>
      <div
        key={props.idleKey}
        className="kiosk-ticket__countdown"
        style={{ '--idle-sec': `${props.idleSec}s` } as CSSProperties}
        aria-hidden="true"
      />
      {drawn && <Receipt data={receipt} />}
    </main>
  );
}
