import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languageModules } from './all-languages.ts';
import { coverageProblems } from './coverage.ts';
import { en, enCustomerModules, enStaffModules } from './en.ts';
import { STAFF_LANGUAGES } from './modules.ts';

const english = { ...enCustomerModules, ...enStaffModules };
const customer = new Set(Object.keys(enCustomerModules));
/** The clerk desk's handover and closing texts are read by clerks of any language. */
const EVERY_LANGUAGE = new Set(['clerkDesk']);
const required = (lang: string, module: string) =>
  customer.has(module) || EVERY_LANGUAGE.has(module) || STAFF_LANGUAGES.includes(lang);

describe('translation coverage', () => {
  it('every language has every key English has, with its placeholders and plural forms', () => {
    expect(coverageProblems({ english, languages: languageModules, required })).toEqual([]);
  });

  it('the English catalog is exactly its modules', () => {
    const keys = Object.values(english).flatMap((m) => Object.keys(m));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(en).sort()).toEqual(keys.sort());
  });

  it('offers every customer language of the shipped store', () => {
    const store = JSON.parse(readFileSync('kiosk-config/store.json', 'utf8')) as {
      store: { customerLanguages: string[] };
    };
    for (const lang of store.store.customerLanguages)
      expect(Object.keys(languageModules)).toContain(lang);
  });

  it('fails when a language misses a key, a placeholder or a plural form', () => {
    const broken = {
      pl: {
        ...languageModules['pl']!,
        kiosk: {
          ...languageModules['pl']!.kiosk,
          'kiosk.ticket.done': undefined as unknown as string,
          'kiosk.ticket.goTo': 'Zapraszamy.',
          'kiosk.ticket.ahead': { one: '{count} osoba', other: '{count} osoby' },
        },
      },
      hu: { ...languageModules['hu']!, track: undefined },
    };
    const problems = coverageProblems({ english, languages: broken, required });
    expect(problems).toEqual([
      'pl/kiosk: kiosk.ticket.ahead lacks the plural form "few"',
      'pl/kiosk: kiosk.ticket.ahead lacks the plural form "many"',
      'pl/kiosk: kiosk.ticket.goTo uses {} where English uses {counter}: "Zapraszamy."',
      'pl/kiosk: missing key kiosk.ticket.done',
      'hu/track: the module is missing',
    ]);
  });

  it('lets staff modules fall back to English outside English and Polish', () => {
    const problems = coverageProblems({
      english,
      languages: { pl: { ...languageModules['pl']!, clerk: undefined } },
      required,
    });
    expect(problems).toEqual(['pl/clerk: the module is missing']);
    expect(languageModules['ar']!.clerk).toBeUndefined();
  });
});
