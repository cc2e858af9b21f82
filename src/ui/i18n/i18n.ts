import { localized, type LocalizedText } from '../../domain/config/types.ts';
import { catalogFor, FALLBACK_LANGUAGE, OWN_NAMES, resolveLanguage } from './catalogs.ts';
import { createFormatters, type Formatters } from './format.ts';
import { textDirection } from './locale.ts';
import { createTranslator, type Translate } from './translate.ts';

/** Everything a screen needs to speak the customer's language. */
export interface I18n extends Formatters {
  /** The language the screen is shown in (one with a catalog). */
  readonly language: string;
  /** Its writing direction, for `dir`. */
  readonly dir: 'ltr' | 'rtl';
  readonly t: Translate;
  /** A name from the store configuration (service, counter, store) in this language. */
  readonly text: (value: LocalizedText) => string;
  /** A language's own name, e.g. "polski" for "pl". */
  readonly languageName: (code: string) => string;
}

export interface I18nOptions {
  /** Wanted language; falls back to English when there is no catalog for it. */
  readonly language: string;
  /** Language of configuration texts when one lacks the wanted language. */
  readonly contentFallback?: string;
  readonly timeZone?: string;
}

export function createI18n(opts: I18nOptions): I18n {
  const language = resolveLanguage(opts.language);
  const contentFallback = opts.contentFallback ?? language;
  return {
    language,
    dir: textDirection(language),
    // staff screens not translated into this language show in English
    t: createTranslator(language, catalogFor(language), {
      locale: FALLBACK_LANGUAGE,
      catalog: catalogFor(FALLBACK_LANGUAGE),
    }),
    ...createFormatters(language, opts.timeZone),
    text: (value) => localized(value, language, contentFallback),
    languageName,
  };
}

// an Intl.DisplayNames per name per render showed in the kiosk's tap profile: names are kept
const languageNames = new Map<string, string>();

/**
 * A language's name in itself ("Polski", "العربية"): ours for the languages we translate into,
 * the browser's for others, or its code where the browser has none.
 */
function languageName(code: string): string {
  let name = languageNames.get(code);
  if (name === undefined) {
    name = nameOf(code);
    languageNames.set(code, name);
  }
  return name;
}

function nameOf(code: string): string {
  const own = OWN_NAMES[code];
  if (own !== undefined) return own;
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    // "polski", "русский": a language names itself in the case it uses inside a sentence
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}
