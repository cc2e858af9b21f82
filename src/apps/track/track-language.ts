import { LANGUAGES } from '../../ui/i18n/catalogs.ts';

/**
 * The tracking page's language: the one the customer chose at the kiosk (`?lang=` in the QR
 * code), else the phone's own if we have it, else the store's.
 */
export function trackLanguage(
  search: string,
  phoneLanguages: readonly string[],
  storeDefault: string | undefined,
): string {
  const known = (lang: string | null | undefined): string | undefined => {
    if (!lang) return undefined;
    const lower = lang.toLowerCase();
    const langs = LANGUAGES;
    return langs.find((l) => l === lower) ?? langs.find((l) => l === lower.split('-')[0]);
  };
  return (
    known(new URLSearchParams(search).get('lang')) ??
    phoneLanguages.map(known).find((l) => l !== undefined) ??
    known(storeDefault) ??
    'en'
  );
}
