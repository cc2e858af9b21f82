import { enFirstLoadModules } from './en-first-load.ts';
import type { enRestModules } from './en-rest.ts';
import type { LanguageModules } from './modules.ts';
import type { Catalog, MessageKey } from './translate.ts';

/**
 * Languages the screens are translated into. English customer messages are in the main
 * bundle; every other catalog is its own chunk, loaded when a screen first needs it (a kiosk's
 * first screen should not carry six languages), and so are the English staff messages
 * (`loadFullEnglish`). The service worker precaches them all for offline use.
 */
const loaders: Readonly<Record<string, () => Promise<LanguageModules>>> = {
  // (English is loaded from the start, and completed by `loadFullEnglish`)
  en: async () => ({ ...enFirstLoadModules, ...(await import('./en-rest.ts')).enRestModules }),
  pl: async () => (await import('./pl.ts')).plModules,
  hu: async () => (await import('./hu.ts')).huModules,
  ru: async () => (await import('./ru.ts')).ruModules,
  hi: async () => (await import('./hi.ts')).hiModules,
  ar: async () => (await import('./ar.ts')).arModules,
};

/** Every language there is a catalog for (loaded or not). Add a language here to offer it. */
export const LANGUAGES: readonly string[] = Object.keys(loaders);

/**
 * Each of them in itself, as the language picker names it. Written out, not asked of Intl:
 * the first Intl.DisplayNames of a fresh page loads ICU's data, 50–110 ms of a kiosk's cold
 * start at 4x CPU (src/ui/i18n/catalogs.test.ts checks they are Intl's names).
 */
export const OWN_NAMES: Readonly<Record<(typeof LANGUAGES)[number], string>> = {
  en: 'English',
  pl: 'Polski',
  hu: 'Magyar',
  ru: 'Русский',
  hi: 'हिन्दी',
  ar: 'العربية',
};

export function flatten(modules: LanguageModules): Catalog {
  return Object.assign({}, ...Object.values(modules)) as Catalog;
}

/**
 * English, the fallback of every language. It starts with the first load's modules only (the
 * type promises more: a screen that shows another module awaits `loadFullEnglish` first) and
 * grows in place when the rest arrives: translators read it live, so a translator made before
 * then has the whole catalog too.
 */
const english = Object.assign({}, ...Object.values(enFirstLoadModules)) as Catalog;
const loaded = new Map<string, Catalog>([['en', english]]);
const loading = new Map<string, Promise<Catalog>>();

let fullEnglish: Promise<void> | undefined;
let fullEnglishLoaded = false;

/**
 * Loads the rest of English (board, the phone's pages, pairing, staff screens) once. A screen
 * that shows it awaits this with its own code, before it renders; other languages' catalogs
 * carry all their modules themselves.
 */
export function loadFullEnglish(): Promise<void> {
  if (!fullEnglish) {
    const p = import('./en-rest.ts').then(({ enRestModules }) => completeEnglish(enRestModules));
    p.catch(() => {
      if (fullEnglish === p) fullEnglish = undefined;
    });
    fullEnglish = p;
  }
  return fullEnglish;
}

/**
 * Completes English with the rest of its modules at once: for an entry that imports them
 * itself (the phone's pages), so its first screen waits for no second request.
 */
export function completeEnglish(rest: typeof enRestModules): void {
  if (fullEnglishLoaded) return;
  Object.assign(english as Partial<Record<MessageKey, unknown>>, ...Object.values(rest));
  fullEnglishLoaded = true;
  fullEnglish ??= Promise.resolve();
}

export function isFullEnglishLoaded(): boolean {
  return fullEnglishLoaded;
}

/** Loads a language's catalog (once); English and unknown languages resolve at once. */
export function loadLanguage(language: string): Promise<Catalog> {
  const lang = resolveLanguage(language);
  const have = loaded.get(lang);
  if (have) return Promise.resolve(have);
  let p = loading.get(lang);
  if (!p) {
    p = loaders[lang]!().then((modules) => {
      const catalog = flatten(modules);
      loaded.set(lang, catalog);
      return catalog;
    });
    p.catch(() => loading.delete(lang));
    loading.set(lang, p);
  }
  return p;
}

export function isLanguageLoaded(language: string): boolean {
  return loaded.has(resolveLanguage(language));
}

export const FALLBACK_LANGUAGE = 'en';

/**
 * The catalog language to use for a requested one: exact match, then its base language
 * ("pl-PL" gives "pl"), then English.
 */
export function resolveLanguage(
  requested: string | undefined,
  available: readonly string[] = LANGUAGES,
): string {
  if (!requested) return FALLBACK_LANGUAGE;
  const lower = requested.toLowerCase();
  const exact = available.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split('-')[0];
  return available.find((l) => l.toLowerCase() === base) ?? FALLBACK_LANGUAGE;
}

/** The language's catalog if loaded, else English (until `loadLanguage` brings it). */
export function catalogFor(language: string): Catalog {
  return loaded.get(resolveLanguage(language)) ?? english;
}
