/**
 * One writer per browser and store: the first tab holds a Web Lock for the store while its
 * runtime runs; a second tab of the same browser is refused with a clear message instead of
 * fighting over the device id, IndexedDB and the MQTT client id. (Leader election, with the
 * other tabs following, is the sync core's next step.) Without Web Locks (a page that is not a
 * secure context) nothing is held: such a tablet already warns its staff that it is degraded.
 */
export class AnotherTabError extends Error {
  constructor() {
    super('This store is already open in another tab or window of this browser.');
    this.name = 'AnotherTabError';
  }
}

/**
 * A screen of this same tab that is closing (switching surface) lets go within moments; a
 * second tab does not let go at all.
 */
const WAIT_FOR_LOCK_MS = 3000;

export function holdStoreLock(store: string): Promise<() => void> {
  const locks = (navigator as Partial<Navigator>).locks;
  if (!locks) return Promise.resolve(() => undefined);
  return new Promise((resolve, reject) => {
    locks
      .request(
        `nextup-device-${store}`,
        { signal: AbortSignal.timeout(WAIT_FOR_LOCK_MS) },
        // held until the runtime closes (or the tab goes away)
        () => new Promise<void>((release) => resolve(release)),
      )
      .catch((error: unknown) =>
        reject(
          error instanceof DOMException && error.name === 'TimeoutError'
            ? new AnotherTabError()
            : error instanceof Error
              ? error
              : new Error(String(error)),
        ),
      );
  });
}
