import { useSyncExternalStore } from 'react';
import { afterFirstScreen } from './first-screen.ts';
import { noteWorkerFailed, watchInstall, watchOfflineCapability } from './offline-capability.ts';

/**
 * The service worker waits with a new version until the device says so: never in the middle
 * of a customer's visit. Surfaces read `useUpdateAvailable()` and call `applyUpdate()` at a
 * moment of their choosing (the kiosk when idle on its welcome screen, others on a tap).
 */
const CHECK_EVERY_MS = 60 * 60 * 1000;

let available = false;
let update: ((reloadPage?: boolean) => Promise<void>) | undefined;
const listeners = new Set<() => void>();

export function startServiceWorker(): void {
  watchOfflineCapability();
  if (!('serviceWorker' in navigator)) return;
  // registering loads workbox-window: after the first screen, which does not need it
  void afterFirstScreen()
    .then(register)
    .catch((error: unknown) => {
      noteWorkerFailed();
      console.warn('Service worker not registered.', error);
    });
}

async function register(): Promise<void> {
  const { registerSW } = await import('virtual:pwa-register');
  update = registerSW({
    onNeedRefresh() {
      available = true;
      for (const l of listeners) l();
    },
    onRegisteredSW(_url, registration) {
      // Screens stay open for days: look for a new version now and then.
      if (registration) {
        watchInstall(registration);
        setInterval(() => {
          registration.update().catch(() => undefined);
        }, CHECK_EVERY_MS);
      }
    },
    onRegisterError(error: unknown) {
      noteWorkerFailed();
      console.warn('Service worker not registered; the app will not work offline.', error);
    },
  });
}

/** Activates the waiting version; the page reloads once it has taken over. */
export function applyUpdate(): void {
  update?.(true).catch((error: unknown) => console.warn('Update failed', error));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUpdateAvailable(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => available,
    () => false,
  );
}
