import type { Ticket } from '../../domain/queue/state.ts';
import { staffName } from '../../domain/security/staff.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { counterName } from './counter-name.ts';

/** From whom and why this customer was handed over, and the note on their visit. */
export function HandoverInfo({ ticket }: { ticket: Ticket }) {
  const { config } = useRuntime();
  const { t, text } = useT();
  const { handover, note } = ticket;
  if (!handover && !note) return null;
  const counterOf = (id: string) => counterName(config, id, text);
  const who =
    handover &&
    (handover.fromStaff !== undefined
      ? t('desk.transfer.colleague', {
          name: staffName(config, handover.fromStaff),
          counter: counterOf(handover.fromCounter),
        })
      : counterOf(handover.fromCounter));
  return (
    <div className="clerk-handover" data-testid="handover-info">
      {handover && who && (
        <p
          className="clerk-handover__from"
          data-testid="handover-from"
          data-from-staff={handover.fromStaff ?? ''}
          data-from-counter={handover.fromCounter}
        >
          {handover.reason !== undefined
            ? t('desk.handover.from', { who, reason: handover.reason })
            : t('desk.handover.fromNoReason', { who })}
        </p>
      )}
      {note && (
        <p className="clerk-handover__note" data-testid="ticket-note">
          {t('desk.note.shown', { note: note.text })}
        </p>
      )}
    </div>
  );
}
