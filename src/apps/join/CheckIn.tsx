/**
 * "I'm here" on the tracking page, for a phone ticket that must check in, and why the store
 * ended a ticket it dropped (the grace time passed, or the line closed).
 */
import { useState } from 'react';
import type { TicketView } from '../../domain/kiosk/tracking.ts';
import type { CancelReason } from '../../domain/queue/events.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { checkInFromPhone, type CheckInOutcome } from './join-client.ts';

export function CheckIn({ view }: { view: TicketView }) {
  const { t, time } = useT();
  const [outcome, setOutcome] = useState<CheckInOutcome | 'sending'>();
  if (view.checkInBy === null) {
    return outcome === 'done' ? (
      <p className="join-checkin__done" data-testid="checkin-done" role="status">
        {t('join.here.done')}
      </p>
    ) : null;
  }
  const send = async () => {
    setOutcome('sending');
    setOutcome(await checkInFromPhone(view.ticket));
  };
  return (
    <section className="join-checkin" data-testid="checkin">
      <p>{t('join.here.due', { time: time(view.checkInBy) })}</p>
      <button
        type="button"
        className="button join-checkin__button"
        data-testid="checkin-here"
        disabled={outcome === 'sending'}
        onClick={() => void send()}
      >
        {t('join.here')}
      </button>
      {(outcome === 'notInStore' || outcome === 'failed') && (
        <p className="join-error" role="alert" data-testid="checkin-error" data-kind={outcome}>
          {t(outcome === 'notInStore' ? 'join.here.notInStore' : 'join.here.failed')}
        </p>
      )}
    </section>
  );
}

export function Dropped({ reason }: { reason: CancelReason }) {
  const { t } = useT();
  return (
    <p data-testid="track-dropped" data-reason={reason}>
      {t(reason === 'noCheckIn' ? 'join.dropped.noCheckIn' : 'join.dropped.closed')}
    </p>
  );
}
