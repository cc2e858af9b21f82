import { localized, type LocalizedText } from '../../domain/config/types.ts';
import { catalogFor, resolveLanguage } from './catalogs.ts';
import { createFormatters, type Formatters } from './format.ts';
import { createTranslator, type Translate } from './translate.ts';

/** Everything a screen needs to speak the customer's language. */
export interface I18n extends Formatters {
  /** The language the screen is shown in (one with a catalog). */
  readonly language: string;
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
    t: createTranslator(language, catalogFor(language)),
    ...createFormatters(language, opts.timeZone),
    text: (value) => localized(value, language, contentFallback),
    languageName: (code) => {
      try {
        return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}
