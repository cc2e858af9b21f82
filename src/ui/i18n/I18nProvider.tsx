import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { claimDocumentLanguage, pageLanguage, subscribePageLanguage } from '../document.ts';
import {
  isFullEnglishLoaded,
  isLanguageLoaded,
  loadFullEnglish,
  loadLanguage,
} from './catalogs.ts';
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
  // a language not loaded yet shows in English for the moment its catalog takes to arrive
  const [loadedCount, setLoadedCount] = useState(0);
  const loaded = isLanguageLoaded(language);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadLanguage(language).then(
      () => live && setLoadedCount((n) => n + 1),
      (error: unknown) => console.warn(`[nextup] language ${language} did not load`, error),
    );
    return () => {
      live = false;
    };
  }, [language, loaded]);
  const i18n = useMemo(
    () =>
      createI18n({
        language,
        ...(contentFallback !== undefined ? { contentFallback } : {}),
        ...(timeZone !== undefined ? { timeZone } : {}),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a loaded catalog makes a new i18n
    [language, contentFallback, timeZone, loaded, loadedCount],
  );
  // before the screen paints: its direction, and the fonts its script needs (script-fonts.ts)
  useLayoutEffect(() => claimDocumentLanguage(depth, i18n.language, i18n.dir), [depth, i18n]);
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

/**
 * The language the page shows now (its innermost provider's), for what sits beside the screens
 * rather than inside them: the connection badge speaks the kiosk customer's language, not the
 * store's. Texts and numbers only (no store time zone); the provider's own until a screen
 * claims the page.
 */
export function usePageT(): I18n {
  const own = useT();
  const page = useSyncExternalStore(subscribePageLanguage, pageLanguage, pageLanguage);
  return useMemo(
    () => (page && page.lang !== own.language ? createI18n({ language: page.lang }) : own),
    [page, own],
  );
}

/**
 * For a message outside the first load's English (pairing, storage warnings) on a screen that
 * did not await `loadFullEnglish`: true once it is in, loading it when `wanted`.
 */
export function useFullEnglish(wanted: boolean): boolean {
  const [ready, setReady] = useState(isFullEnglishLoaded);
  useEffect(() => {
    if (!wanted || ready) return;
    let live = true;
    loadFullEnglish().then(
      () => live && setReady(true),
      (error: unknown) => console.warn('[nextup] English messages did not load', error),
    );
    return () => {
      live = false;
    };
  }, [wanted, ready]);
  return ready;
}
