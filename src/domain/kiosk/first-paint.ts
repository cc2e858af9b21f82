/**
 * A surface's first paint: a still copy of its first screen, drawn over the page before the
 * app's scripts have run and removed once the live screen is shown. A kiosk's later starts
 * paint the welcome it saved (src/apps/kiosk/welcome-snapshot.ts); its first visit, with
 * nothing saved, gets the hub's: the hub renders the welcome for the store's config with the
 * app's own components (src/apps/kiosk/welcome-still.tsx, built beside the app) and puts it
 * into the page it serves. One contract for the build, the hub and the page.
 */
import type { StoreConfig } from '../config/types.ts';
import { PAIR_PARAM } from '../security/pair-param.ts';

/** The element's id in the page: the app removes it by this id. */
export const FIRST_PAINT_ID = 'first-paint';

/** Where the build puts the hub's welcome renderer, under the built app (not served). */
export const WELCOME_STILL_MODULE = '.server/welcome-still.js';

/** A first screen ready to go into a page. */
export interface FirstPaint {
  /** The screen's markup, rendered by React (texts escaped), inert. */
  readonly html: string;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** Classes `<html>` needs from the first paint on (the self-hosted fonts of a script). */
  readonly htmlClass: string;
  /** The surface's class, as the app's layer has it (e.g. surface--kiosk). */
  readonly surfaceClass: string;
}

/** What the welcome renderer module exports; checked by the hub when it loads it. */
export interface WelcomeStillModule {
  /** Undefined when the config has no such kiosk (the tablet's first screen is its setup). */
  renderWelcomeStill(
    config: StoreConfig,
    kioskId: string,
    now: number,
  ): Promise<FirstPaint | undefined>;
}

/**
 * Which kiosk's welcome a page request gets: `/kiosk?kiosk=<id>` from a tablet that will join
 * without a word from a manager (the hub's own machine where it trusts it, or a pairing code in
 * the address). Any other tablet shows the pairing screen first, not the welcome.
 */
export function stillKioskOf(
  urlPath: string,
  query: URLSearchParams,
  trustedMachine: boolean,
): string | undefined {
  const kioskId = query.get('kiosk');
  if (urlPath.replace(/\/+$/, '') !== '/kiosk' || !kioskId) return undefined;
  return trustedMachine || query.has(PAIR_PARAM) ? kioskId : undefined;
}

/** The layer's classes, over a surface's own (as the app lays it out). */
export function firstPaintClass(surfaceClass: string): string {
  return `surface ${surfaceClass} first-paint`;
}

const ATTR = /^[a-z0-9 _-]*$/i;

/**
 * The page with the still inside: `<html>` gets the screen's language, direction and classes
 * (before any script sets them: right-to-left and fonts from the first paint), and the layer
 * opens the body, so it paints as soon as the page's styles are in.
 */
export function withFirstPaint(page: string, paint: FirstPaint): string {
  // only values of our own making go into attributes
  for (const value of [paint.lang, paint.dir, paint.htmlClass, paint.surfaceClass]) {
    if (!ATTR.test(value)) throw new Error(`unsafe attribute value in a first paint: ${value}`);
  }
  const html = `<html lang="${paint.lang}" dir="${paint.dir}"${paint.htmlClass ? ` class="${paint.htmlClass}"` : ''}>`;
  const layer =
    `<div id="${FIRST_PAINT_ID}" class="${firstPaintClass(paint.surfaceClass)}" ` +
    `aria-hidden="true" inert>${paint.html}</div>`;
  if (!/<html[^>]*>/.test(page) || !page.includes('<body>')) {
    throw new Error('the page has no <html> or <body> to put a first paint in');
  }
  // (replacers as functions: a `$` in a store's name is text, not a replacement pattern)
  return page.replace(/<html[^>]*>/, () => html).replace('<body>', () => `<body>${layer}`);
}
