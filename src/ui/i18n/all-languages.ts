import { arModules } from './ar.ts';
import { flatten } from './catalogs.ts';
import { enCustomerModules, enStaffModules } from './en.ts';
import { hiModules } from './hi.ts';
import { huModules } from './hu.ts';
import type { LanguageModules } from './modules.ts';
import { plModules } from './pl.ts';
import { ruModules } from './ru.ts';
import type { Catalog } from './translate.ts';

/**
 * Every language's modules, loaded eagerly: for the coverage checks and tests only (the app
 * loads languages lazily through `loadLanguage` in catalogs.ts). Keep in step with its loaders.
 */
export const languageModules: Readonly<Record<string, LanguageModules>> = {
  en: { ...enCustomerModules, ...enStaffModules },
  pl: plModules,
  hu: huModules,
  ru: ruModules,
  hi: hiModules,
  ar: arModules,
};

export const catalogs: Readonly<Record<string, Catalog>> = Object.fromEntries(
  Object.entries(languageModules).map(([lang, modules]) => [lang, flatten(modules)]),
);
