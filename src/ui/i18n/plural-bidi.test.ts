import { describe, expect, it } from 'vitest';
import { catalogs } from './all-languages.ts';
import { loadLanguage } from './catalogs.ts';
import { enCustomerModules } from './en.ts';
import { createFormatters } from './format.ts';
import { createI18n } from './i18n.ts';
import { intlLocale } from './locale.ts';
import type { Message, PluralMessage } from './message.ts';
import { createTranslator, FSI, PDI, type MessageKey, type Translate } from './translate.ts';

/**
 * Every plural message of every language, at the counts where languages differ, and every name
 * inside a right-to-left sentence. The expected plural categories are written out from CLDR
 * here rather than asked of the code under test; the first check pins Intl to them.
 */
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 101] as const;

type Category = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
const CLDR: Readonly<Record<string, readonly Category[]>> = {
  en: ['other', 'one', 'other', 'other', 'other', 'other', 'other', 'other'],
  pl: ['many', 'one', 'few', 'few', 'many', 'many', 'many', 'many'],
  hu: ['other', 'one', 'other', 'other', 'other', 'other', 'other', 'other'],
  ru: ['many', 'one', 'few', 'few', 'many', 'many', 'one', 'one'],
  hi: ['one', 'one', 'other', 'other', 'other', 'other', 'other', 'other'],
  ar: ['zero', 'one', 'two', 'few', 'few', 'many', 'many', 'other'],
};

const LANGUAGES = Object.keys(catalogs);
const RTL = new Set(['ar']);
const PLACEHOLDER = /\{(\w+)\}/g;
const LEFTOVER = /\{\w+\}/;

function entries(lang: string): [MessageKey, Message][] {
  return Object.entries(catalogs[lang]!) as [MessageKey, Message][];
}

function plurals(lang: string): [MessageKey, PluralMessage][] {
  return entries(lang).filter((e): e is [MessageKey, PluralMessage] => typeof e[1] !== 'string');
}

function formsOf(message: Message): string[] {
  if (typeof message === 'string') return [message];
  return Object.values(message as unknown as Readonly<Record<string, string>>);
}

/** A label ("customers waiting") whose number the screen shows beside it: no form has {count}. */
function isLabel(message: PluralMessage): boolean {
  return !formsOf(message).some((form) => form.includes('{count}'));
}

function namesIn(message: Message): string[] {
  const names = new Set(
    formsOf(message).flatMap((f) => [...f.matchAll(PLACEHOLDER)].map((m) => m[1]!)),
  );
  names.delete('count');
  return [...names].sort();
}

/** A Latin name with digits and brackets: what bidi reorders inside an Arabic sentence. */
const sampleName = (name: string) => `Counter 1 (${name})`;

function paramsFor(message: Message, count?: number): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const name of namesIn(message)) params[name] = sampleName(name);
  if (count !== undefined) params['count'] = count;
  return params;
}

/** What the message must read, built here from the form and the parameters. */
function expected(lang: string, form: string, params: Record<string, string | number>): string {
  const numbers = new Intl.NumberFormat(intlLocale(lang));
  return form.replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name]!;
    if (typeof value === 'number') return numbers.format(value);
    return RTL.has(lang) ? FSI + value + PDI : value;
  });
}

function untypedT(lang: string): (key: MessageKey, params: object) => string {
  const t: Translate = createTranslator(lang, catalogs[lang]!);
  return t as unknown as (key: MessageKey, params: object) => string;
}

