import { serviceById } from '../../domain/config/types.ts';
import type { ActiveWaitAlert, WaitAlertChange } from '../../domain/wait/alerts.ts';
import { minutesOfWait, waitInMinutes } from '../../domain/wait/minutes.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';

/** Services whose wait is above target now, and the latest recoveries. */
export function AlertList(props: {
  active: readonly ActiveWaitAlert[];
  recent: readonly WaitAlertChange[];
  estimateOf: (service: string) => number;
}) {
  const { config } = useRuntime();
  const { t, text, time, duration, minutes } = useT();
  const name = (id: string) => {
    const service = serviceById(config, id);
    return service ? text(service.name) : id;
  };
  const about = (sec: number) => {
    const m = waitInMinutes({ estimateSec: sec, lowSec: sec, highSec: sec });
    return m.kind === 'underMinute' ? t('floor.wait.short') : duration(m.estimate);
  };
  const cleared = props.recent.filter(
    (c) => c.kind === 'cleared' && !props.active.some((a) => a.service === c.service),
  );
  return (
    <section className="floor-panel floor-alerts" aria-labelledby="floor-alerts-title">
      <h2 id="floor-alerts-title" className="floor-panel__title">
        {t('floor.alerts.title')}
      </h2>
      <div aria-live="assertive">
        {props.active.length === 0 ? (
          <p className="floor-panel__empty" data-testid="floor-no-alerts">
            {t('floor.alerts.none')}
          </p>
        ) : (
          <ul className="floor-alerts__list">
            {props.active.map((a) => (
              <li
                key={a.service}
                className="floor-alert"
                data-testid={`floor-alert-${a.service}`}
                data-raised-at={a.raisedAt}
              >
                <p className="floor-alert__text">
                  {t('floor.alert.over', {
                    service: name(a.service),
                    estimate: about(props.estimateOf(a.service)),
                    target: minutes(minutesOfWait(a.targetSec)),
                  })}
                </p>
                <p className="floor-alert__action">{t('floor.alert.action')}</p>
                <p className="floor-alert__since">
                  {t('floor.alert.since', { time: time(a.raisedAt) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
      {cleared.length > 0 && (
        <ul className="floor-alerts__cleared">
          {cleared.slice(0, 3).map((c) => (
            <li key={`${c.service}-${c.at}`} data-testid={`floor-cleared-${c.service}`}>
              {t('floor.alert.cleared', { service: name(c.service), time: time(c.at) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
