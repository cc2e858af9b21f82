import { waitingCountByService } from '../../domain/queue/selectors.ts';
import { waitsKnown } from '../../domain/sync/protocol/freshness.ts';
import { waitInMinutes } from '../../domain/wait/minutes.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';

/**
 * How many customers wait for each service, and about how long a new ticket would wait; while
 * the board is still catching up with the hub, that it is checking.
 */
export function WaitingCounts() {
  const { config, estimate } = useRuntime();
  const { state, status } = useDevice();
  // right after the board starts or reconnects, until the hub's catch-up is in: no count
  // (it would be too low) and no wait
  const checking = !waitsKnown(status.freshness);
  const { t, text, duration } = useT();
  const counts = waitingCountByService(state);
  return (
    <section className="board-waiting" aria-labelledby="board-waiting-title">
      <h2 id="board-waiting-title" className="board__section-title">
        {t('board.waiting.title')}
      </h2>
      <ul className="board-waiting__list">
        {config.services.map((service) => {
          const count = counts.get(service.id) ?? 0;
          const estimated = estimate(service.id);
          const wait = estimated && waitInMinutes(estimated);
          return (
            <li key={service.id} className="board-waiting__item">
              <span className="board-waiting__prefix" aria-hidden="true">
                {service.prefix}
              </span>
              <span className="board-waiting__name">{text(service.name)}</span>
              <span
                className="board-waiting__count"
                data-testid={`waiting-${service.id}`}
                data-count={checking ? undefined : count}
              >
                {checking ? t('board.waiting.checking') : t('board.waiting.count', { count })}
              </span>
              <span
                className="board-waiting__estimate"
                data-testid={`estimate-${service.id}`}
                data-kind={wait?.kind}
              >
                {wait === undefined
                  ? '\u00a0' // the wait model is still loading: no number rather than a wrong one
                  : wait.kind === 'noCounter'
                    ? t('wait.noCounter')
                    : wait.kind === 'underMinute'
                      ? t('board.waiting.short')
                      : t('board.waiting.estimate', { estimate: duration(wait.estimate) })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
