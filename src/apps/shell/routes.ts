/** Which screen a path shows. Surfaces are the device roles; everything else is the landing. */
export type SurfaceName = 'kiosk' | 'clerk' | 'board' | 'manager' | 'floor';
/**
 * `track` is the customer's own phone following a ticket, `chain` the area manager's view of a
 * chain's stores (served by the chain service), `join` a customer's phone joining the line,
 * `book` booking a time (/book) and a booking's own page (/book/<id>): none is a store device.
 */
export type Route = SurfaceName | 'landing' | 'track' | 'join' | 'book' | 'chain' | 'notFound';

const SURFACES: readonly SurfaceName[] = ['kiosk', 'clerk', 'board', 'manager', 'floor'];

export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return 'landing';
  if (/^\/t\/[^/]+$/.test(path)) return 'track';
  if (path === '/join') return 'join';
  if (path === '/book' || /^\/book\/[^/]+$/.test(path)) return 'book';
  if (path === '/chain' || /^\/chain\/[^/]+$/.test(path)) return 'chain';
  const name = path.slice(1);
  return (SURFACES as readonly string[]).includes(name) ? (name as SurfaceName) : 'notFound';
}

export const SURFACE_PATHS: Readonly<Record<SurfaceName, string>> = {
  kiosk: '/kiosk',
  clerk: '/clerk',
  board: '/board',
  manager: '/manager',
  floor: '/floor',
};

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
