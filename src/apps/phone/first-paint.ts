import { isTicketView, phonePageOf, trackedTicket } from '../../domain/kiosk/phone-pages.ts';
import type { TicketView } from '../../domain/kiosk/tracking.ts';
import { completeEnglish, loadLanguage } from '../../ui/i18n/catalogs.ts';
import { enRestModules } from '../../ui/i18n/en-rest.ts';
import { afterFrame } from '../../ui/after-frame.ts';
import { scriptFontsFor } from '../../ui/script-fonts.ts';
import { createI18n } from '../../ui/i18n/i18n.ts';
import { trackLanguage } from '../track/track-language.ts';
import { waitingLines } from '../track/waiting-lines.ts';
import { embeddedView } from './embedded-view.ts';
// the card's styles come with the page, not with the app
import '../../ui/base.css';
import '../track/track.css';

/**
 * The phone pages' entry (phone.html): first the tracking page's first paint, then the app.
 * On a cheap phone, downloading and compiling React DOM takes most of the first second, so
 * this script, which holds no React, paints the waiting ticket's card from the view the hub
 * put into the page, and only then loads the app (main.tsx). React's first render replaces
 * the card with its own, which says the same (waiting-lines.ts). Anything else (another
 * status, no view, /join, /book) is left to React.
 */
/** Draws the card if it can; true when it did. */
async function paintFirst(): Promise<boolean> {
  const view = embeddedView();
  const ticket = trackedTicket(location.pathname);
  if (phonePageOf(location.pathname) !== 'track' || !isTicketView(view)) return false;
  if (view.ticket !== ticket || view.status !== 'waiting') return false;
  const language = trackLanguage(
    location.search,
    navigator.languages ?? [],
    view.store.defaultLanguage,
  );
  completeEnglish(enRestModules);
  await loadLanguage(language);
  const root = document.getElementById('root');
  if (!root || root.firstChild) return false;
  const main = card(view, language);
  // the page's language, for screen readers and fonts, as React's I18nProvider sets it later
  document.documentElement.lang = main.lang;
  document.documentElement.dir = main.dir;
  scriptFontsFor(main.lang);
  root.append(main);
  return true;
}

function card(view: TicketView, language: string): HTMLElement {
  const i18n = createI18n({
    language,
    contentFallback: view.store.defaultLanguage,
    timeZone: view.store.timeZone,
  });
  const lines = waitingLines(view, i18n);
  const main = el('main', 'track', { lang: i18n.language, dir: i18n.dir });
  const section = el('section', 'track__card');
  const status = el('div', 'track__status track__status--waiting', {
    'data-testid': 'track-status',
    'data-status': 'waiting',
    'data-ahead': String(view.ahead ?? 0),
    'data-next': String(view.next),
  });
  if (lines.ahead)
    status.append(el('p', 'track__ahead', { 'data-testid': 'track-ahead' }, lines.ahead.text));
  if (lines.next) status.append(el('p', 'track__next', {}, lines.next));
  if (lines.wait) {
    const attrs: Record<string, string> = { 'data-testid': 'track-wait' };
    if (lines.wait.noCounter) attrs['data-no-counter'] = 'true';
    status.append(el('p', 'track__wait', attrs, lines.wait.text));
  }
  if (lines.note) status.append(el('p', 'track__note', {}, lines.note));
  section.append(
    el('h1', 'track__label', {}, i18n.t('track.number')),
    el('p', 'track__number', { 'data-testid': 'track-number' }, view.number),
    el('p', 'track__service', {}, i18n.text(view.service.name)),
    status,
  );
  main.append(el('p', 'track__store', {}, i18n.text(view.store.name)), section);
  main.dataset.firstPaint = 'true';
  return main;
}

function el(
  tag: string,
  className: string,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

paintFirst()
  .catch((error: unknown) => {
    console.warn('[nextup] no first paint', error);
    return false;
  })
  // the card reaches the screen before React DOM's download and compile hold the thread
  .then((painted) => (painted ? new Promise<void>((resolve) => afterFrame(resolve)) : undefined))
  .then(() => import('./main.tsx'))
  .catch((error: unknown) => {
    console.error('[nextup] the page could not start', error);
  });
