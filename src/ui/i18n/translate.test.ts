import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { createTranslator, FSI, interpolate, PDI, selectPluralForm } from './translate.ts';

describe('selectPluralForm', () => {
  const ahead = { '=0': 'next', one: '{count} person', other: '{count} people' };

  it('uses the exact zero form before the language category', () => {
    expect(selectPluralForm(ahead, 0, new Intl.PluralRules('en'))).toBe('next');
  });

  it('follows Intl.PluralRules for English', () => {
    const rules = new Intl.PluralRules('en');
    expect(selectPluralForm(ahead, 1, rules)).toBe('{count} person');
    expect(selectPluralForm(ahead, 2, rules)).toBe('{count} people');
    expect(selectPluralForm({ one: 'one', other: 'other' }, 0, rules)).toBe('other');
  });

  it('follows Intl.PluralRules for Polish few and many', () => {
    const rules = new Intl.PluralRules('pl');
    const m = { one: 'osoba', few: 'osoby', many: 'osób', other: 'osoby (ułamek)' };
    expect(selectPluralForm(m, 1, rules)).toBe('osoba');
    expect(selectPluralForm(m, 3, rules)).toBe('osoby');
    expect(selectPluralForm(m, 5, rules)).toBe('osób');
    expect(selectPluralForm(m, 22, rules)).toBe('osoby');
    expect(selectPluralForm(m, 1.5, rules)).toBe('osoby (ułamek)');
  });

  it('falls back to other when the category is missing', () => {
    expect(selectPluralForm({ other: 'x' }, 1, new Intl.PluralRules('en'))).toBe('x');
  });
});

describe('interpolate', () => {
  const numbers = new Intl.NumberFormat('en');

  it('fills named placeholders and formats numbers for the locale', () => {
    expect(interpolate('{a} of {b}', { a: 'one', b: 1234 }, numbers)).toBe('one of 1,234');
  });

  it('leaves unknown placeholders visible instead of failing', () => {
    expect(interpolate('hi {who}', {}, numbers)).toBe('hi {who}');
  });

  it('formats with the locale of the number format', () => {
    expect(interpolate('{n}', { n: 1234.5 }, new Intl.NumberFormat('pl'))).toBe('1234,5');
  });

  it('isolates text parameters, not numbers, for a right-to-left language', () => {
    expect(interpolate('{a}: {n}', { a: 'Counter 1', n: 3 }, numbers, true)).toBe(
      `${FSI}Counter 1${PDI}: 3`,
    );
  });
});

describe('createTranslator', () => {
  const t = createTranslator('en', en);

  it('translates plain and parameterised messages', () => {
    expect(t('connection.online')).toBe('Online');
    expect(t('kiosk.welcome.title', { store: 'Corner Shop' })).toBe('Welcome to Corner Shop');
  });

  it('chooses plural forms by count', () => {
    expect(t('kiosk.ticket.ahead', { count: 0 })).toBe('You are next');
    expect(t('kiosk.ticket.ahead', { count: 1 })).toBe('1 person ahead of you');
    expect(t('kiosk.ticket.ahead', { count: 4 })).toBe('4 people ahead of you');
    expect(t('connection.pending', { count: 3 })).toBe('3 changes waiting to sync');
  });

  it('makes a number format only for a message with a number (a first screen has none)', () => {
    const intl = Intl as { NumberFormat: typeof Intl.NumberFormat };
    const Original = intl.NumberFormat;
    let made = 0;
    intl.NumberFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        super(...args);
        made++;
      }
    } as typeof Intl.NumberFormat;
    try {
      const fresh = createTranslator('pl', en);
      fresh('connection.online');
      fresh('kiosk.welcome.title', { store: 'Corner Shop' });
      expect(made).toBe(0);
      expect(fresh('connection.pending', { count: 1234 })).toContain('1234');
      expect(made).toBe(1);
    } finally {
      intl.NumberFormat = Original;
    }
  });
});

describe('translate typing', () => {
  it('requires exactly the parameters a message names', () => {
    const t = createTranslator('en', en);
    // @ts-expect-error the store name is missing
    t('kiosk.welcome.title');
    // @ts-expect-error plural messages need a count
    t('kiosk.ticket.ahead', {});
    // @ts-expect-error no such key
    expect(t('kiosk.nope')).toBe('kiosk.nope');
    expect(t('kiosk.ticket.done')).toBe('Done');
  });
});
