import { en } from './en.ts';
import { pl } from './pl.ts';
import type { Catalog } from './translate.ts';

/** Languages the screens are translated into. Add a catalog here (e.g. `pl`) to offer it. */
export const catalogs: Readonly<Record<string, Catalog>> = { en, pl };

export const FALLBACK_LANGUAGE = 'en';

/**
 * The catalog language to use for a requested one: exact match, then its base language
 * ("pl-PL" gives "pl"), then English.
 */
export function resolveLanguage(
  requested: string | undefined,
  available: readonly string[] = Object.keys(catalogs),
): string {
  if (!requested) return FALLBACK_LANGUAGE;
  const lower = requested.toLowerCase();
  const exact = available.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split('-')[0];
  return available.find((l) => l.toLowerCase() === base) ?? FALLBACK_LANGUAGE;
}

export function catalogFor(language: string): Catalog {
  return catalogs[resolveLanguage(language)] ?? en;
}
