import { useSyncExternalStore } from 'react';
import type { PresenceEntry, PresenceFeed } from '../runtime/presence.ts';

const NONE: readonly PresenceEntry[] = [];
const noFeed = (): (() => void) => () => undefined;

/** The devices' presence as the broker tells it, re-rendering on every change. */
export function usePresence(feed: PresenceFeed | undefined): readonly PresenceEntry[] {
  return useSyncExternalStore(feed ? (l) => feed.subscribe(l) : noFeed, () => feed?.list() ?? NONE);
}
