import { describe, expect, it } from 'vitest';
import { linkStatus, readChainLinkView } from './link-status.ts';

const view = { enabled: true, connected: true, waiting: 0, lastAckAt: 5, lastEventAt: 4, at: 6 };

describe('the store link on the manager board', () => {
  it('reads the hub answer and refuses anything else', () => {
    expect(readChainLinkView(view)).toEqual(view);
    expect(readChainLinkView({ enabled: false })).toEqual({ enabled: false });
    expect(readChainLinkView({ ...view, waiting: -1 })).toBeUndefined();
    expect(readChainLinkView({ ...view, lastAckAt: 'x' })).toBeUndefined();
    expect(readChainLinkView('nope')).toBeUndefined();
  });

  it('says linked, catching up, or cut off, with what waits', () => {
    expect(linkStatus({ enabled: false })).toEqual({ kind: 'off' });
    expect(linkStatus(view)).toEqual({ kind: 'connected', waiting: 0, lastAckAt: 5 });
    expect(linkStatus({ ...view, waiting: 3 }).kind).toBe('catchingUp');
    expect(linkStatus({ ...view, connected: false, waiting: 3 })).toEqual({
      kind: 'disconnected',
      waiting: 3,
      lastAckAt: 5,
    });
  });
});
