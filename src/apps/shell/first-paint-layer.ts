/**
 * A surface's first paint: a still copy of its first screen, drawn over the page before React
 * has loaded (src/boot.ts), removed once the live screen is shown or the device cannot start.
 * It is inert and hidden from screen readers: nothing in it works, and the live screen below
 * it says the same a moment later.
 */
import { FIRST_PAINT_ID, firstPaintClass } from '../../domain/kiosk/first-paint.ts';
import { scriptFontsFor } from '../../ui/script-fonts.ts';

/** A start slower than this shows the live loading screen instead of buttons that do nothing. */
const LAYER_MAX_MS = 5000;

/** Draws `html` (a saved screen, parsed inert) as the layer over the page. */
export function showFirstPaint(
  surfaceClass: string,
  html: string,
  lang: string,
  dir: string,
): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  // a saved copy holds no scripts or handlers (React sets none as attributes): drop any
  for (const node of template.content.querySelectorAll('script, iframe, object, embed')) {
    node.remove();
  }
  for (const node of template.content.querySelectorAll('*')) {
    for (const { name } of [...node.attributes]) {
      if (name.toLowerCase().startsWith('on')) node.removeAttribute(name);
    }
  }
  const layer = document.createElement('div');
  layer.id = FIRST_PAINT_ID;
  layer.className = firstPaintClass(surfaceClass);
  layer.setAttribute('aria-hidden', 'true');
  layer.inert = true;
  layer.append(template.content);
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;
  scriptFontsFor(lang);
  document.body.append(layer);
  setTimeout(removeFirstPaint, LAYER_MAX_MS);
}

/**
 * Takes on the layer the hub put into the page (a first visit, src/domain/kiosk/first-paint.ts),
 * already painted with `<html>`'s language and fonts; false when the page has none.
 */
export function adoptServedFirstPaint(): boolean {
  if (!document.getElementById(FIRST_PAINT_ID)) return false;
  setTimeout(removeFirstPaint, LAYER_MAX_MS);
  return true;
}

export function removeFirstPaint(): void {
  document.getElementById(FIRST_PAINT_ID)?.remove();
}
