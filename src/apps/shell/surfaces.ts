import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { initialKioskId } from '../kiosk/kiosk-identity.ts';
import type { SurfaceName } from './routes.ts';

/** One screen of the app and how its device is started. Each is its own lazily loaded chunk. */
export interface Surface {
  readonly role: SurfaceName;
  readonly Screen: LazyExoticComponent<ComponentType>;
  /** Starts fetching the screen's code while the device starts. */
  readonly preload: () => Promise<unknown>;
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
  return {
    role,
    Screen: lazy(async () => ({ default: await load() })),
    preload: () => load().catch(() => undefined),
    initialPreferredId: options.initialPreferredId ?? (() => undefined),
    offersUpdatePrompt: options.offersUpdatePrompt,
  };
}

export const surfaces: Readonly<Record<SurfaceName, Surface>> = {
  kiosk: surface('kiosk', async () => (await import('../kiosk/KioskSurface.tsx')).KioskSurface, {
    initialPreferredId: initialKioskId,
    offersUpdatePrompt: false,
  }),
  clerk: surface('clerk', async () => (await import('../clerk/ClerkSurface.tsx')).ClerkSurface, {
    offersUpdatePrompt: true,
  }),
  board: surface('board', async () => (await import('../board/BoardSurface.tsx')).BoardSurface, {
    offersUpdatePrompt: true,
  }),
  manager: surface(
    'manager',
    async () => (await import('../manager/ManagerSurface.tsx')).ManagerSurface,
    { offersUpdatePrompt: true },
  ),
  floor: surface('floor', async () => (await import('../floor/FloorSurface.tsx')).FloorSurface, {
    offersUpdatePrompt: true,
  }),
};
