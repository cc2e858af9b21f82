import { beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from './all-languages.ts';
import {
  catalogFor,
  isFullEnglishLoaded,
  isLanguageLoaded,
  LANGUAGES,
  loadLanguage,
  loadFullEnglish,
  OWN_NAMES,
  resolveLanguage,
} from './catalogs.ts';
import { enCustomerModules, enStaffModules } from './en.ts';
import { enFirstLoadModules } from './en-first-load.ts';
import { enRestModules } from './en-rest.ts';
import { createI18n } from './i18n.ts';
import { textDirection } from './locale.ts';
import { createTranslator } from './translate.ts';

describe('resolveLanguage', () => {
  it('matches exactly, then by base language, then falls back to English', () => {
    expect(resolveLanguage('pl')).toBe('pl');
    expect(resolveLanguage('pl-PL')).toBe('pl');
    expect(resolveLanguage('EN-gb')).toBe('en');
    expect(resolveLanguage('ar-EG')).toBe('ar');
    expect(resolveLanguage('de')).toBe('en');
    expect(resolveLanguage(undefined)).toBe('en');
  });
});

describe('lazy languages', () => {
  it('start with English only and load each other language on demand, once', async () => {
    expect(isLanguageLoaded('en')).toBe(true);
    expect(isLanguageLoaded('hu')).toBe(false);
    expect(catalogFor('hu')).toBe(catalogFor('en'));
    const [a, b] = await Promise.all([loadLanguage('hu-HU'), loadLanguage('hu')]);
    expect(a).toBe(b);
    expect(isLanguageLoaded('hu')).toBe(true);
    expect(catalogFor('hu')).toEqual(catalogs['hu']);
  });

  it('start English with the kiosk only, and load the rest once into the same catalog', async () => {
    const english = catalogFor('en');
    const t = createI18n({ language: 'en' }).t;
    expect(english['kiosk.ticket.done']).toBe(catalogs['en']!['kiosk.ticket.done']);
    expect(english['connection.online']).toBe('Online');
    expect(english['kiosk.checkIn.open']).toBe(catalogs['en']!['kiosk.checkIn.open']);
    expect(english['board.waiting.title']).toBeUndefined();
    expect(english['join.title']).toBeUndefined();
    expect(english['devices.pair.title']).toBeUndefined();
    expect(english['clerk.callNext']).toBeUndefined();
    expect(isFullEnglishLoaded()).toBe(false);
    await Promise.all([loadFullEnglish(), loadFullEnglish()]);
    expect(isFullEnglishLoaded()).toBe(true);
    expect(catalogFor('en')).toBe(english);
    // a translator made before the staff messages came sees them
    expect(t('clerk.callNext')).toBe('Call next');
    expect(english).toEqual(catalogs['en']);
  });

  it('split English into the first load and the rest, together every module', () => {
    expect({ ...enFirstLoadModules, ...enRestModules }).toEqual({
      ...enCustomerModules,
      ...enStaffModules,
    });
  });

  it('offer the same languages the eager catalogs hold', () => {
    expect([...LANGUAGES].sort()).toEqual(Object.keys(catalogs).sort());
  });
});

describe('catalogs', () => {
  beforeAll(async () => {
    await loadFullEnglish();
    for (const lang of LANGUAGES) await loadLanguage(lang);
  });

  it('use the Polish few and many forms', () => {
    const t = createTranslator('pl', catalogs['pl']!);
    expect(t('kiosk.ticket.ahead', { count: 1 })).toBe('Przed Tobą jest 1 osoba');
    expect(t('kiosk.ticket.ahead', { count: 3 })).toBe('Przed Tobą są 3 osoby');
    expect(t('kiosk.ticket.ahead', { count: 12 })).toBe('Przed Tobą jest 12 osób');
    expect(t('kiosk.ticket.ahead', { count: 24 })).toBe('Przed Tobą są 24 osoby');
  });

  it('use the Russian one, few and many forms', () => {
    const t = createI18n({ language: 'ru' }).t;
    expect(t('kiosk.ticket.ahead', { count: 1 })).toBe('Перед вами 1 человек');
    expect(t('kiosk.ticket.ahead', { count: 3 })).toBe('Перед вами 3 человека');
    expect(t('kiosk.ticket.ahead', { count: 5 })).toBe('Перед вами 5 человек');
    expect(t('kiosk.ticket.ahead', { count: 21 })).toBe('Перед вами 21 человек');
    expect(t('kiosk.ticket.ahead', { count: 22 })).toBe('Перед вами 22 человека');
  });

  it('use all six Arabic forms', () => {
    const t = createI18n({ language: 'ar' }).t;
    const ahead = [0, 1, 2, 3, 11, 100].map((count) => t('kiosk.ticket.ahead', { count }));
    expect(ahead).toEqual([
      'دورك هو التالي',
      'أمامك شخص واحد',
      'أمامك شخصان',
      expect.stringMatching(/^أمامك (3|٣) أشخاص$/),
      expect.stringMatching(/^أمامك (11|١١) شخصًا$/),
      expect.stringMatching(/^أمامك (100|١٠٠) شخص$/),
    ]);
  });

  it('use Hindi one for 0 and 1, and Hungarian singular nouns after numbers', () => {
    const hi = createI18n({ language: 'hi' }).t;
    expect(hi('board.waiting.count', { count: 1 })).toBe('1 व्यक्ति प्रतीक्षा में');
    expect(hi('board.waiting.count', { count: 4 })).toBe('4 लोग प्रतीक्षा में');
    const hu = createI18n({ language: 'hu' }).t;
    expect(hu('kiosk.ticket.ahead', { count: 3 })).toBe('Ön előtt 3 ember vár');
  });

  it('show staff screens in English where a language has no staff translation', () => {
    const ar = createI18n({ language: 'ar' }).t;
    expect(ar('clerk.callNext')).toBe('Call next');
    expect(ar('clerk.queue.count', { count: 2 })).toBe('2 customers waiting');
    expect(createI18n({ language: 'pl' }).t('clerk.callNext')).toBe('Wywołaj następnego');
  });
});

describe('createI18n', () => {
  const names = { en: 'Returns', pl: 'Zwroty' };

  it('shows configuration names in the screen language, else the store language', () => {
    expect(createI18n({ language: 'pl', contentFallback: 'en' }).text(names)).toBe('Zwroty');
    expect(createI18n({ language: 'pl', contentFallback: 'en' }).text({ en: 'Only' })).toBe('Only');
    expect(createI18n({ language: 'hu', contentFallback: 'pl' }).text(names)).toBe('Zwroty');
  });

  it('keeps screen texts and names in one language when a language has no catalog', () => {
    const i18n = createI18n({ language: 'de', contentFallback: 'pl' });
    expect(i18n.language).toBe('en');
    expect(i18n.text(names)).toBe('Returns');
  });

  it('names languages in their own language, capitalised for a picker', () => {
    const { languageName } = createI18n({ language: 'en' });
    expect(['pl', 'hu', 'ru', 'hi', 'ar', 'en'].map(languageName)).toEqual([
      'Polski',
      'Magyar',
      'Русский',
      'हिन्दी',
      'العربية',
      'English',
    ]);
  });

  it('writes Arabic right to left', () => {
    expect(createI18n({ language: 'ar' }).dir).toBe('rtl');
    expect(createI18n({ language: 'hi' }).dir).toBe('ltr');
    expect(textDirection('he-IL')).toBe('rtl');
  });

  it('spells out minutes with the grammar of the language', () => {
    expect(createI18n({ language: 'pl' }).duration(5)).toBe('5 minut');
    expect(createI18n({ language: 'pl' }).duration(2)).toBe('2 minuty');
    expect(createI18n({ language: 'ru' }).durationRange(8, 17)).toBe('8–17 минут');
    expect(createI18n({ language: 'en' }).durationRange(3, 3)).toBe('3 minutes');
  });
});

describe("each language's own name", () => {
  it('is written out for every language, and is the name Intl gives it', () => {
    expect(Object.keys(OWN_NAMES).sort()).toEqual([...LANGUAGES].sort());
    for (const code of LANGUAGES) {
      const intl = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
      expect(OWN_NAMES[code]).toBe(intl.charAt(0).toLocaleUpperCase(code) + intl.slice(1));
    }
  });
});
