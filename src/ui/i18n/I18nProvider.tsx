import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { claimDocumentLanguage } from '../document.ts';
import { createI18n, type I18n } from './i18n.ts';

const fallback = createI18n({ language: 'en' });

const I18nContext = createContext<I18n>(fallback);
const DepthContext = createContext(0);

/**
 * The language of everything below. The innermost provider also sets `<html lang dir>`, so
 * screen readers, fonts (`:lang(hi)`) and right-to-left layout follow the screen's language.
 */
export function I18nProvider(props: {
  language: string;
  contentFallback?: string;
  timeZone?: string;
  children: ReactNode;
}) {
  const { language, contentFallback, timeZone } = props;
  const depth = useContext(DepthContext) + 1;
  const i18n = useMemo(
    () =>
      createI18n({
        language,
        ...(contentFallback !== undefined ? { contentFallback } : {}),
        ...(timeZone !== undefined ? { timeZone } : {}),
      }),
    [language, contentFallback, timeZone],
  );
  useEffect(() => claimDocumentLanguage(depth, i18n.language, i18n.dir), [depth, i18n]);
  return (
    <DepthContext.Provider value={depth}>
      <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>
    </DepthContext.Provider>
  );
}

/** The current language's `t`, config-text and Intl formatters. */
export function useT(): I18n {
  return useContext(I18nContext);
}
