/** Languages written in a script the self-hosted fonts (fonts.css) cover. */
const OWN_FONT_LANGUAGES: ReadonlySet<string> = new Set(['hi', 'ar']);

/** The class on `<html>` under which base.css uses the self-hosted fonts. */
const CLASS = 'script-fonts';

/**
 * Turns the self-hosted fonts on. Until then text in their scripts shows in the system's font:
 * a first screen in another language (a kiosk's language buttons) paints without waiting for
 * 100 KB of fonts, and they swap in a moment later.
 */
export function enableScriptFonts(): void {
  document.documentElement.classList.add(CLASS);
}

/** Turns the fonts on at once for a page shown in a language that needs them. */
export function scriptFontsFor(lang: string): void {
  if (OWN_FONT_LANGUAGES.has(lang.split('-')[0] ?? '')) enableScriptFonts();
}
