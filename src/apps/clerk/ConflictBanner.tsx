import type { Conflict } from '../../domain/queue/state.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';

/** An action of this counter lost against another device's after the two synced. */
export function ConflictBanner(props: {
  conflict: Conflict;
  canCallNext: boolean;
  onCallNext: () => void;
  onDismiss: () => void;
}) {
  const { conflict } = props;
  const { config } = useRuntime();
  const { t, text } = useT();
  const holder = config.counters.find((c) => c.id === conflict.heldBy);
  const counter = holder ? text(holder.name) : t('clerk.conflict.anotherCounter');
  const number = conflict.number;
  const message =
    conflict.reason === 'alreadyCalled'
      ? t('clerk.conflict.alreadyCalled', { number, counter })
      : conflict.reason === 'notYourTicket'
        ? t('clerk.conflict.notYourTicket', { number, counter })
        : conflict.reason === 'notActive'
          ? t('clerk.conflict.notActive', { number })
          : t('clerk.conflict.unknownTicket');
  return (
    <div
      className="clerk-conflict"
      data-testid="conflict"
      data-number={number}
      data-reason={conflict.reason}
      role="alert"
    >
      <p className="clerk-conflict__message">{message}</p>
      <div className="clerk-conflict__actions">
        {conflict.reason === 'alreadyCalled' && (
          <button
            type="button"
            className="button button--primary"
            data-testid="conflict-call-next"
            disabled={!props.canCallNext}
            onClick={props.onCallNext}
          >
            {t('clerk.callNext')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          data-testid="conflict-dismiss"
          onClick={props.onDismiss}
        >
          {t('clerk.conflict.dismiss')}
        </button>
      </div>
    </div>
  );
}
