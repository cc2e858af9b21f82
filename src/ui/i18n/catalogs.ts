import { arModules } from './ar.ts';
import { en, enCustomerModules, enStaffModules } from './en.ts';
import { hiModules } from './hi.ts';
import { huModules } from './hu.ts';
import type { LanguageModules } from './modules.ts';
import { plModules } from './pl.ts';
import { ruModules } from './ru.ts';
import type { Catalog } from './translate.ts';

/** Every language's modules. Add a language here (and its modules) to offer it. */
export const languageModules: Readonly<Record<string, LanguageModules>> = {
  en: { ...enCustomerModules, ...enStaffModules },
  pl: plModules,
  hu: huModules,
  ru: ruModules,
  hi: hiModules,
  ar: arModules,
};

function flatten(modules: LanguageModules): Catalog {
  return Object.assign({}, ...Object.values(modules)) as Catalog;
}

/** Languages the screens are translated into, each as one flat catalog. */
export const catalogs: Readonly<Record<string, Catalog>> = Object.fromEntries(
  Object.entries(languageModules).map(([lang, modules]) => [lang, flatten(modules)]),
);

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

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv']);

/** Writing direction of a language, for `dir` on the page. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  return RTL.has(language.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
