import { describe, expect, it } from 'vitest';
import { testStore } from '../../domain/testing/store.ts';
import { boardLanguage } from './board-language.ts';

const store = {
  ...testStore,
  store: { ...testStore.store, customerLanguages: ['en', 'pl', 'ar'] },
};

describe('boardLanguage', () => {
  it("takes ?lang= when customers are offered it, else the store's default", () => {
    expect(boardLanguage(store, '?lang=ar')).toBe('ar');
    expect(boardLanguage(store, '?lang=pl-PL')).toBe('pl');
    expect(boardLanguage(store, '?lang=de')).toBe('en');
    expect(boardLanguage(store, '')).toBe('en');
  });
});
