/**
 * Follows a cluster feed (a consumer or a key-value watch) for as long as the service runs: when
 * the feed ends or fails (its node died, the stream's leader moved), it is opened again after a
 * pause, so a dashboard never freezes on a feed a node took down with it.
 */

export interface Feed<T> extends AsyncIterable<T> {
  /** Ends the feed (the consumer's close, the watch's stop). */
  end(): void | Promise<void>;
}

export interface Follower {
  stop(): Promise<void>;
}

/** Reopens after this pause: about a heartbeat, well inside a re-election (~15 s). */
export const REOPEN_MS = 1_000;

export function followForever<T>(
  name: string,
  open: () => Promise<Feed<T>>,
  onItem: (item: T) => void,
  log: { warn(area: string, line: string): void; info(area: string, line: string): void },
): Follower {
  let stopped = false;
  // one line when a feed goes down and one when it is back, not one per attempt
  let down = false;
  const lost = (why: string) => {
    if (stopped || down) return;
    down = true;
    log.warn('chain', `${name} ${why}: opening it again every ${REOPEN_MS / 1000} s`);
  };
  let current: Feed<T> | undefined;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        current = await open();
        if (down) log.info('chain', `${name} is back`);
        down = false;
        for await (const item of current) onItem(item);
        lost('ended');
      } catch (err) {
        lost(`failed (${(err as Error).message})`);
      }
      if (stopped) break;
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, REOPEN_MS);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await current?.end();
      await loop;
    },
  };
}
