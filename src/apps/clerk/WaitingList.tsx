import { serviceById } from '../../domain/config/types.ts';
import { heldFor, waitingAt } from '../../domain/queue/handover.ts';
import { isCallable } from '../../domain/queue/line-order.ts';
import { elapsedMinutes } from '../../ui/i18n/format.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { PriorityMark } from '../../ui/PriorityMark.tsx';
import { useNow } from '../../ui/useNow.ts';
import { useDevice, useRuntime } from '../shell/device-context.ts';

/**
 * Customers this counter will call, in the order it calls them: those handed over to it first,
 * then its services' line (domain/queue/handover.ts). A phone ticket is marked, and one whose
 * customer has not checked in yet keeps its place but says "not here yet" (call next skips it).
 * A booked customer stands ahead of walk-ins, marked with their time; before it (less five
 * minutes) call next takes them only when no one else waits (domain/queue/line-order.ts).
 */
export function WaitingList({
  counter,
  services,
}: {
  counter: string;
  services: readonly string[];
}) {
  const { config } = useRuntime();
  const { state } = useDevice();
  const { t, text, minutes, time } = useT();
  const now = useNow(15_000);
  const waiting = waitingAt(state, counter, services);
  return (
    <section className="clerk-queue" aria-labelledby="clerk-queue-title">
      <h2 id="clerk-queue-title" className="clerk-section-title">
        {t('clerk.queue.title')}
        <span className="clerk-queue__count">
          {t('clerk.queue.count', { count: waiting.length })}
        </span>
      </h2>
      <ol className="clerk-queue__list">
        {waiting.map((ticket) => {
          const service = serviceById(config, ticket.service);
          const waited = elapsedMinutes(ticket.issuedAt, now);
          return (
            <li
              key={ticket.id}
              className="clerk-queue__item"
              data-testid="queue-item"
              data-number={ticket.number}
              data-priority={ticket.priority === true}
              data-channel={ticket.channel ?? 'kiosk'}
              data-callable={isCallable(ticket, now)}
              data-booked={ticket.slotAt !== undefined}
            >
              <span className="clerk-queue__number">{ticket.number}</span>
              <span className="clerk-queue__service">
                {service ? text(service.name) : ''} {ticket.priority && <PriorityMark />}
                {ticket.name !== undefined && (
                  <span className="clerk-queue__name" data-testid="queue-name">
                    {ticket.name}
                  </span>
                )}
                {ticket.channel === 'phone' && (
                  <span className="clerk-tag" data-testid="queue-remote">
                    {t('clerk.queue.remote')}
                  </span>
                )}
                {ticket.slotAt !== undefined && (
                  <span className="clerk-tag" data-testid="queue-booked">
                    {t('clerk.queue.booked', { time: time(ticket.slotAt) })}
                  </span>
                )}
                {ticket.awaitingCheckIn && (
                  <span className="clerk-tag clerk-tag--muted" data-testid="queue-not-here">
                    {t('clerk.queue.notHere')}
                  </span>
                )}
                {heldFor(state, ticket) === counter && (
                  <span className="clerk-tag" data-testid="queue-handed">
                    {t('desk.handover.forYou')}
                  </span>
                )}
              </span>
              <span className="clerk-queue__waited">
                {waited < 1
                  ? t('clerk.queue.justArrived')
                  : t('clerk.queue.waited', { duration: minutes(waited) })}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
