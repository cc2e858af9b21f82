/**
 * Polls one of the chain service's JSON endpoints every few seconds and says whether the last
 * poll reached it: the page keeps the last figures it had and tells the manager how old they
 * are, instead of going blank when the network drops.
 */
import { useEffect, useState } from 'react';

export const POLL_MS = 3000;

/** Every store's board row (src/chain/service/chain-api.ts). */
export const LIST_URL = '/api/chain/stores';

export type Feed<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'ready';
      readonly data: T;
      /** When the figures on screen arrived (ms). */
      readonly at: number;
      /** Whether the last poll reached the service. */
      readonly live: boolean;
    }
  | { readonly kind: 'offline' };

export function useChainFeed<T>(url: string): Feed<T> {
  const [feed, setFeed] = useState<Feed<T>>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setFeed({ kind: 'loading' });
    const poll = async () => {
      try {
        const res = await fetch(url, { cache: 'no-store' });
        if (!live) return;
        // a store the chain does not know (the list itself missing means no chain service here)
        if (res.status === 404 && url !== LIST_URL) setFeed({ kind: 'missing' });
        else if (!res.ok) throw new Error(String(res.status));
        else {
          const data = (await res.json()) as T;
          if (live) setFeed({ kind: 'ready', data, at: Date.now(), live: true });
        }
      } catch {
        if (!live) return;
        setFeed((f) => (f.kind === 'ready' ? { ...f, live: false } : { kind: 'offline' }));
      }
      if (live) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [url]);
  return feed;
}
