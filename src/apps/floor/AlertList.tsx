import { serviceById } from '../../domain/config/types.ts';
import type { ActiveWaitAlert, WaitAlertChange } from '../../domain/wait/alerts.ts';
import { minutesOfWait, waitInMinutes } from '../../domain/wait/minutes.ts';
import { elapsedMinutes } from '../../ui/i18n/format.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import type { FloorWait } from './useFloorWaits.ts';

/** Services that need a counter now (and why), and the latest recoveries. */
export function AlertList(props: {
  active: readonly ActiveWaitAlert[];
  recent: readonly WaitAlertChange[];
  waits: readonly FloorWait[];
}) {
  const { config } = useRuntime();
  const { t, text, time } = useT();
  const name = (id: string) => {
    const service = serviceById(config, id);
    return service ? text(service.name) : id;
  };
  const cleared = props.recent.filter(
    (c) => c.kind === 'cleared' && !props.active.some((a) => a.service === c.service),
  );
  // the alert rules hold a new raise back for a while after a recovery: the cards may already
  // show a service in trouble, and this list must not say that all is well meanwhile
  const troubled = props.waits.some((w) => w.level === 'over' || w.level === 'noCounter');
  return (
    <section className="floor-panel floor-alerts" aria-labelledby="floor-alerts-title">
      <h2 id="floor-alerts-title" className="floor-panel__title">
        {t('floor.alerts.title')}
      </h2>
      <div aria-live="assertive">
        {props.active.length === 0 ? (
          <p className="floor-panel__empty" data-testid="floor-no-alerts" data-held={troubled}>
            {troubled ? t('floor.alerts.held') : t('floor.alerts.none')}
          </p>
        ) : (
          <ul className="floor-alerts__list">
            {props.active.map((a) => (
              <li
                key={a.service}
                className="floor-alert"
                data-testid={`floor-alert-${a.service}`}
                data-reason={a.reason}
                data-raised-at={a.raisedAt}
              >
                <AlertText
                  alert={a}
                  name={name(a.service)}
                  wait={props.waits.find((w) => w.service.id === a.service)}
                />
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

/** What the alert is about, in words, with the service's wait as it is now. */
function AlertText(props: { alert: ActiveWaitAlert; name: string; wait: FloorWait | undefined }) {
  const { t, duration, minutes } = useT();
  const { alert, name: service, wait } = props;
  const target = minutes(minutesOfWait(alert.targetSec));
  const now = wait?.wait;
  // the wait as it is now decides the words: a counter may have opened or closed since
  const reason = now?.noCounter ? 'noCounter' : alert.reason;
  let sentence: string;
  if (reason === 'noCounter' || !now || now.noCounter) {
    sentence = t('floor.alert.noCounter', { service, count: now?.sameServiceAhead ?? 0 });
  } else if (reason === 'longestWait') {
    const waited = minutes(elapsedMinutes(0, now.longestWaitSec * 1000));
    sentence = t('floor.alert.longest', { service, waited, target });
  } else {
    const shown = waitInMinutes(now);
    const estimate = shown.kind === 'about' ? duration(shown.estimate) : t('floor.wait.short');
    sentence = t('floor.alert.over', { service, estimate, target });
  }
  return (
    <>
      <p className="floor-alert__text">{sentence}</p>
      <p className="floor-alert__action">
        {reason === 'noCounter' ? t('floor.alert.actionOpen') : t('floor.alert.action')}
      </p>
    </>
  );
}
