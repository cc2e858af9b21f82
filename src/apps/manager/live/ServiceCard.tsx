import { serviceWaitLevel } from '../../../domain/wait/levels.ts';
import { waitInMinutes } from '../../../domain/wait/minutes.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { durationFormatter, percentFormatter } from '../format.ts';
import type { LiveService } from './useLiveBoard.ts';

/** One service at a glance: the line, the wait a new customer faces, and today so far. */
export function ServiceCard({ item }: { item: LiveService }) {
  const { t, text, language, minutes } = useT();
  const { service, stats, wait } = item;
  // the same minutes as the kiosk and the board show for this wait
  const shown = waitInMinutes(wait);
  const dur = durationFormatter(language);
  const pct = percentFormatter(language);
  // the one rule for a service's colour on staff screens, as on the floor view
  const level = serviceWaitLevel(wait, service.targetWaitSec);
  return (
    <li
      className={`manager-service manager-service--${level}`}
      data-testid={`manager-service-${service.id}`}
      data-waiting={stats.waiting}
      data-served={stats.served}
      data-no-shows={stats.noShows}
      data-left={stats.left}
      data-service-level={stats.serviceLevel ?? ''}
      data-longest-sec={stats.longestWaitSec}
      data-level={level}
    >
      <h3 className="manager-service__name">
        <span className="manager-service__prefix" aria-hidden="true">
          {service.prefix}
        </span>
        {text(service.name)}
      </h3>
      <p className="manager-service__waiting">
        <strong>{stats.waiting}</strong>{' '}
        {t('managerReports.live.waiting', { count: stats.waiting })}
      </p>
      <dl className="manager-service__facts">
        <div>
          <dt>{t('managerReports.live.estimate')}</dt>
          <dd data-testid={`manager-estimate-${service.id}`} data-kind={shown.kind}>
            {shown.kind === 'noCounter'
              ? t('wait.noCounter')
              : shown.kind === 'underMinute'
                ? t('managerReports.live.underMinute')
                : minutes(shown.estimate)}{' '}
            {shown.kind === 'about' && shown.high > shown.low && (
              <span className="manager-service__range">
                ({minutes(shown.low)}–{minutes(shown.high)})
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('managerReports.live.longest')}</dt>
          <dd>{stats.waiting > 0 ? dur(stats.longestWaitSec) : '–'}</dd>
        </div>
        <div>
          <dt>{t('managerReports.live.serviceLevel', { target: dur(service.targetWaitSec) })}</dt>
          <dd>{pct(stats.serviceLevel)}</dd>
        </div>
        <div>
          <dt>{t('managerReports.live.served')}</dt>
          <dd>{stats.served}</dd>
        </div>
        <div>
          <dt>{t('managerReports.live.noShows')}</dt>
          <dd>{stats.noShows}</dd>
        </div>
        <div>
          <dt>{t('managerReports.live.left')}</dt>
          <dd>{stats.left}</dd>
        </div>
      </dl>
      <p className="manager-service__counters">
        {t('managerReports.live.openCounters', { count: stats.openCounters })}
      </p>
    </li>
  );
}
