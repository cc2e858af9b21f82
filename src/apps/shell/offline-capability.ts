/**
 * Can this device start without the network? Only with a secure context (HTTPS, or localhost)
 * and an active service worker holding the app. Otherwise it works while connected and shows
 * nothing on an offline cold start, so its screens and its presence say so instead.
 * No React here: the device runtime reads it too, and would otherwise pull React into its chunk.
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

/** What the browser and the worker registration (sw-register.ts) found out. */
export function noteOfflineFacts(change: Partial<CapabilityFacts>): void {
  facts = { ...facts, ...change };
  const next = decideOfflineCapability(facts);
  if (next === current) return;
  current = next;
  for (const l of listeners) l();
}

export function getOfflineCapability(): OfflineCapability {
  return current;
}

export function subscribeOfflineCapability(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
