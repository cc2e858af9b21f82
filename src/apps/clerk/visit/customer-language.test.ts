import { describe, expect, it } from 'vitest';
import { testStore } from '../../../domain/testing/store.ts';
import { customerLanguage } from './customer-language.ts';

const store = {
  store: { ...testStore.store, defaultLanguage: 'pl', customerLanguages: ['pl', 'en', 'ar'] },
};

describe('customerLanguage', () => {
  it('speaks the language chosen at the kiosk when the store offers it', () => {
    expect(customerLanguage(store, 'ar')).toBe('ar');
  });

  it("falls back to the store's language for a walk-in or a language not offered", () => {
    expect(customerLanguage(store, undefined)).toBe('pl');
    expect(customerLanguage(store, 'hu')).toBe('pl');
  });
});
