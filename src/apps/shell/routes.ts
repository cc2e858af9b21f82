import { phonePageOf, type PhonePage } from '../../domain/kiosk/phone-pages.ts';

/** Which screen a path shows. Surfaces are the device roles; everything else is the landing. */
export type SurfaceName = 'kiosk' | 'clerk' | 'board' | 'manager' | 'floor';
/**
 * The customer's phone pages (`PhonePage`: track, join, book) and `chain`, the area manager's
 * view of a chain's stores (served by the chain service): none is a store device.
 */
export type Route = SurfaceName | PhonePage | 'landing' | 'chain' | 'notFound';

const SURFACES: readonly SurfaceName[] = ['kiosk', 'clerk', 'board', 'manager', 'floor'];

/** A store device's screen, which starts the device runtime. */
export function isSurface(route: Route): route is SurfaceName {
  return (SURFACES as readonly string[]).includes(route);
}

export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return 'landing';
  const phone = phonePageOf(path);
  if (phone) return phone;
  if (path === '/chain' || /^\/chain\/[^/]+$/.test(path)) return 'chain';
  const name = path.slice(1) as Route;
  return isSurface(name) ? name : 'notFound';
}

export const SURFACE_PATHS: Readonly<Record<SurfaceName, string>> = {
  kiosk: '/kiosk',
  clerk: '/clerk',
  board: '/board',
  manager: '/manager',
  floor: '/floor',
};
