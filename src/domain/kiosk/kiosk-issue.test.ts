import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../clock/hlc.ts';
import type { StoreConfig } from '../config/types.ts';
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

  describe('stops at closing and at the daily cap', () => {
    const service = cfg.services[0]!;
    // Monday 2026-12-07 in the test store's zone (UTC); closing 20:00, typical avgServiceSec
    const hours = { weekly: { mon: { open: '09:00', close: '20:00' } } };
    const hoursCfg = { ...cfg, store: { ...cfg.store, hours } };
    const closeAt = Date.parse('2026-12-07T20:00:00Z');
    const lastAt = closeAt - service.avgServiceSec * 1000;
    const issue = (at: number, sec: number, c: StoreConfig = hoursCfg) =>
      kioskIssue(emptyState(), at, {
        ...req,
        cfg: c,
        promised: { sec, low: sec, high: sec },
      }).result;

    it('issues while the wait reaches the counter before the last moment, not after', () => {
      expect(issue(lastAt - 600_000, 600).ok).toBe(true);
      expect(issue(lastAt - 600_000, 601)).toEqual({ ok: false, error: 'lineFull' });
      expect(issue(closeAt + 1, 0)).toEqual({ ok: false, error: 'closed' });
    });

    it('refuses the ticket past the cap, and issues as before without hours', () => {
      const capped = {
        ...cfg,
        services: cfg.services.map((s, i) => (i === 0 ? { ...s, dailyCap: 1 } : s)),
      };
      const first = kioskIssue(emptyState(), closeAt, { ...req, cfg: capped });
      expect(first.result.ok).toBe(true);
      if (!first.result.ok) return;
      const state = emptyState();
      const t = first.result.event;
      if (t.type !== 'ticket.issued') throw new Error('expected a ticket');
      state.tickets.set(t.ticket, {
        id: t.ticket,
        number: t.number,
        n: t.n,
        service: t.service,
        status: 'waiting',
        issuedAt: closeAt,
        queuedHlc: meta.hlc,
        issuedBy: req.device,
        recalls: 0,
      });
      const second = kioskIssue(state, closeAt, { ...req, cfg: capped, ticketId: 't2' });
      expect(second.result).toEqual({ ok: false, error: 'capReached' });
      // no hours configured: open all day, as before
      expect(issue(closeAt + 1, 0, cfg).ok).toBe(true);
    });
  });
});