describe('plural messages at 0, 1, 2, 3, 5, 11, 21 and 101', () => {
  it('cover every language and find plural messages in each', () => {
    expect(LANGUAGES.sort()).toEqual(Object.keys(CLDR).sort());
    for (const lang of LANGUAGES) expect(plurals(lang).length).toBeGreaterThan(3);
  });

  for (const lang of Object.keys(CLDR)) {
    it(`${lang}: Intl.PluralRules gives the CLDR categories`, () => {
      const rules = new Intl.PluralRules(intlLocale(lang));
      expect(COUNTS.map((n) => rules.select(n))).toEqual(CLDR[lang]);
    });

    it(`${lang}: every plural message renders the right form with the number formatted`, () => {
      const t = untypedT(lang);
      const problems: string[] = [];
      for (const [key, message] of plurals(lang)) {
        COUNTS.forEach((n, i) => {
          const category = CLDR[lang]![i]!;
          const form = n === 0 && message['=0'] !== undefined ? message['=0'] : message[category];
          if (form === undefined) {
            problems.push(`${key} at ${n}: no "${category}" form`);
            return;
          }
          const params = paramsFor(message, n);
          const text = t(key, params);
          if (text !== expected(lang, form, params)) {
            problems.push(`${key} at ${n}: "${text}" is not the "${category}" form "${form}"`);
          }
          if (LEFTOVER.test(text)) problems.push(`${key} at ${n}: placeholder left in "${text}"`);
          const formatted = new Intl.NumberFormat(intlLocale(lang)).format(n);
          if (form.includes('{count}') && !text.includes(formatted)) {
            problems.push(`${key} at ${n}: "${text}" lacks ${formatted}`);
          }
        });
      }
      expect(problems).toEqual([]);
    });

    it(`${lang}: a form that leaves the number out stands for one number only`, () => {
      // "one person" must not also be what 21 people read (Russian one is 1, 21, 31…)
      const rules = new Intl.PluralRules(intlLocale(lang));
      const problems: string[] = [];
      for (const [key, message] of plurals(lang).filter(([, m]) => !isLabel(m))) {
        const wordy = new Map<string, number[]>();
        for (let n = 0; n <= 300; n++) {
          const form =
            n === 0 && message['=0'] !== undefined
              ? message['=0']
              : (message[rules.select(n)] ?? message.other);
          if (!form.includes('{count}')) wordy.set(form, [...(wordy.get(form) ?? []), n]);
        }
        for (const [form, ns] of wordy) {
          if (ns.length > 1)
            problems.push(`${key}: "${form}" is read for ${ns.slice(0, 4).join(', ')}…`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('counts only in plural messages: customer sentences interpolate names, times and waits', () => {
    // "Trying again every {seconds} seconds" was a sentence: "every 1 seconds", Arabic wrong 3–10
    const texts = new Set([
      'store',
      'counter',
      'number',
      'estimate',
      'range',
      'time',
      'message',
      'when',
      'day',
      // a booking's check-in code: digits read as a code, never a count
      'code',
    ]);
    const customer = Object.values(enCustomerModules).flatMap((m) => Object.entries(m));
    const counted = customer
      .filter(([, message]) => typeof message === 'string')
      .flatMap(([key, message]) =>
        namesIn(message as Message)
          .filter((name) => !texts.has(name))
          .map((name) => `${key}: {${name}}`),
      );
    expect(counted).toEqual([]);
  });

  it('says there is nobody waiting, not "0 people", on the board in every language', () => {
    const zero = (lang: string) => untypedT(lang)('board.waiting.count', { count: 0 });
    expect(zero('hi')).toBe('कोई प्रतीक्षा में नहीं');
    expect(zero('ar')).toBe('لا أحد ينتظر');
  });

  it('never leaves an Arabic sentence starting with "then" (the rate limit at zero)', () => {
    const text = untypedT('ar')('kiosk.error.rateLimited', { count: 0 });
    expect(text).not.toMatch(/\.\s*ثم/);
    expect(text).toMatch(/^أُخذت تذاكر كثيرة من هنا للتو\. يُرجى المحاولة مرة أخرى/);
  });

  it('counts the retry seconds of a screen that could not start with plural forms', () => {
    const t = (lang: string, count: number) => untypedT(lang)('shell.error.autoRetry', { count });
    expect(t('en', 1)).toBe('Trying again every second.');
    expect(t('en', 15)).toBe('Trying again every 15 seconds.');
    expect(t('ru', 1)).toBe('Повторяем попытку раз в 1 секунду.');
    expect(t('ru', 15)).toBe('Повторяем попытку раз в 15 секунд.');
    expect(t('ar', 3)).toBe('نعيد المحاولة كل 3 ثوانٍ.');
    expect(t('ar', 15)).toBe('نعيد المحاولة كل 15 ثانية.');
  });
});

describe('names inside right-to-left sentences', () => {
  for (const lang of LANGUAGES) {
    const rtl = RTL.has(lang);
    it(`${lang}: ${rtl ? 'isolates every name (FSI…PDI)' : 'adds no direction marks'}`, () => {
      const t = untypedT(lang);
      const problems: string[] = [];
      let checked = 0;
      for (const [key, message] of entries(lang)) {
        const names = namesIn(message);
        if (names.length === 0) continue;
        const text = t(key, paramsFor(message, typeof message === 'string' ? undefined : 3));
        for (const name of names) {
          const value = sampleName(name);
          const all = text.split(value).length - 1;
          const isolated = text.split(FSI + value + PDI).length - 1;
          checked++;
          if (rtl ? all === 0 || isolated !== all : isolated !== 0) {
            problems.push(`${key}: {${name}} in "${text}"`);
          }
        }
        if (!rtl && /[\u2066-\u2069]/.test(text)) problems.push(`${key}: direction marks`);
      }
      expect(checked).toBeGreaterThan(5);
      expect(problems).toEqual([]);
    });
  }

  it('keeps an untranslated counter name whole in the Arabic call to the counter', async () => {
    await Promise.all([loadLanguage('ar'), loadLanguage('pl')]);
    const { t, text } = createI18n({ language: 'ar', contentFallback: 'en' });
    const counter = text({ en: 'Counter 1 (Returns)' });
    expect(t('kiosk.ticket.goTo', { counter })).toBe(
      `يُرجى التوجه إلى ${FSI}Counter 1 (Returns)${PDI}.`,
    );
    expect(t('board.announce', { number: 'A023', counter })).toBe(
      `التذكرة رقم ${FSI}A023${PDI}، يُرجى التوجه إلى ${FSI}Counter 1 (Returns)${PDI}.`,
    );
    expect(createI18n({ language: 'pl' }).t('kiosk.ticket.goTo', { counter })).toBe(
      'Zapraszamy do: Counter 1 (Returns).',
    );
  });

  it('shows Arabic numbers, times and durations in Latin digits in every Arabic region', () => {
    // ar-EG and ar-SA write Arabic-Indic digits by default; plain ar differs between browsers
    for (const language of ['ar', 'ar-EG', 'ar-SA']) {
      const t = untypedT('ar');
      const f = createFormatters(language, 'UTC');
      const shown = [
        createTranslator(language, catalogs['ar']!)('kiosk.ticket.ahead', { count: 12 }),
        t('kiosk.ticket.ahead', { count: 12 }),
        f.number(1234),
        f.duration(15),
        f.time(Date.UTC(2026, 0, 15, 13, 5)),
      ].join(' ');
      expect(shown).toMatch(/12/);
      expect(shown).toMatch(/15/);
      expect(shown).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    }
    expect(intlLocale('ar-EG')).toBe('ar-EG-u-nu-latn');
    expect(intlLocale('pl')).toBe('pl');
  });
});
