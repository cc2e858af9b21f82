import { describe, expect, it } from 'vitest';
import { claimDocumentLanguage, pageLanguage, subscribePageLanguage } from './document.ts';

describe('the page language', () => {
  it('is the deepest claim, tells its listeners, and returns to the outer one on release', () => {
    const seen: (string | undefined)[] = [];
    const stop = subscribePageLanguage(() => seen.push(pageLanguage()?.lang));
    const store = claimDocumentLanguage(1, 'en', 'ltr');
    const customer = claimDocumentLanguage(2, 'ar', 'rtl');
    expect(pageLanguage()).toEqual({ depth: 2, lang: 'ar', dir: 'rtl' });
    // a claim made again (its messages loaded) is a new page language for the listeners
    const before = pageLanguage();
    customer();
    const again = claimDocumentLanguage(2, 'ar', 'rtl');
    expect(pageLanguage()).not.toBe(before);
    again();
    expect(pageLanguage()?.lang).toBe('en');
    store();
    stop();
    expect(pageLanguage()).toBeUndefined();
    expect(seen).toEqual(['en', 'ar', 'en', 'ar', 'en', undefined]);
  });
});
