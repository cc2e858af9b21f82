/**
 * A small typed setting kept in localStorage. Reading never throws: a missing, corrupt or
 * blocked store (private mode, quota) reads as "not set", and a failed write is ignored,
 * because a device must keep working even when it cannot remember its choices.
 */
export interface LocalSetting<T> {
  read(): T | undefined;
  write(value: T): void;
  clear(): void;
}

export function localSetting<T>(
  key: string,
  isValid: (value: unknown) => value is T,
  storage: () => Storage | undefined = () => globalThis.localStorage,
): LocalSetting<T> {
  return {
    read() {
      try {
        const raw = storage()?.getItem(key);
        if (raw == null) return undefined;
        const value: unknown = JSON.parse(raw);
        return isValid(value) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    write(value) {
      try {
        storage()?.setItem(key, JSON.stringify(value));
      } catch {
        // Not remembered; the device still works for this visit.
      }
    },
    clear() {
      try {
        storage()?.removeItem(key);
      } catch {
        // Nothing to clear.
      }
    },
  };
}

export const isString = (v: unknown): v is string => typeof v === 'string';
