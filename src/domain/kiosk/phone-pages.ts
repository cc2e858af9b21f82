/**
 * The pages a customer opens on their own phone: following a ticket (/t/<ticket>), joining
 * the line (/join), booking a time (/book) and a booking's own page (/book/<id>). One rule for
 * the app's router and for the hub, which serves these pages their own light entry (no device
 * runtime) and the tracked ticket's view inside the page.
 */
import type { TicketView } from './tracking.ts';

export type PhonePage = 'track' | 'join' | 'book';

/** Where the phone pages' entry is, in the sources and in the built app. */
export const PHONE_HTML = 'src/apps/phone/phone.html';

/** Which phone page a path shows, or undefined for any other path. */
export function phonePageOf(pathname: string): PhonePage | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (/^\/t\/[^/]+$/.test(path)) return 'track';
  if (path === '/join') return 'join';
  if (path === '/book' || /^\/book\/[^/]+$/.test(path)) return 'book';
  return undefined;
}

/** The ticket id in a tracking address `/t/<ticket>` (not yet checked). */
export function trackedTicket(pathname: string): string {
  const m = /^\/t\/([^/]+)\/*$/.exec(pathname);
  if (!m?.[1]) return '';
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return '';
  }
}

/**
 * The id of the `<script type="application/json">` where the hub puts a tracked ticket's view
 * into its page, so the phone shows its place without waiting for a first request.
 */
export const TICKET_VIEW_ELEMENT_ID = 'nextup-ticket-view';

/** The view as JSON that is safe inside a script element (no `</script>` or `<!--`). */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** Whether a value from the hub (its page or an answer) looks like a ticket's view. */
export function isTicketView(x: unknown): x is TicketView {
  return typeof x === 'object' && x !== null && typeof (x as TicketView).number === 'string';
}
