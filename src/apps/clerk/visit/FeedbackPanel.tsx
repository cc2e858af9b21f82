import { useState } from 'react';
import { SATISFACTIONS, type Satisfaction } from '../../../domain/visit/types.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { SATISFACTION_LABEL } from './labels.ts';

const NPS = Array.from({ length: 11 }, (_, i) => i);

/**
 * The customer rates the visit with one tap on a face. "Would you recommend us?" (0–10) is
 * optional: tapped first, it goes with the face.
 */
export function FeedbackPanel(props: { onRate: (s: Satisfaction, nps?: number) => void }) {
  const { t } = useT();
  const [nps, setNps] = useState<number>();
  return (
    <div className="visit-feedback" data-testid="visit-feedback">
      <p className="visit-feedback__title">{t('clerk.visit.feedback.title')}</p>
      <p className="clerk-hint">{t('clerk.visit.feedback.hint')}</p>
      <div className="visit-feedback__faces">
        {SATISFACTIONS.map((s) => (
          <button
            key={s}
            type="button"
            className={`button visit-feedback__face visit-feedback__face--${s}`}
            data-testid={`feedback-${s}`}
            onClick={() => props.onRate(s, nps)}
          >
            <Face kind={s} />
            <span>{t(SATISFACTION_LABEL[s])}</span>
          </button>
        ))}
      </div>
      <fieldset className="visit-feedback__nps">
        <legend>{t('clerk.visit.feedback.nps')}</legend>
        <div className="visit-feedback__scale">
          {NPS.map((n) => (
            <button
              key={n}
              type="button"
              className="button button--secondary visit-feedback__score"
              data-testid={`nps-${n}`}
              aria-pressed={nps === n}
              onClick={() => setNps(nps === n ? undefined : n)}
            >
              {n}
            </button>
          ))}
        </div>
        <div className="visit-feedback__ends" aria-hidden="true">
          <span>{t('clerk.visit.feedback.npsLow')}</span>
          <span>{t('clerk.visit.feedback.npsHigh')}</span>
        </div>
      </fieldset>
    </div>
  );
}

const MOUTH: Record<Satisfaction, string> = {
  bad: 'M15 33 Q24 25 33 33',
  neutral: 'M15 31 L33 31',
  good: 'M15 29 Q24 37 33 29',
};

function Face({ kind }: { kind: Satisfaction }) {
  return (
    <svg viewBox="0 0 48 48" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="currentColor" opacity="0.15" />
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path
        d={MOUTH[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}
