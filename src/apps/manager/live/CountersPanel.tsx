import type { LiveCounter } from '../../../domain/reports/live.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { STEP_LABEL } from '../../clerk/visit/labels.ts';
import { useRuntime } from '../../shell/device-context.ts';
import { durationFormatter } from '../format.ts';
import { staffName } from '../../../domain/security/staff.ts';

/** Which counters are open, who works there, whom they serve and for how long. */
export function CountersPanel({ counters }: { counters: readonly LiveCounter[] }) {
  const { t, text, language, time } = useT();
  const { config } = useRuntime();
  const dur = durationFormatter(language);
  const open = counters.filter((c) => c.open).length;
  return (
    <section className="manager-panel manager-counters" aria-labelledby="manager-counters-title">
      <h2 id="manager-counters-title" className="manager-panel__title">
        {t('managerReports.live.countersTitle')}
        <span className="manager-panel__count">
          {t('managerReports.live.countersOpen', { count: open })}
        </span>
      </h2>
      <ul className="manager-counters__list">
        {counters.map((c) => {
          const name = config.counters.find((x) => x.id === c.counter)?.name;
          return (
            <li
              key={c.counter}
              className={`manager-counter manager-counter--${c.open ? 'open' : 'closed'}`}
              data-testid={`manager-counter-${c.counter}`}
              data-open={c.open}
              data-ticket={c.ticket?.number ?? ''}
            >
              <p className="manager-counter__name">{name ? text(name) : c.counter}</p>
              <p className="manager-counter__state">
                {c.open
                  ? t('managerReports.live.openSince', { time: time(c.since) })
                  : t('managerReports.live.closed')}
                {c.staff && ` · ${staffName(config, c.staff)}`}
              </p>
              {c.ticket && (
                <p className="manager-counter__serving">
                  {t('managerReports.live.serving', {
                    number: c.ticket.number,
                    duration: dur(c.ticket.sinceMs / 1000),
                  })}
                </p>
              )}
              {c.visit && (
                <p className="manager-counter__visit">
                  {t('managerReports.live.visit', {
                    step: t(STEP_LABEL[c.visit.step]),
                    duration: dur(c.visit.sinceMs / 1000),
                    total: dur(c.visit.startedMs / 1000),
                  })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
