/** Languages written in a script the self-hosted fonts (fonts.css) cover. */
const OWN_FONT_LANGUAGES: ReadonlySet<string> = new Set(['hi', 'ar']);

/** The class on `<html>` under which base.css uses the self-hosted fonts. */
export const SCRIPT_FONTS_CLASS = 'script-fonts';

/**
 * Turns the self-hosted fonts on. Until then text in their scripts shows in the system's font:
 * a first screen in another language (a kiosk's language buttons) paints without waiting for
 * 100 KB of fonts, and they swap in a moment later.
 */
export function enableScriptFonts(): void {
  document.documentElement.classList.add(SCRIPT_FONTS_CLASS);
}

/** Whether a page in `lang` shows in the self-hosted fonts from its first paint. */
export function usesScriptFonts(lang: string): boolean {
  return OWN_FONT_LANGUAGES.has(lang.split('-')[0] ?? '');
}

/** Turns the fonts on at once for a page shown in a language that needs them. */
export function scriptFontsFor(lang: string): void {
  if (usesScriptFonts(lang)) enableScriptFonts();
}
