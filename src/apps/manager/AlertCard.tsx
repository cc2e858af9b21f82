import type { ReactNode } from 'react';
import type { Alert } from '../../domain/queue/state.ts';
import { elapsedMinutes } from '../../ui/i18n/format.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { STEP_LABEL } from '../clerk/visit/labels.ts';
import { stepWhenCalled } from '../../domain/visit/alerts.ts';

/** One call: where, which customer, why, how long ago; the open ones with their one button. */
export function AlertCard(props: {
  alert: Alert;
  now: number;
  busy: boolean;
  onAcknowledge?: () => void;
  children?: ReactNode;
}) {
  const { alert, now } = props;
  const { config } = useRuntime();
  const { state } = useDevice();
  const { t, text, time, minutes } = useT();
  const counter = config.counters.find((c) => c.id === alert.counter);
  const visit = alert.visit !== undefined ? state.visits.get(alert.visit) : undefined;
  const ticket = visit?.ticket !== undefined ? state.tickets.get(visit.ticket) : undefined;
  const from = stepWhenCalled(visit, alert);
  const waited = elapsedMinutes(alert.raisedAt, now);

  return (
    <li
      className={`manager-alert manager-alert--${alert.status}`}
      data-testid="manager-alert"
      data-alert={alert.id}
      data-status={alert.status}
      data-counter={alert.counter ?? ''}
      data-visit={alert.visit ?? ''}
    >
      <div className="manager-alert__where">
        <p className="manager-alert__counter">
          {counter ? text(counter.name) : (alert.counter ?? t('manager.alert.counterUnknown'))}
        </p>
        <p className="manager-alert__customer">
          {ticket
            ? t('manager.alert.ticket', { number: ticket.number })
            : t('manager.alert.walkIn')}
          {from && ` · ${t('manager.alert.step', { step: t(STEP_LABEL[from]) })}`}
        </p>
      </div>
      <p className="manager-alert__reason" data-testid="manager-alert-reason">
        {alert.reason ?? t('manager.alert.noReason')}
      </p>
      <p className="manager-alert__time">
        {t('manager.alert.since', { time: time(alert.raisedAt) })}
        {alert.status === 'open' &&
          waited >= 1 &&
          ` · ${t('manager.alert.waited', { duration: minutes(waited) })}`}
        {props.children && <> · {props.children}</>}
      </p>
      {props.onAcknowledge && (
        <button
          type="button"
          className="button button--primary manager-alert__ack"
          data-testid="manager-alert-ack"
          disabled={props.busy}
          onClick={props.onAcknowledge}
        >
          {t('manager.alert.acknowledge')}
        </button>
      )}
    </li>
  );
}
