// The store link's decisions, one behaviour at a time: window, rate, persisting, notes.
import { describe, expect, it } from 'vitest';
import { fromPersisted, markAcked, parseCursor, toPersisted, type Cursor } from './link-cursor.ts';
import { DEFAULT_LINK_OPTIONS, type LinkEffect, type LinkItem } from './link-messages.ts';
import { LinkMachine } from './link-state.ts';

const items = (n: number, device = 'kiosk-1'): LinkItem[] =>
  Array.from({ length: n }, (_, i) => ({ device, seq: i + 1, at: 1000 + i }));
const published = (fx: readonly LinkEffect[]) =>
  fx.flatMap((e) => (e.kind === 'publish' ? [e.item.seq] : []));
const notes = (fx: readonly LinkEffect[]) => fx.flatMap((e) => (e.kind === 'note' ? [e] : []));

describe('the link cursor', () => {
  it('moves over contiguous acks and remembers those above a gap, through a JSON round-trip', () => {
    const c: Cursor = new Map();
    for (const s of [1, 2, 5, 4]) expect(markAcked(c, 'k', s)).toBe(true);
    expect(markAcked(c, 'k', 2)).toBe(false);
    const back = fromPersisted(parseCursor(JSON.stringify(toPersisted(c))));
    expect(toPersisted(back)).toEqual({ devices: { k: { upTo: 2, above: [4, 5] } } });
    markAcked(back, 'k', 3);
    expect(toPersisted(back)).toEqual({ devices: { k: { upTo: 5 } } });
  });

  it('says what is wrong with a damaged cursor file', () => {
    expect(() => parseCursor('{')).toThrow(/not JSON/);
    expect(() => parseCursor('{"devices":{"k":{"upTo":-1}}}')).toThrow(/device k: "upTo"/);
    expect(() => parseCursor('{"devices":{"k":{"upTo":1,"above":["x"]}}}')).toThrow(/"above"/);
  });
});

describe('the link machine', () => {
  it('keeps at most `window` publishes unacknowledged, and sends the next on an ack', () => {
    const m = new LinkMachine(new Map(), 0, { ...DEFAULT_LINK_OPTIONS, window: 3 });
    m.handle({ kind: 'committed', items: items(10) }, 0);
    expect(published(m.handle({ kind: 'connected' }, 0))).toEqual([1, 2, 3]);
    expect(published(m.handle({ kind: 'ack', device: 'kiosk-1', seq: 2 }, 1))).toEqual([4]);
    expect(m.waiting).toBe(9);
  });

  it('catches up at the bounded rate: a burst, then ratePerSec', () => {
    const opts = { ...DEFAULT_LINK_OPTIONS, window: 10_000, ratePerSec: 100, burst: 20 };
    const m = new LinkMachine(new Map(), 0, opts);
    m.handle({ kind: 'committed', items: items(5000) }, 0);
    let sent = published(m.handle({ kind: 'connected' }, 0)).length;
    expect(sent).toBe(20);
    for (let t = 100; t <= 2000; t += 100) sent += published(m.handle({ kind: 'tick' }, t)).length;
    expect(sent).toBe(20 + 200);
  });

  it('writes the cursor once, persistDelayMs after the first ack it lacks', () => {
    const m = new LinkMachine(new Map(), 0);
    m.handle({ kind: 'committed', items: items(2) }, 0);
    m.handle({ kind: 'connected' }, 0);
    const persists = (fx: LinkEffect[]) => fx.filter((e) => e.kind === 'persist');
    expect(persists(m.handle({ kind: 'ack', device: 'kiosk-1', seq: 1 }, 10))).toEqual([]);
    expect(persists(m.handle({ kind: 'ack', device: 'kiosk-1', seq: 2 }, 20))).toEqual([]);
    const wake = m.handle({ kind: 'tick' }, 30).find((e) => e.kind === 'wake');
    expect(wake).toEqual({ kind: 'wake', at: 10 + DEFAULT_LINK_OPTIONS.persistDelayMs });
    expect(persists(m.handle({ kind: 'tick' }, 510))).toEqual([
      { kind: 'persist', cursor: { devices: { 'kiosk-1': { upTo: 2 } } } },
    ]);
    expect(persists(m.handle({ kind: 'tick' }, 2000))).toEqual([]);
  });

  it('notes link up and down, a refusal once per streak, and a catch-up with its count', () => {
    const m = new LinkMachine(new Map(), 0, { ...DEFAULT_LINK_OPTIONS, window: 2 });
    m.handle({ kind: 'committed', items: items(3) }, 0);
    expect(notes(m.handle({ kind: 'connected' }, 0))).toEqual([{ kind: 'note', note: 'up' }]);
    const refused = [
      ...notes(m.handle({ kind: 'nack', device: 'kiosk-1', seq: 1, reason: 'denied' }, 1)),
      ...notes(m.handle({ kind: 'nack', device: 'kiosk-1', seq: 2, reason: 'denied' }, 2)),
    ];
    expect(refused).toEqual([{ kind: 'note', note: 'refused', reason: 'denied', waiting: 3 }]);
    // paused after the refusals: nothing goes out before the backoff ends
    expect(published(m.handle({ kind: 'tick' }, 500))).toEqual([]);
    expect(published(m.handle({ kind: 'tick' }, 3000))).toEqual([1, 2]);
    m.handle({ kind: 'ack', device: 'kiosk-1', seq: 1 }, 3001);
    m.handle({ kind: 'ack', device: 'kiosk-1', seq: 2 }, 3002);
    const last = m.handle({ kind: 'ack', device: 'kiosk-1', seq: 3 }, 3003);
    expect(notes(last)).toEqual([{ kind: 'note', note: 'caughtUp', count: 3 }]);
    expect(m.report(3004)).toEqual({
      connected: true,
      waiting: 0,
      lastAckAt: 3003,
      lastEventAt: 1002,
      at: 3004,
    });
    m.handle({ kind: 'committed', items: items(4) }, 3005);
    expect(notes(m.handle({ kind: 'disconnected' }, 3006))).toEqual([
      { kind: 'note', note: 'down', waiting: 1 },
    ]);
  });

  it('sends nothing the persisted cursor holds, and reports every reportEveryMs', () => {
    const cursor = fromPersisted({ devices: { 'kiosk-1': { upTo: 2, above: [4] } } });
    const m = new LinkMachine(cursor, 0);
    m.handle({ kind: 'committed', items: items(5) }, 0);
    expect(published(m.handle({ kind: 'connected' }, 0))).toEqual([3, 5]);
    const reports = (fx: LinkEffect[]) => fx.filter((e) => e.kind === 'report').length;
    expect(reports(m.handle({ kind: 'tick' }, 9_999))).toBe(0);
    expect(reports(m.handle({ kind: 'tick' }, 10_000))).toBe(1);
  });
});
