import { useEffect, useRef, useState } from 'react';
import { SATISFACTIONS, type Satisfaction } from '../../../domain/visit/types.ts';
import { I18nProvider, useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useModal } from '../../../ui/useModal.ts';
import { useRuntime } from '../../shell/device-context.ts';
import { Face } from './Face.tsx';
import { CUSTOMER_IDLE_MS, THANKS_MS } from './handover.ts';

const NPS = Array.from({ length: 11 }, (_, i) => i);

const LABEL = {
  bad: 'feedback.bad',
  neutral: 'feedback.neutral',
  good: 'feedback.good',
} as const satisfies Record<Satisfaction, string>;

export interface CustomerFeedbackProps {
  /** The customer's language (their ticket's, see customer-language.ts). */
  readonly language: string;
  readonly onRate: (satisfaction: Satisfaction, nps?: number) => void;
  readonly onSkip: () => void;
  /** Back to the clerk's screen: after the thanks, on a timeout, or on Escape. */
  readonly onClose: () => void;
}

/**
 * The screen the clerk hands over: the whole display, in the customer's language (right to
 * left for Arabic), with three large faces and an optional 0–10, and nothing of the clerk's
 * (no tips, no "Get a manager", no other tickets: the page under it is inert and covered).
 */
export function CustomerFeedback(props: CustomerFeedbackProps) {
  const { config } = useRuntime();
  return (
    <I18nProvider
      language={props.language}
      contentFallback={config.store.defaultLanguage}
      timeZone={config.store.timeZone}
    >
      <RatingDialog {...props} />
    </I18nProvider>
  );
}

function RatingDialog(props: CustomerFeedbackProps) {
  const { t, language, dir } = useT();
  const ref = useModal(props.onClose);
  const [nps, setNps] = useState<number>();
  const [thanked, setThanked] = useState(false);
  const [touches, setTouches] = useState(0);
  useReturnAfter(thanked ? THANKS_MS : CUSTOMER_IDLE_MS, `${thanked}:${touches}`, props.onClose);

  return (
    <dialog
      ref={ref}
      tabIndex={-1}
      className="customer-feedback"
      lang={language}
      dir={dir}
      data-testid="customer-feedback"
      data-phase={thanked ? 'thanks' : 'asking'}
      aria-label={t('feedback.title')}
      onPointerDown={() => setTouches((n) => n + 1)}
    >
      {thanked ? (
        <p className="customer-feedback__thanks" role="status" data-testid="feedback-thanks">
          {t('feedback.thanks')}
        </p>
      ) : (
        <>
          <h2 className="customer-feedback__title">{t('feedback.title')}</h2>
          <p className="customer-feedback__hint">{t('feedback.hint')}</p>
          <div className="customer-feedback__faces">
            {SATISFACTIONS.map((s) => (
              <button
                key={s}
                type="button"
                className={`button customer-feedback__face customer-feedback__face--${s}`}
                data-testid={`feedback-${s}`}
                onClick={() => {
                  props.onRate(s, nps);
                  setThanked(true);
                }}
              >
                <Face kind={s} size={96} />
                <span>{t(LABEL[s])}</span>
              </button>
            ))}
          </div>
          <fieldset className="customer-feedback__nps">
            <legend>{t('feedback.nps')}</legend>
            <div className="customer-feedback__scale" dir="ltr">
              {NPS.map((n) => (
                <button
                  key={n}
                  type="button"
                  className="button button--secondary customer-feedback__score"
                  data-testid={`nps-${n}`}
                  aria-pressed={nps === n}
                  onClick={() => setNps(nps === n ? undefined : n)}
                >
                  {n}
                </button>
              ))}
            </div>
            <div className="customer-feedback__ends" dir="ltr" aria-hidden="true">
              <span dir={dir}>{t('feedback.npsLow')}</span>
              <span dir={dir}>{t('feedback.npsHigh')}</span>
            </div>
          </fieldset>
          <button
            type="button"
            className="button button--secondary customer-feedback__skip"
            data-testid="feedback-skip"
            onClick={props.onSkip}
          >
            {t('feedback.skip')}
          </button>
        </>
      )}
    </dialog>
  );
}

/** Calls `done` after `ms`, counted again whenever `restart` changes (a tap, the thanks). */
function useReturnAfter(ms: number, restart: string, done: () => void): void {
  const latest = useRef(done);
  useEffect(() => {
    latest.current = done;
  });
  useEffect(() => {
    const timer = setTimeout(() => latest.current(), ms);
    return () => clearTimeout(timer);
  }, [ms, restart]);
}
