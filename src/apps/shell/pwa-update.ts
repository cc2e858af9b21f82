import { useSyncExternalStore } from 'react';
import { afterFirstScreen } from './first-screen.ts';
import { noteOfflineFacts } from './offline-capability.ts';

/**
 * The service worker waits with a new version until the device says so: never in the middle
 * of a customer's visit. Surfaces read `useUpdateAvailable()` and call `applyUpdate()` at a
 * moment of their choosing (the kiosk when idle on its welcome screen, others on a tap).
 */
let available = false;
let update: ((reloadPage?: boolean) => Promise<void>) | undefined;
const listeners = new Set<() => void>();

export function startServiceWorker(): void {
  // browsers hide the worker API outside a secure context (plain HTTP by host name)
  const workerApi = 'serviceWorker' in navigator;
  noteOfflineFacts({ secureContext: window.isSecureContext, workerApi });
  if (!workerApi) return;
  // registering loads workbox-window: after the first screen, which does not need it
  void afterFirstScreen()
    .then(() => import('./sw-register.ts'))
    .then(({ registerWorker }) => {
      update = registerWorker(() => {
        available = true;
        for (const l of listeners) l();
      });
    })
    .catch((error: unknown) => {
      noteOfflineFacts({ failed: true });
      console.warn('Service worker not registered.', error);
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
