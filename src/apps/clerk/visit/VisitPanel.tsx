import { useState } from 'react';
import type { VisitEventType } from '../../../domain/visit/types.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { EscalateForm } from './EscalateForm.tsx';
import { ACTION_LABEL, isButtonEvent, STEP_LABEL } from './labels.ts';
import type { VisitCard, VisitDesk } from './visit-desk.ts';
import { VisitNote } from './VisitNote.tsx';
import { VisitTips, useScript } from './VisitTips.tsx';
import { VisitTransferPicker } from './VisitTransferPicker.tsx';
import { VisitWho } from './VisitWho.tsx';

type Open = 'none' | 'escalate' | 'transfer';

/**
 * The visit on screen: the step in big type, what to say, the one or two likely next steps as
 * large buttons, the others smaller, the store's tips, and the exits (manager, transfer, left).
 * Which buttons exist is the machine's answer (card.next / more / side), never decided here;
 * only where Transfer shows is: on the ticket panel while a ticket is at the counter, so the
 * clerk sees one Transfer, and here for a walk-in.
 * The customer rates on a screen of their own (`onHandOver`, see CustomerFeedback.tsx).
 */
export function VisitPanel(props: {
  desk: VisitDesk;
  card: VisitCard;
  /** False while the ticket panel offers the (one) transfer for the customer at the counter. */
  canTransfer: boolean;
  onHandOver: () => void;
}) {
  const { desk, card } = props;
  const side = card.side.filter((type) => type !== 'TRANSFER' || props.canTransfer);
  const { t } = useT();
  const script = useScript(card);
  const [open, setOpen] = useState<Open>('none');
  const send = (type: VisitEventType) => () => {
    if (type === 'ESCALATE') return setOpen('escalate');
    if (type === 'TRANSFER') return setOpen('transfer');
    desk.send(card.id, { type } as Parameters<VisitDesk['send']>[1]);
  };
  const due = card.step === 'browsing.reminderDue';
  const rating = card.next.some((a) => a.type === 'FEEDBACK');
  const { reminderAt, escalation } = card.context;

  return (
    <section
      className={`visit${due ? ' visit--due' : ''}`}
      data-testid="visit"
      data-visit={card.id}
      data-step={card.step}
      data-ticket={card.ticket?.number ?? ''}
      data-reminder-at={reminderAt ?? ''}
      aria-labelledby={`visit-step-${card.id}`}
    >
      <div className="visit__top">
        <VisitWho card={card} />
        <button
          type="button"
          className="button button--secondary visit__park"
          data-testid="visit-park"
          onClick={() => desk.park()}
        >
          {t('clerk.visit.park')}
        </button>
      </div>

      {due && (
        <div className="visit__reminder" data-testid="visit-reminder" role="alert">
          <p className="visit__reminder-title">{t('clerk.visit.reminder.title')}</p>
          <p>{t('clerk.visit.reminder.body')}</p>
        </div>
      )}

      <h2 id={`visit-step-${card.id}`} className="visit__step" data-testid="visit-step">
        {t(STEP_LABEL[card.step])}
      </h2>
      {script && (
        <p className="visit__script" data-testid="visit-script">
          <span className="visit__say">{t('clerk.visit.say')}</span> “{script}”
        </p>
      )}

      {card.step === 'escalated' && (
        <p className="visit__manager" data-testid="visit-manager" role="status">
          {card.alert?.status === 'acknowledged'
            ? t('clerk.visit.manager.coming')
            : t('clerk.visit.manager.called')}
          {escalation?.reason &&
            ` ${t('clerk.visit.manager.reason', { reason: escalation.reason })}`}
        </p>
      )}

      {rating && (
        <div className="visit-handover">
          <p className="clerk-hint">{t('clerk.visit.feedback.hint')}</p>
          <button
            type="button"
            className="button button--primary visit-handover__button"
            data-testid="visit-handover"
            onClick={props.onHandOver}
          >
            {t('clerk.visit.feedback.handOver')}
          </button>
        </div>
      )}

      <div className="visit__next">
        {card.next
          .filter((a) => isButtonEvent(a.type))
          .map((a) => (
            <button
              key={a.type}
              type="button"
              className={`button visit__action ${a.priority === 1 && !rating ? 'button--primary' : 'button--secondary'}`}
              data-testid={`visit-action-${a.type}`}
              onClick={send(a.type)}
            >
              {isButtonEvent(a.type) && t(ACTION_LABEL[a.type])}
            </button>
          ))}
      </div>

      {card.more.length > 0 && (
        <div className="visit__more" role="group" aria-label={t('clerk.visit.more')}>
          {card.more.filter(isButtonEvent).map((type) => (
            <button
              key={type}
              type="button"
              className="button button--secondary"
              data-testid={`visit-action-${type}`}
              onClick={send(type)}
            >
              {t(ACTION_LABEL[type])}
            </button>
          ))}
        </div>
      )}

      {open === 'escalate' && (
        <EscalateForm
          onSend={(reason) => {
            setOpen('none');
            desk.escalate(card.id, reason);
          }}
          onCancel={() => setOpen('none')}
        />
      )}
      {open === 'transfer' && (
        <VisitTransferPicker
          ticketService={card.ticket?.service ?? null}
          onTransfer={(service) => {
            setOpen('none');
            desk.transfer(card.id, service);
          }}
          onCancel={() => setOpen('none')}
        />
      )}

      <VisitNote key={`note-${card.id}`} desk={desk} card={card} />
      <VisitTips key={card.id} card={card} withDifficult />

      {open === 'none' && side.length > 0 && (
        <div className="visit__side">
          {side.filter(isButtonEvent).map((type) => (
            <button
              key={type}
              type="button"
              className={`button ${type === 'ESCALATE' ? 'button--danger' : 'button--secondary'}`}
              data-testid={`visit-action-${type}`}
              onClick={send(type)}
            >
              {t(ACTION_LABEL[type])}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
