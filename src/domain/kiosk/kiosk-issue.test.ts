import { describe, expect, it } from 'vitest';
import { emptyState } from '../queue/state.ts';
import { testStore } from '../testing/store.ts';
import { promiseOf } from '../wait/promise.ts';
import { kioskIssue } from './kiosk-issue.ts';

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
  });
});
