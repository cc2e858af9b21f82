import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createI18n, type I18n } from './i18n.ts';

const fallback = createI18n({ language: 'en' });

const I18nContext = createContext<I18n>(fallback);

export function I18nProvider(props: {
  language: string;
  contentFallback?: string;
  timeZone?: string;
  children: ReactNode;
}) {
  const { language, contentFallback, timeZone } = props;
  const i18n = useMemo(
    () =>
      createI18n({
        language,
        ...(contentFallback !== undefined ? { contentFallback } : {}),
        ...(timeZone !== undefined ? { timeZone } : {}),
      }),
    [language, contentFallback, timeZone],
  );
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}

/** The current language's `t`, config-text and Intl formatters. */
export function useT(): I18n {
  return useContext(I18nContext);
}
