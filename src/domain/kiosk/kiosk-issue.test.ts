import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../clock/hlc.ts';
import { emptyState } from '../queue/state.ts';
import { testStore } from '../testing/store.ts';
import { promiseOf } from '../wait/promise.ts';
import { validateEvent } from '../sync/validate.ts';
import { kioskIssue } from './kiosk-issue.ts';

const meta = {
  id: 'kiosk-1:1',
  store: 'test-store',
  device: 'kiosk-1',
  seq: 1,
  hlc: encodeHlc({ wall: 1_000, counter: 0 }),
};

describe("a kiosk's ticket", () => {
  const cfg = testStore;
  const req = {
    cfg,
    kiosk: cfg.kiosks[0]!,
    device: cfg.kiosks[0]!.id,
    serviceId: cfg.services[0]!.id,
    ticketId: 't1',
    priority: false,
  };

  it('carries the wait its button showed, as the store promise the audit checks', () => {
    const promised = { sec: 300, low: 120, high: 540 };
    const { result } = kioskIssue(emptyState(), 1_000, { ...req, promised });
    expect(result).toMatchObject({ ok: true, event: { type: 'ticket.issued', promised } });
  });

  it('carries no promise when no number was shown', () => {
    const line = { ahead: 0, sameServiceAhead: 0, openCounters: 0, longestWaitSec: 0 } as const;
    const promised = promiseOf({ ...line, noCounter: true, opensAt: undefined });
    expect(promised).toBeUndefined();
    const { result } = kioskIssue(emptyState(), 1_000, { ...req, promised });
    expect(result.ok && 'promised' in result.event).toBe(false);
  });

  it('rounds a shown wait to whole seconds that stay in order', () => {
    const line = { ahead: 2, sameServiceAhead: 2, openCounters: 1, longestWaitSec: 60 };
    const wait = { ...line, noCounter: false as const, estimateSec: 299.6, lowSec: 120.4 };
    expect(promiseOf({ ...wait, highSec: 540.2 })).toEqual({ sec: 300, low: 120, high: 541 });
    // a range that does not hold its own estimate still gives an ordered promise
    expect(promiseOf({ ...wait, highSec: 200 })).toEqual({ sec: 300, low: 120, high: 300 });
    // a range past a day (every receiver would refuse the ticket) is left out, not cut down
    const long = promiseOf({ ...wait, estimateSec: 80_000, highSec: 90_000 });
    expect(long).toBeUndefined();
    const { result } = kioskIssue(emptyState(), 1_000, { ...req, promised: long });
    expect(result.ok && validateEvent({ ...meta, ...result.event }).ok).toBe(true);
  });
});
