import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { STEP_LABEL } from './labels.ts';
import type { VisitCard } from './visit-desk.ts';

/** Customers the clerk left for a moment, oldest first, so none is forgotten. */
export function ParkedVisits(props: {
  cards: readonly VisitCard[];
  due: readonly string[];
  onSwitch: (visitId: string) => void;
}) {
  const { t } = useT();
  if (props.cards.length === 0) return null;
  return (
    <section className="visit-parked" aria-labelledby="visit-parked-title">
      <h2 id="visit-parked-title" className="clerk-section-title">
        {t('clerk.visit.parked')}
      </h2>
      <ul className="visit-parked__list">
        {props.cards.map((card) => {
          const who = card.ticket ? card.ticket.number : t('clerk.visit.walkIn');
          const due = props.due.includes(card.id);
          return (
            <li
              key={card.id}
              className={`visit-parked__item${due ? ' visit-parked__item--due' : ''}`}
              data-testid="visit-parked"
              data-visit={card.id}
              data-step={card.step}
            >
              <span className="visit-parked__who">{who}</span>
              <span className="visit-parked__step">
                {due ? t('clerk.visit.reminder.parked', { who }) : t(STEP_LABEL[card.step])}
              </span>
              <button
                type="button"
                className="button button--secondary"
                data-testid={`visit-switch-${card.id}`}
                onClick={() => props.onSwitch(card.id)}
              >
                {t('clerk.visit.switch')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
