import { useState } from 'react';
import { serviceById } from '../../domain/config/types.ts';
import { actOnCurrent, type CommandResult } from '../../domain/queue/commands.ts';
import { handOver, handoverTargets } from '../../domain/queue/handover.ts';
import type { QueueState, Ticket } from '../../domain/queue/state.ts';
import { elapsedMinutes } from '../../ui/i18n/format.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useNow } from '../../ui/useNow.ts';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { HandoverInfo } from './HandoverInfo.tsx';
import { HandoverPicker } from './HandoverPicker.tsx';

type Act = (decide: (state: QueueState) => CommandResult) => Promise<boolean>;

/**
 * The customer at this counter now (and who handed them over, why, and the visit's note), and
 * what the clerk can do with the ticket: Done, Recall, No-show, and the one Transfer.
 */
export function CurrentTicketPanel(props: {
  counterId: string;
  ticket: Ticket | undefined;
  busy: boolean;
  act: Act;
}) {
  const { counterId, ticket, busy, act } = props;
  const { config } = useRuntime();
  const { state } = useDevice();
  const { t, text, time, minutes } = useT();
  const now = useNow(15_000);
  const [transferring, setTransferring] = useState(false);

  if (!ticket) {
    return (
      <section className="clerk-current clerk-current--empty" data-testid="current-empty">
        <h2 className="clerk-section-title">{t('clerk.current.title')}</h2>
        <p className="clerk-current__none">{t('clerk.current.none')}</p>
      </section>
    );
  }

  const service = serviceById(config, ticket.service);
  const targets = handoverTargets(state, config, counterId);
  const canHandOver = targets.services.length + targets.counters.length > 0;
  const onCounter = (type: Parameters<typeof actOnCurrent>[2]) => () =>
    void act((s) => actOnCurrent(s, counterId, type));

  return (
    <section className="clerk-current" data-testid="current-ticket" data-number={ticket.number}>
      <h2 className="clerk-section-title">{t('clerk.current.title')}</h2>
      <div className="clerk-current__ticket">
        <p className="clerk-current__number">{ticket.number}</p>
        <div className="clerk-current__details">
          {ticket.name !== undefined && (
            <p className="clerk-current__name" data-testid="current-name">
              {ticket.name}
            </p>
          )}
          {service && <p className="clerk-current__service">{text(service.name)}</p>}
          {ticket.calledAt !== undefined && (
            <p className="clerk-current__since">
              {t('clerk.current.since', { time: time(ticket.calledAt) })}
              {elapsedMinutes(ticket.calledAt, now) >= 1 &&
                ` · ${minutes(elapsedMinutes(ticket.calledAt, now))}`}
            </p>
          )}
          {ticket.recalls > 0 && (
            <p className="clerk-current__recalls">
              {t('clerk.current.recalls', { count: ticket.recalls })}
            </p>
          )}
        </div>
      </div>
      <HandoverInfo ticket={ticket} />
      {transferring ? (
        <HandoverPicker
          counterId={counterId}
          ticket={ticket}
          busy={busy}
          onSend={(target, reason) => {
            setTransferring(false);
            void act((s) => handOver(s, config, counterId, target, reason));
          }}
          onCancel={() => setTransferring(false)}
        />
      ) : (
        <div className="clerk-current__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="complete"
            disabled={busy}
            onClick={onCounter('ticket.completed')}
          >
            {t('clerk.complete')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="recall"
            disabled={busy}
            onClick={onCounter('ticket.recalled')}
          >
            {t('clerk.recall')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="no-show"
            disabled={busy}
            onClick={onCounter('ticket.noShow')}
          >
            {t('clerk.noShow')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="transfer"
            disabled={busy || !canHandOver}
            onClick={() => setTransferring(true)}
          >
            {t('clerk.transfer')}
          </button>
        </div>
      )}
    </section>
  );
}
