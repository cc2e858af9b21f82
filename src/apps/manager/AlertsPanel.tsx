import { useEffect, useRef } from 'react';
import { acknowledgedAlerts, openAlerts } from '../../domain/visit/alerts.ts';
import { acknowledgeAlert } from '../../domain/visit/commands.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useNow } from '../../ui/useNow.ts';
import { useDevice } from '../shell/device-context.ts';
import { signalAlert } from '../floor/alert-signal.ts';
import { AlertCard } from './AlertCard.tsx';
import { useManagerAction } from './useManagerAction.ts';

/**
 * A chime (the floor view's signal) when a call comes in while the board is open; the calls
 * already open when it opened do not ring. Sound is an extra: the call is on screen anyway.
 */
function useSignalNewCalls(openIds: readonly string[]): void {
  const known = useRef<Set<string> | undefined>(undefined);
  const key = openIds.join('\n');
  useEffect(() => {
    const ids = key === '' ? [] : key.split('\n');
    const before = known.current;
    known.current = new Set(ids);
    if (before && ids.some((id) => !before.has(id))) signalAlert();
  }, [key]);
}

/** Calls for a manager as they come in (oldest first), and the latest answered ones. */
export function AlertsPanel() {
  const { state } = useDevice();
  const { t, time } = useT();
  const now = useNow(15_000);
  const { act, busy, failed } = useManagerAction();
  const open = openAlerts(state);
  const answered = acknowledgedAlerts(state, 5);
  useSignalNewCalls(open.map((a) => a.id));

  return (
    <section
      className="manager-panel manager-alerts"
      aria-labelledby="manager-alerts-title"
      data-testid="manager-alerts"
    >
      <h2 id="manager-alerts-title" className="manager-panel__title">
        {t('manager.alerts.title')}
        <span className="manager-panel__count" data-testid="manager-alert-count">
          {t('manager.alerts.count', { count: open.length })}
        </span>
      </h2>
      {failed && (
        <p className="manager-problem" role="alert">
          {t('manager.error')}
        </p>
      )}
      {open.length === 0 ? (
        <p className="manager-panel__empty">{t('manager.alerts.none')}</p>
      ) : (
        <ul className="manager-alerts__list">
          {open.map((alert) => (
            <AlertCard
              key={alert.id}
              alert={alert}
              now={now}
              busy={busy}
              onAcknowledge={() => void act((s) => acknowledgeAlert(s, alert.id))}
            />
          ))}
        </ul>
      )}
      {answered.length > 0 && (
        <>
          <h3 className="manager-panel__subtitle">{t('manager.handled.title')}</h3>
          <ul className="manager-alerts__answered">
            {answered.map((alert) => (
              <AlertCard key={alert.id} alert={alert} now={now} busy={busy}>
                {alert.acknowledgedAt !== undefined &&
                  t('manager.handled.at', { time: time(alert.acknowledgedAt) })}
              </AlertCard>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
