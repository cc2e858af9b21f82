/**
 * The chain view's addresses: `/chain` lists the stores, `/chain/<store>` shows one. Moving
 * between them uses the history API, so the browser's back button returns to the list.
 */
export const CHAIN_PATH = '/chain';

/** The store a path shows, or undefined for the list. */
export function storeFromPath(pathname: string): string | undefined {
  const m = /^\/chain\/([^/]+)\/*$/.exec(pathname);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

export function storePath(store: string): string {
  return `${CHAIN_PATH}/${encodeURIComponent(store)}`;
}
