/**
 * Whether this page can keep one writer per store: Web Locks exist only in a secure context.
 * Without them (a tablet on plain HTTP, which already warns its staff that it is degraded)
 * every tab runs the device as before and nothing is held (src/apps/runtime/tab-runtime.ts).
 */
export function locksAvailable(): boolean {
  return (
    typeof (navigator as Partial<Navigator>).locks?.request === 'function' &&
    typeof BroadcastChannel === 'function'
  );
}
