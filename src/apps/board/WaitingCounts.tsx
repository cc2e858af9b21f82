import { waitingCountByService } from '../../domain/queue/selectors.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';

/** How many customers wait for each service. */
export function WaitingCounts() {
  const { config } = useRuntime();
  const { state } = useDevice();
  const { t, text } = useT();
  const counts = waitingCountByService(state);
  return (
    <section className="board-waiting" aria-labelledby="board-waiting-title">
      <h2 id="board-waiting-title" className="board__section-title">
        {t('board.waiting.title')}
      </h2>
      <ul className="board-waiting__list">
        {config.services.map((service) => {
          const count = counts.get(service.id) ?? 0;
          return (
            <li
              key={service.id}
              className="board-waiting__item"
              data-testid={`waiting-${service.id}`}
              data-count={count}
            >
              <span className="board-waiting__prefix" aria-hidden="true">
                {service.prefix}
              </span>
              <span className="board-waiting__name">{text(service.name)}</span>
              <span className="board-waiting__count">{t('board.waiting.count', { count })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
