import { useMemo, useState } from 'react';
import { visitSettings } from '../../../domain/visit/settings.ts';
import {
  DIFFICULT_CUSTOMERS,
  tipsFor,
  type DifficultCustomer,
} from '../../../domain/visit/tips.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import { DIFFICULT_LABEL } from './labels.ts';
import type { VisitCard } from './visit-desk.ts';

/** The store's tips for this step; one tap on a kind of difficult customer puts theirs first. */
export function VisitTips({
  card,
  withDifficult = false,
}: {
  card: VisitCard;
  withDifficult?: boolean;
}) {
  const { t, text } = useT();
  const tips = useStoreTips();
  const [difficult, setDifficult] = useState<readonly DifficultCustomer[]>([]);
  const chosen = tipsFor(tips, card.step, { difficult, seed: seedOf(card.id) });
  const toggle = (kind: DifficultCustomer) =>
    setDifficult((d) => (d.includes(kind) ? d.filter((k) => k !== kind) : [...d, kind]));

  return (
    <div className="visit-tips">
      {withDifficult && (
        <div
          className="visit-tips__difficult"
          role="group"
          aria-labelledby={`difficult-${card.id}`}
        >
          <span id={`difficult-${card.id}`} className="visit-tips__label">
            {t('clerk.visit.difficult')}
          </span>
          {DIFFICULT_CUSTOMERS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="button button--secondary visit-tips__kind"
              data-testid={`difficult-${kind}`}
              aria-pressed={difficult.includes(kind)}
              onClick={() => toggle(kind)}
            >
              {t(DIFFICULT_LABEL[kind])}
            </button>
          ))}
        </div>
      )}
      {chosen.tips.length > 0 && (
        <>
          <h3 className="visit-tips__label">{t('clerk.visit.tips')}</h3>
          <ul className="visit-tips__list" data-testid="visit-tips">
            {chosen.tips.map((tip, i) => (
              <li key={i}>{text(tip)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The step's script line ("Are you finding everything?"), if the store wrote one. */
export function useScript(card: VisitCard): string | null {
  const { text } = useT();
  const script = tipsFor(useStoreTips(), card.step, { max: 0 }).script;
  return script ? text(script) : null;
}

function useStoreTips() {
  const { config } = useRuntime();
  return useMemo(() => visitSettings(config).tips, [config]);
}

/** Rotates the tips per visit, so a clerk does not read the same first tip every time. */
function seedOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(h);
}
