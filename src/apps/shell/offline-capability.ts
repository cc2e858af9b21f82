import { useSyncExternalStore } from 'react';

/**
 * Can this device start without the network? Only with a secure context (HTTPS, or localhost)
 * and an active service worker holding the app. Otherwise it works while connected and shows
 * nothing on an offline cold start, so its screens and its presence say so instead.
 */
export type OfflineCapability = 'checking' | 'ready' | 'insecure' | 'no-worker';

export interface CapabilityFacts {
  readonly secureContext: boolean;
  /** `navigator.serviceWorker` exists (browsers hide it outside secure contexts). */
  readonly workerApi: boolean;
  /** A worker is active for this page: the app is in its cache. */
  readonly active: boolean;
  /** Registration or installation failed. */
  readonly failed: boolean;
}

export function decideOfflineCapability(f: CapabilityFacts): OfflineCapability {
  if (!f.secureContext || !f.workerApi) return 'insecure';
  // a worker installed earlier still starts the app when a later registration fails
  if (f.active) return 'ready';
  return f.failed ? 'no-worker' : 'checking';
}

/** Decided: this device will not start without the network. */
export function cannotStartOffline(c: OfflineCapability): c is 'insecure' | 'no-worker' {
  return c === 'insecure' || c === 'no-worker';
}

/** What presence says: unknown (left out) while checking. */
export function offlineCapable(c: OfflineCapability): boolean | undefined {
  return c === 'checking' ? undefined : c === 'ready';
}

let facts: CapabilityFacts = { secureContext: true, workerApi: true, active: false, failed: false };
let current: OfflineCapability = 'checking';
const listeners = new Set<() => void>();

function note(change: Partial<CapabilityFacts>): void {
  facts = { ...facts, ...change };
  const next = decideOfflineCapability(facts);
  if (next === current) return;
  current = next;
  for (const l of listeners) l();
}

/** Called once at start: what the browser offers, and a watch for the active worker. */
export function watchOfflineCapability(): void {
  const workerApi = 'serviceWorker' in navigator;
  note({ secureContext: window.isSecureContext, workerApi });
  if (workerApi) void navigator.serviceWorker.ready.then(() => note({ active: true }));
}

/** The registration failed, or its worker was thrown away while installing. */
export function noteWorkerFailed(): void {
  note({ failed: true });
}

export function watchInstall(registration: ServiceWorkerRegistration): void {
  const installing = registration.installing;
  installing?.addEventListener('statechange', () => {
    if (installing.state === 'redundant' && !registration.active) noteWorkerFailed();
  });
}

export function getOfflineCapability(): OfflineCapability {
  return current;
}

export function subscribeOfflineCapability(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOfflineCapability(): OfflineCapability {
  return useSyncExternalStore(subscribeOfflineCapability, getOfflineCapability, () => 'checking');
}
