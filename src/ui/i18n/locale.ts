/**
 * What a language means for layout and formatting: its writing direction, and the locale Intl
 * formats it with. Tiny and dependency-free, so the translator and the formatters share it.
 */

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv']);

function baseOf(language: string): string {
  return language.toLowerCase().split('-')[0] ?? '';
}

/** Writing direction of a language, for `dir` on the page. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  return RTL.has(baseOf(language)) ? 'rtl' : 'ltr';
}

/**
 * Digits each language is shown with, whatever the region: Arabic in Latin digits, as the
 * store's names ("Counter 1"), ticket numbers and times are, so a screen never mixes 1 and ١
 * (plain `ar` gives Latin digits in some browsers and Arabic-Indic ones in others, `ar-EG`
 * Arabic-Indic everywhere).
 */
const DIGITS: Readonly<Record<string, string>> = { ar: 'latn' };

/** The locale to give Intl for a language: the language with its pinned digits. */
export function intlLocale(language: string): string {
  const numberingSystem = DIGITS[baseOf(language)];
  if (!numberingSystem) return language;
  try {
    return new Intl.Locale(language, { numberingSystem }).toString();
  } catch {
    return language;
  }
}
