import { useEffect, useState } from 'react';
import type { ChainLinkView } from '../../../domain/chain/link-report.ts';
import { readChainLinkView } from '../../../domain/chain/link-status.ts';
import { callHub } from '../hub-api.ts';

/** How often the board asks the hub about its link to the chain (the link reports as often). */
const EVERY_MS = 10_000;

/**
 * The store link as the hub sees it (GET /api/chain-link), or undefined until it answers or on
 * a device without manager credentials.
 */
export function useChainLink(
  auth: string | undefined,
  everyMs = EVERY_MS,
): ChainLinkView | undefined {
  const [view, setView] = useState<ChainLinkView | undefined>(undefined);
  useEffect(() => {
    if (!auth) return;
    let live = true;
    const check = (): void => {
      callHub<unknown>(auth, 'GET', '/api/chain-link')
        .then((body) => {
          if (live) setView(readChainLinkView(body));
        })
        .catch(() => undefined); // the hub away: the offline banner already says so
    };
    check();
    const id = setInterval(check, everyMs);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [auth, everyMs]);
  return view;
}
