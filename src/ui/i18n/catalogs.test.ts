import { describe, expect, it } from 'vitest';
import { catalogs, resolveLanguage } from './catalogs.ts';
import { en } from './en.ts';
import { createI18n } from './i18n.ts';
import { createTranslator } from './translate.ts';

describe('resolveLanguage', () => {
  it('matches exactly, then by base language, then falls back to English', () => {
    expect(resolveLanguage('pl')).toBe('pl');
    expect(resolveLanguage('pl-PL')).toBe('pl');
    expect(resolveLanguage('EN-gb')).toBe('en');
    expect(resolveLanguage('hu')).toBe('en');
    expect(resolveLanguage(undefined)).toBe('en');
  });
});

describe('catalogs', () => {
  it('translate every English key, keeping plural messages plural', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(en)) {
        expect(typeof catalog[key as keyof typeof en], `${lang} ${key}`).toBe(typeof message);
      }
    }
  });

  it('use the Polish few and many forms', () => {
    const t = createTranslator('pl', catalogs['pl']!);
    expect(t('kiosk.ticket.ahead', { count: 1 })).toBe('Przed Tobą jest 1 osoba');
    expect(t('kiosk.ticket.ahead', { count: 3 })).toBe('Przed Tobą są 3 osoby');
    expect(t('kiosk.ticket.ahead', { count: 12 })).toBe('Przed Tobą jest 12 osób');
    expect(t('kiosk.ticket.ahead', { count: 24 })).toBe('Przed Tobą są 24 osoby');
  });
});

describe('createI18n', () => {
  const names = { en: 'Returns', pl: 'Zwroty' };

  it('shows configuration names in the screen language, else the store language', () => {
    expect(createI18n({ language: 'pl', contentFallback: 'en' }).text(names)).toBe('Zwroty');
    expect(createI18n({ language: 'pl', contentFallback: 'en' }).text({ en: 'Only' })).toBe('Only');
  });

  it('keeps screen texts and names in one language when a language has no catalog', () => {
    const i18n = createI18n({ language: 'hu', contentFallback: 'pl' });
    expect(i18n.language).toBe('en');
    expect(i18n.text(names)).toBe('Returns');
  });

  it('names languages in their own language', () => {
    expect(createI18n({ language: 'en' }).languageName('pl')).toBe('polski');
  });
});
