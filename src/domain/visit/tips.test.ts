import { describe, expect, it } from 'vitest';
import { defaultVisitTips } from './default-tips.ts';
import { missingTranslations, tipsFor, type VisitTips } from './tips.ts';
import { VISIT_STEPS } from './types.ts';

describe('visit tips', () => {
  it('ships English and Polish for every text, and tips for every step', () => {
    expect(missingTranslations(defaultVisitTips, ['en', 'pl'])).toEqual([]);
    for (const step of VISIT_STEPS) expect(defaultVisitTips.steps[step].length).toBeGreaterThan(0);
  });

  it('has the checkout and re-check questions as scripts', () => {
    expect(defaultVisitTips.scripts['browsing.reminderDue']?.en).toBe(
      'Are you finding everything?',
    );
    expect(defaultVisitTips.scripts['checkingOut.asking']?.en).toMatch(/find everything/);
  });

  it('puts difficult-customer tips first, caps the count and rotates by seed', () => {
    const t = (s: string) => ({ en: s });
    const tips: VisitTips = {
      scripts: { assisting: t('say') },
      steps: { ...defaultVisitTips.steps, assisting: [t('a'), t('b'), t('c')] },
      difficult: { ...defaultVisitTips.difficult, rude: [t('r1'), t('r2')] },
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
      ...defaultVisitTips,
      scripts: { greeting: { en: 'Hi', pl: ' ' } },
    };
    expect(missingTranslations(tips, ['en', 'pl'])).toEqual(['scripts.greeting.pl']);
    expect(missingTranslations(defaultVisitTips, ['de'])).toContain('difficult.rude[0].de');
  });
});
