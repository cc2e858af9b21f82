import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { SATISFACTION_LABEL, STEP_LABEL } from './labels.ts';
import type { VisitCard } from './visit-desk.ts';
import { VisitTips } from './VisitTips.tsx';
import { VisitWho } from './VisitWho.tsx';

/** How the last visit ended, with the step's closing tip, until the next one starts. */
export function FinishedVisit({ card, onDismiss }: { card: VisitCard; onDismiss: () => void }) {
  const { t } = useT();
  const { feedback } = card.context;
  return (
    <section
      className="visit visit--finished"
      data-testid="visit-finished"
      data-visit={card.id}
      data-step={card.step}
      data-satisfaction={feedback?.satisfaction ?? ''}
      data-nps={feedback?.nps ?? ''}
    >
      <VisitWho card={card} />
      <h2 className="visit__step">{t(STEP_LABEL[card.step])}</h2>
      {feedback && (
        <p className="visit__rated">
          {t('clerk.visit.finished.rated', {
            rating:
              t(SATISFACTION_LABEL[feedback.satisfaction]) +
              (feedback.nps !== undefined ? ` · ${feedback.nps}/10` : ''),
          })}
        </p>
      )}
      <VisitTips card={card} />
      <button
        type="button"
        className="button button--secondary"
        data-testid="visit-finished-dismiss"
        onClick={onDismiss}
      >
        {t('clerk.visit.finished.dismiss')}
      </button>
    </section>
  );
}
