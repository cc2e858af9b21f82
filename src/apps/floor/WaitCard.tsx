import { minutesOfWait, waitInMinutes } from '../../domain/wait/minutes.ts';
import { elapsedMinutes } from '../../ui/i18n/format.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import type { FloorWait } from './useFloorWaits.ts';

/**
 * One service: the wait a new ticket would have with its range (or that no counter serves
 * it), the line, the longest wait in it and the counters.
 */
export function WaitCard({ item }: { item: FloorWait }) {
  const { t, text, duration, durationRange, minutes } = useT();
  const { service, wait, waiting, level } = item;
  const shown = waitInMinutes(wait);
  return (
    <li
      className={`floor-wait floor-wait--${level}`}
      data-testid={`floor-wait-${service.id}`}
      data-level={level}
      data-no-counter={wait.noCounter}
      {...(wait.noCounter
        ? {}
        : {
            'data-estimate-sec': wait.estimateSec,
            'data-low-sec': wait.lowSec,
            'data-high-sec': wait.highSec,
          })}
      data-longest-sec={wait.longestWaitSec}
      data-waiting={waiting}
      data-open-counters={wait.openCounters}
    >
      <div className="floor-wait__head">
        <span className="floor-wait__prefix" aria-hidden="true">
          {service.prefix}
        </span>
        <h3 className="floor-wait__name">{text(service.name)}</h3>
        {level === 'over' && <span className="floor-wait__flag">{t('floor.wait.over')}</span>}
      </div>
      <p className="floor-wait__estimate">
        {shown.kind === 'noCounter'
          ? t('wait.noCounter')
          : shown.kind === 'underMinute'
            ? t('floor.wait.short')
            : t('floor.wait.about', { estimate: duration(shown.estimate) })}
      </p>
      {shown.kind === 'about' && (
        <p className="floor-wait__range">{durationRange(shown.low, shown.high)}</p>
      )}
      <ul className="floor-wait__facts">
        <li>{t('floor.wait.waiting', { count: waiting })}</li>
        {waiting > 0 && (
          <li>
            {t('floor.wait.longest', {
              waited: minutes(elapsedMinutes(0, wait.longestWaitSec * 1000)),
            })}
          </li>
        )}
        <li>{t('floor.wait.counters', { count: wait.openCounters })}</li>
        <li>{t('floor.wait.target', { target: minutes(minutesOfWait(service.targetWaitSec)) })}</li>
      </ul>
    </li>
  );
}
