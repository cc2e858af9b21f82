/**
 * The id of index.html's <template> holding the device runtime's chunk hints (written by
 * vite.config.ts). A template's links are inert: nothing is fetched until they are released.
 */
export const RUNTIME_HINTS = 'runtime-hints';

/** The template of the kiosk's screen's chunks, released on the kiosk's page only. */
export const KIOSK_HINTS = 'runtime-hints-kiosk';

/** Moves the hints into the head, where the browser starts fetching what they name. */
export function releaseRuntimeHints(opts: { kiosk: boolean }): void {
  const ids = [RUNTIME_HINTS, ...(opts.kiosk ? [KIOSK_HINTS] : [])];
  for (const id of ids) {
    const hints = document.getElementById(id);
    if (hints instanceof HTMLTemplateElement) document.head.append(hints.content);
  }
}
