/**
 * The page-wide settings a screen owns: `<html lang dir>` and the display modes (high contrast,
 * large text) as classes on `<html>`, so everything on the page (the connection badge, dialogs,
 * the printed receipt) follows them. Nested providers may each claim the language; the deepest
 * one wins, whatever order React runs their effects in.
 */
interface Claim {
  readonly depth: number;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

const claims = new Map<symbol, Claim>();

function apply(): void {
  if (typeof document === 'undefined') return;
  let best: Claim | undefined;
  for (const c of claims.values()) if (!best || c.depth >= best.depth) best = c;
  const root = document.documentElement;
  root.lang = best?.lang ?? 'en';
  root.dir = best?.dir ?? 'ltr';
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
