/** Which screen a path shows. Surfaces are the device roles; everything else is the landing. */
export type SurfaceName = 'kiosk' | 'clerk' | 'board';
export type Route = SurfaceName | 'landing' | 'notFound';

const SURFACES: readonly SurfaceName[] = ['kiosk', 'clerk', 'board'];

export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return 'landing';
  const name = path.slice(1);
  return (SURFACES as readonly string[]).includes(name) ? (name as SurfaceName) : 'notFound';
}

export const SURFACE_PATHS: Readonly<Record<SurfaceName, string>> = {
  kiosk: '/kiosk',
  clerk: '/clerk',
  board: '/board',
};
