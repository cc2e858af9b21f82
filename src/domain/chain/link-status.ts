/**
 * What the manager board says about the store link, decided here and not in the component:
 * the hub's answer read defensively, then one of three states (no chain, linked and caught up
 * or catching up, cut off) with the events still waiting and the last acknowledgement.
 */
import type { ChainLinkView } from './link-report.ts';

export type LinkStatus =
  | { readonly kind: 'off' }
  | {
      readonly kind: 'connected' | 'catchingUp' | 'disconnected';
      readonly waiting: number;
      readonly lastAckAt: number | null;
    };

const count = (x: unknown): x is number =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const timeOrNull = (x: unknown): x is number | null => x === null || count(x);

/** GET /api/chain-link's body, or undefined when it is not one. */
export function readChainLinkView(body: unknown): ChainLinkView | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const o = body as Record<string, unknown>;
  if (o.enabled === false) return { enabled: false };
  if (o.enabled !== true || typeof o.connected !== 'boolean' || !count(o.waiting)) return undefined;
  if (!timeOrNull(o.lastAckAt) || !timeOrNull(o.lastEventAt) || !count(o.at)) return undefined;
  return {
    enabled: true,
    connected: o.connected,
    waiting: o.waiting,
    lastAckAt: o.lastAckAt,
    lastEventAt: o.lastEventAt,
    at: o.at,
  };
}

export function linkStatus(view: ChainLinkView): LinkStatus {
  if (!view.enabled) return { kind: 'off' };
  const { waiting, lastAckAt } = view;
  if (!view.connected) return { kind: 'disconnected', waiting, lastAckAt };
  return { kind: waiting > 0 ? 'catchingUp' : 'connected', waiting, lastAckAt };
}
