import { registerSW } from 'virtual:pwa-register';
import { noteOfflineFacts } from './offline-capability.ts';

/** Screens stay open for days: look for a new version now and then. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and tells the offline capability what became of it. Loaded
 * after the first screen (with workbox-window), which needs none of it. Returns the function
 * that activates a waiting version.
 */
export function registerWorker(onNeedRefresh: () => void): (reloadPage?: boolean) => Promise<void> {
  void navigator.serviceWorker.ready.then(() => noteOfflineFacts({ active: true }));
  return registerSW({
    onNeedRefresh,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      watchInstall(registration);
      setInterval(() => {
        registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    },
    onRegisterError(error: unknown) {
      noteOfflineFacts({ failed: true });
      console.warn('Service worker not registered; the app will not work offline.', error);
    },
  });
}

/** An install that fails (a precached file not fetched, storage refused) discards the worker. */
function watchInstall(registration: ServiceWorkerRegistration): void {
  const installing = registration.installing;
  installing?.addEventListener('statechange', () => {
    if (installing.state === 'redundant' && !registration.active)
      noteOfflineFacts({ failed: true });
  });
}
