import { describe, expect, it } from 'vitest';
import { trackLanguage } from './track-language.ts';

describe('trackLanguage', () => {
  it("prefers the kiosk's choice, then the phone's languages, then the store's", () => {
    expect(trackLanguage('?lang=ar', ['pl-PL'], 'en')).toBe('ar');
    expect(trackLanguage('', ['de-DE', 'ru-RU'], 'en')).toBe('ru');
    expect(trackLanguage('?lang=xx', ['de'], 'pl')).toBe('pl');
    expect(trackLanguage('', [], undefined)).toBe('en');
  });
});
