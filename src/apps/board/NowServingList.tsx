import type { Ticket } from '../../domain/queue/state.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';

/** Every counter's current customer: number → counter, and whether they were called again. */
export function NowServingList(props: {
  serving: readonly Ticket[];
  /** Tickets whose standing call is a recall. */
  recalled: ReadonlySet<string>;
}) {
  const { config } = useRuntime();
  const { t, text, dir } = useT();
  const arrow = dir === 'rtl' ? '←' : '→';
  return (
    <section className="board-serving" aria-labelledby="board-serving-title">
      <h2 id="board-serving-title" className="board__section-title">
        {t('board.nowServing')}
      </h2>
      <div className="board-serving__head" aria-hidden="true">
        <span>{t('board.ticket')}</span>
        <span className="board-serving__arrow">{arrow}</span>
        <span>{t('board.counter')}</span>
      </div>
      <ul className="board-serving__list">
        {props.serving.map((ticket) => {
          const again = props.recalled.has(ticket.id);
          const counter = config.counters.find((c) => c.id === ticket.counter);
          return (
            <li
              key={ticket.id}
              className="board-serving__item"
              data-testid="serving-item"
              data-number={ticket.number}
              data-counter={ticket.counter}
              data-recall={again}
            >
              <span className="board-serving__number">
                {ticket.number}
                {again && (
                  <span className="board-recall board-recall--small">{t('board.calledAgain')}</span>
                )}
              </span>
              <span className="board-serving__arrow" aria-hidden="true">
                {arrow}
              </span>
              <span className="board-serving__counter">
                {counter ? text(counter.name) : ticket.counter}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
