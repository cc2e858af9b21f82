import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadFullEnglish } from '../../ui/i18n/catalogs.ts';
import { initialKioskId } from '../kiosk/kiosk-identity.ts';
import type { SurfaceName } from './routes.ts';

/** One screen of the app and how its device is started. Each is its own lazily loaded chunk. */
export interface Surface {
  readonly role: SurfaceName;
  readonly Screen: LazyExoticComponent<ComponentType>;
  /** Starts fetching the screen's code while the device starts. */
  readonly preload: () => Promise<unknown>;
  /**
   * The screen itself once its code has loaded. React shows a lazy screen only after a
   * Suspense round, and holds back the content that ends one for up to 300 ms after its
   * fallback (FALLBACK_THROTTLE_MS): a screen loaded while the device started skips both.
   */
  readonly loaded: () => ComponentType | undefined;
  /** The identity the device asks for (a kiosk uses its configured kiosk id). */
  readonly initialPreferredId: () => string | undefined;
  /** The kiosk updates itself when idle; the other surfaces offer a reload button. */
  readonly offersUpdatePrompt: boolean;
}

function surface(
  role: SurfaceName,
  load: () => Promise<ComponentType>,
  options: { initialPreferredId?: () => string | undefined; offersUpdatePrompt: boolean },
): Surface {
  let loading: Promise<ComponentType> | undefined;
  let loaded: ComponentType | undefined;
  // one load, so the lazy and the loaded screen are the same component
  const loadOnce = (): Promise<ComponentType> =>
    (loading ??= load().then(
      (screen) => (loaded = screen),
      (error: unknown) => {
        loading = undefined; // a failed chunk is fetched again next time
        throw error;
      },
    ));
  return {
    role,
    Screen: lazy(async () => ({ default: await loadOnce() })),
    preload: () => loadOnce().catch(() => undefined),
    loaded: () => loaded,
    initialPreferredId: options.initialPreferredId ?? (() => undefined),
    offersUpdatePrompt: options.offersUpdatePrompt,
  };
}

/**
 * A staff screen's code with the English messages it shows (only the kiosk's are in the main
 * bundle), under the banner that says when this tablet cannot start offline. The kiosk never
 * loads that banner: its customers must not see it.
 */
async function staffScreen(load: () => Promise<ComponentType>): Promise<ComponentType> {
  const [screen, { withOfflineBanner }] = await Promise.all([
    load(),
    import('./OfflineBanner.tsx'),
    loadFullEnglish(),
  ]);
  return withOfflineBanner(screen);
}

export const surfaces: Readonly<Record<SurfaceName, Surface>> = {
  kiosk: surface('kiosk', async () => (await import('../kiosk/KioskSurface.tsx')).KioskSurface, {
    initialPreferredId: initialKioskId,
    offersUpdatePrompt: false,
  }),
  clerk: surface(
    'clerk',
    () => staffScreen(async () => (await import('../clerk/ClerkSurface.tsx')).ClerkSurface),
    { offersUpdatePrompt: true },
  ),
  board: surface(
    'board',
    () => staffScreen(async () => (await import('../board/BoardSurface.tsx')).BoardSurface),
    { offersUpdatePrompt: true },
  ),
  manager: surface(
    'manager',
    () => staffScreen(async () => (await import('../manager/ManagerSurface.tsx')).ManagerSurface),
    { offersUpdatePrompt: true },
  ),
  floor: surface(
    'floor',
    () => staffScreen(async () => (await import('../floor/FloorSurface.tsx')).FloorSurface),
    { offersUpdatePrompt: true },
  ),
};
