import { scriptFontsFor } from './script-fonts.ts';

/**
 * The page-wide settings a screen owns: `<html lang dir>` and the display modes (high contrast,
 * large text) as classes on `<html>`, so everything on the page (the connection badge, dialogs,
 * the printed receipt) follows them. Nested providers may each claim the language; the deepest
 * one wins, whatever order React runs their effects in.
 */
export interface PageLanguage {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

interface Claim extends PageLanguage {
  readonly depth: number;
}

const claims = new Map<symbol, Claim>();
let current: Claim | undefined;
const listeners = new Set<() => void>();

function apply(): void {
  let best: Claim | undefined;
  for (const c of claims.values()) if (!best || c.depth >= best.depth) best = c;
  if (typeof document !== 'undefined') {
    const root = document.documentElement;
    root.lang = best?.lang ?? 'en';
    root.dir = best?.dir ?? 'ltr';
    scriptFontsFor(root.lang);
  }
  if (best === current) return;
  current = best;
  for (const listener of listeners) listener();
}

/**
 * The language the page is shown in now (the deepest claim), for what sits beside the screens
 * rather than inside them, like the connection badge; undefined before any screen claims one.
 * A new object whenever a claim is made again, e.g. once its language's messages have loaded.
 */
export function pageLanguage(): PageLanguage | undefined {
  return current;
}

/** Calls `listener` whenever the page's language is claimed anew; returns the unsubscribe. */
export function subscribePageLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Claims the page language at `depth`; returns the release function. */
export function claimDocumentLanguage(depth: number, lang: string, dir: 'ltr' | 'rtl'): () => void {
  const key = Symbol(lang);
  claims.set(key, { depth, lang, dir });
  apply();
  return () => {
    claims.delete(key);
    apply();
  };
}

export type DisplayMode = 'a11y-contrast' | 'a11y-large';

/** Turns a display mode on for as long as the caller holds it. */
export function holdDisplayMode(mode: DisplayMode, on: boolean): () => void {
  if (typeof document === 'undefined' || !on) return () => undefined;
  document.documentElement.classList.add(mode);
  return () => document.documentElement.classList.remove(mode);
}
