/**
 * How this device's storage is doing: asks the browser to keep it (persist), watches the
 * free space, and notes a write refused for lack of space. Screens show a warning from it.
 */
export interface StorageHealth {
  /** The browser promised not to evict this site's data (undefined: not known yet). */
  readonly persisted: boolean | undefined;
  /** Little space left: warn before writes start failing. */
  readonly low: boolean;
  /** A write was refused for lack of space (cleared when a later write succeeds). */
  readonly full: boolean;
}

/** Low when under 50 MB or 10% of the quota is left. */
export function isStorageLow(usage: number, quota: number): boolean {
  if (!(quota > 0) || !(usage >= 0)) return false;
  const free = quota - usage;
  return free < 50 * 1024 * 1024 || free / quota < 0.1;
}

/** A storage failure message that means "no space" (IndexedDB's QuotaExceededError). */
export function isQuotaError(reason: string): boolean {
  return /QuotaExceeded|quota/i.test(reason);
}

export interface StorageWatch {
  get(): StorageHealth;
  subscribe(listener: () => void): () => void;
  /** A local write failed (reason) or succeeded (undefined). */
  noteWrite(failure: string | undefined): void;
  close(): void;
}

const CHECK_EVERY_MS = 5 * 60_000;

export function watchStorage(storage: StorageManager | undefined): StorageWatch {
  let health: StorageHealth = { persisted: undefined, low: false, full: false };
  const listeners = new Set<() => void>();
  const set = (next: Partial<StorageHealth>): void => {
    const merged = { ...health, ...next };
    if (
      merged.persisted === health.persisted &&
      merged.low === health.low &&
      merged.full === health.full
    )
      return;
    health = merged;
    for (const l of listeners) l();
  };
  const check = (): void => {
    void storage
      ?.estimate?.()
      .then((e) => set({ low: isStorageLow(e.usage ?? 0, e.quota ?? 0) }))
      .catch(() => undefined);
  };
  void storage
    ?.persist?.()
    .then((persisted) => set({ persisted }))
    .catch(() => set({ persisted: false }));
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  return {
    get: () => health,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    noteWrite(failure) {
      if (failure === undefined) {
        if (health.full) set({ full: false });
        return;
      }
      if (isQuotaError(failure)) set({ full: true });
      check();
    },
    close: () => clearInterval(timer),
  };
}
