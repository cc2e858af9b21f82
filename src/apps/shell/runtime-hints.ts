/**
 * The id of index.html's <template> holding the device runtime's chunk hints (written by
 * vite.config.ts). A template's links are inert: nothing is fetched until they are released.
 */
export const RUNTIME_HINTS = 'runtime-hints';

/** Moves the hints into the head, where the browser starts fetching what they name. */
export function releaseRuntimeHints(): void {
  const hints = document.getElementById(RUNTIME_HINTS);
  if (hints instanceof HTMLTemplateElement) document.head.append(hints.content);
}
