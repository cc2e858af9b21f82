import type { Call } from '../../domain/queue/state.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';

/**
 * The newest call that still stands, large; it flashes for a moment whenever a new call comes
 * in, and a recall says so ("Called again"), so the customer knows it is still them.
 */
export function LatestCall({ call }: { call: Call | undefined }) {
  const { config } = useRuntime();
  const { t, text } = useT();
  if (!call) {
    return (
      <section className="board-latest board-latest--empty">
        <p className="board-latest__idle">{t('board.nobodyServed')}</p>
      </section>
    );
  }
  const counter = config.counters.find((c) => c.id === call.counter);
  return (
    <section
      key={call.eventId}
      aria-label={t('board.latest.title')}
      className="board-latest board-latest--flash"
      data-testid="latest-call"
      data-number={call.number}
      data-counter={call.counter}
      data-recall={call.recall}
    >
      {call.recall && (
        <p className="board-recall" data-testid="latest-recall">
          {t('board.calledAgain')}
        </p>
      )}
      <p className="board-latest__number">{call.number}</p>
      <p className="board-latest__counter">
        {t('board.latest.goTo', { counter: counter ? text(counter.name) : call.counter })}
      </p>
    </section>
  );
}
