import { describe, expect, it } from 'vitest';
import shipped from '../../../kiosk-config/store.json';
import type { StoreConfig } from '../config/types.ts';
import { visitSettings } from './settings.ts';
import { completeTips, missingTranslations, tipsFor, type VisitTips } from './tips.ts';
import { DEFAULT_RECHECK_AFTER_MS, VISIT_STEPS } from './types.ts';

/** The starting set of tips ships in kiosk-config/store.json (stores edit it there). */
const shippedTips: VisitTips = completeTips((shipped as unknown as StoreConfig).visit?.tips);

describe('visit tips', () => {
  it('ship English and Polish for every text, and tips for every step', () => {
    expect(missingTranslations(shippedTips, ['en', 'pl'])).toEqual([]);
    for (const step of VISIT_STEPS) expect(shippedTips.steps[step].length).toBeGreaterThan(0);
  });

  it('have the checkout and re-check questions as scripts', () => {
    expect(shippedTips.scripts['browsing.reminderDue']?.en).toBe('Are you finding everything?');
    expect(shippedTips.scripts['checkingOut.asking']?.en).toMatch(/find everything/);
  });

  it('puts difficult-customer tips first, caps the count and rotates by seed', () => {
    const t = (s: string) => ({ en: s });
    const tips: VisitTips = {
      scripts: { assisting: t('say') },
      steps: { ...shippedTips.steps, assisting: [t('a'), t('b'), t('c')] },
      difficult: { ...shippedTips.difficult, rude: [t('r1'), t('r2')] },
    };
    const en = (x: { tips: readonly { en?: string }[] }) => x.tips.map((v) => v.en);
    expect(tipsFor(tips, 'assisting').script).toEqual(t('say'));
    expect(en(tipsFor(tips, 'assisting'))).toEqual(['a', 'b', 'c']);
    expect(en(tipsFor(tips, 'assisting', { seed: 4 }))).toEqual(['b', 'c', 'a']);
    expect(en(tipsFor(tips, 'assisting', { difficult: ['rude', 'rude'], max: 3 }))).toEqual([
      'r1',
      'r2',
      'a',
    ]);
    expect(tipsFor(tips, 'greeting').script).toBeNull();
    expect(tipsFor(tips, 'assisting', { max: 0 }).tips).toEqual([]);
  });

  it('names the texts that lack a language', () => {
    const tips: VisitTips = {
      ...shippedTips,
      scripts: { greeting: { en: 'Hi', pl: ' ' } },
    };
    expect(missingTranslations(tips, ['en', 'pl'])).toEqual(['scripts.greeting.pl']);
    expect(missingTranslations(shippedTips, ['de'])).toContain('difficult.rude[0].de');
  });

  it('completes a store’s partial tips: steps and kinds it left out have none', () => {
    const tips = completeTips({ steps: { greeting: [{ en: 'Smile' }] } });
    expect(tips.steps.greeting).toEqual([{ en: 'Smile' }]);
    expect(tips.steps.assisting).toEqual([]);
    expect(tips.difficult.rude).toEqual([]);
    expect(tipsFor(tips, 'thanking')).toEqual({ script: null, tips: [] });
  });
});

describe('visit settings from the store configuration', () => {
  it('takes the re-check delay in seconds, with the default when absent or nonsense', () => {
    expect(visitSettings({ visit: { recheckAfterSec: 3, tips: {} } }).recheckAfterMs).toBe(3000);
    expect(visitSettings({}).recheckAfterMs).toBe(DEFAULT_RECHECK_AFTER_MS);
    expect(visitSettings({ visit: { recheckAfterSec: -1, tips: {} } }).recheckAfterMs).toBe(
      DEFAULT_RECHECK_AFTER_MS,
    );
    expect(visitSettings({}).tips.steps.greeting).toEqual([]);
  });
});
