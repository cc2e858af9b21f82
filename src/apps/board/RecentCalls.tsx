import type { Call } from '../../domain/queue/state.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { recentCalls } from './calls.ts';

const SHOWN = 6;

/** Calls before the latest, for customers who looked away. */
export function RecentCalls({ calls }: { calls: readonly Call[] }) {
  const { config } = useRuntime();
  const { t, text, time } = useT();
  const recent = recentCalls(calls, SHOWN);
  if (recent.length === 0) return null;
  return (
    <section className="board-recent" aria-labelledby="board-recent-title">
      <h2 id="board-recent-title" className="board__section-title">
        {t('board.recent.title')}
      </h2>
      <ol className="board-recent__list">
        {recent.map((call) => {
          const counter = config.counters.find((c) => c.id === call.counter);
          return (
            <li
              key={call.eventId}
              className="board-recent__item"
              data-testid="recent-call"
              data-number={call.number}
              data-counter={call.counter}
            >
              <span className="board-recent__number">{call.number}</span>
              <span className="board-recent__counter">
                {counter ? text(counter.name) : call.counter}
              </span>
              <span className="board-recent__time">{time(call.at)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
