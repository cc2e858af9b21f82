import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../clock/hlc.ts';
import { REFUSAL_REASONS, eventId, type StoreEvent } from '../queue/events.ts';
import { ev } from '../testing/store.ts';
import { LogCore } from './log-core.ts';
import { DEVICE_POLICY } from './protocol/policy.ts';
import { keptDayRead, readKeptDay, type WarmDay } from './warm-day.ts';

const HOUR = 3_600_000;
/** Today, a store day in UTC; the device keeps it and the day before (since = YESTERDAY). */
const TODAY = Date.UTC(2026, 5, 2);
const YESTERDAY = TODAY - 24 * HOUR;
const DEVICES = ['kiosk-1', 'kiosk-2', 'clerk-1'];

const core = (): LogCore => new LogCore('kiosk-1', 'test-store', 'UTC', 2, DEVICE_POLICY);

type Draft = { device: string; wall: number; kind: number; ticket: number };

/**
 * Events of three devices and the agent from before the kept days to late today: tickets,
 * calls and completions of a few tickets, and verdicts refusing earlier events.
 */
const history: fc.Arbitrary<StoreEvent[]> = fc
  .array(
    fc.record({
      device: fc.constantFrom(...DEVICES, 'agent-1'),
      wall: fc.integer({ min: YESTERDAY - 6 * HOUR, max: TODAY + 20 * HOUR }),
      kind: fc.nat(3),
      ticket: fc.nat(5),
    }),
    { maxLength: 40 },
  )
  .map((drafts: Draft[]) => {
    const seqs = new Map<string, number>();
    const out: StoreEvent[] = [];
    for (const d of drafts) {
      const seq = (seqs.get(d.device) ?? 0) + 1;
      seqs.set(d.device, seq);
      const t = `t${d.ticket}`;
      if (d.device === 'agent-1') {
        const target = out[d.ticket % Math.max(1, out.length)];
        const refused = target ? [target.id] : [eventId('kiosk-2', 99)];
        out.push(
          ev(d.device, seq, d.wall, {
            type: 'event.refused',
            events: refused,
            reason: REFUSAL_REASONS[0],
          }),
        );
      } else if (d.kind <= 1) {
        out.push(
          ev(d.device, seq, d.wall, {
            type: 'ticket.issued',
            ticket: t,
            service: 'advice',
            number: `A00${d.ticket}`,
            n: d.ticket,
          }),
        );
      } else {
        const type = d.kind === 2 ? 'ticket.called' : 'ticket.completed';
        out.push(ev(d.device, seq, d.wall, { type, ticket: t, counter: 'c1' }));
      }
    }
    return out;
  });

const issuedAt = (seq: number, wall: number, n: number): StoreEvent =>
  ev('kiosk-2', seq, wall, {
    type: 'ticket.issued',
    ticket: `t${n}`,
    service: 'advice',
    number: `A00${n}`,
    n,
  });

/** Kept at 21:00 with the first ticket; the second, stored after, is folded on at the start. */
const foldOnExample = [issuedAt(1, TODAY + HOUR, 1), issuedAt(2, TODAY + 20 * HOUR, 2)];

function* repeat(values: number[]): Generator<number> {
  for (;;) yield* values;
}

/** Storage as a start sees it: events, and the kept day it wrote only when counts agreed. */
function keep(disk: readonly StoreEvent[], day: WarmDay | undefined): WarmDay | undefined {
  if (!day) return undefined;
  const inWindow = disk.filter((e) => e.hlc >= day.since).length;
  return inWindow === day.inWindow ? structuredClone(day) : undefined;
}

describe("today's kept state", () => {
  it('is resumed only when it is the fold of what storage holds, and then equals it (property)', () => {
    let foldedOn = 0;
    fc.assert(
      fc.property(
        history,
        fc.infiniteStream(fc.nat(3)),
        fc.integer({ min: 0, max: 26 * HOUR }),
        (events, fate, later) => {
          // 0: in memory and on disk; 1: on disk only (stored, never applied); 2: stored after
          // the state was kept; 3: not stored at all
          const fates: number[] = events.map(() => fate.next().value as number);
          const pick = (...f: number[]) => events.filter((_, i) => f.includes(fates[i] ?? 3));
          const now = TODAY + 21 * HOUR;
          const first = core();
          first.load(pick(0), {});
          first.refold(now);
          const kept = keep(pick(0, 1), first.keepDay(now));

          // the next start, later today or tomorrow; compaction may have removed old events
          const next = now + later;
          const since = first.since(next);
          const disk = pick(0, 1, 2).filter((e, i) => e.hlc >= since || i % 2 === 0);
          const loaded = disk.filter((e) => e.hlc >= since);
          const warm = core();
          const read = readKeptDay(loaded, kept, since);
          const resumed = warm.resumeDay(read.warm, { ...read, floors: {} }, next);
          warm.load(loaded, {});
          const cold = core();
          cold.load(loaded, {});
          cold.refold(next);
          if (resumed) {
            expect(warm.state).toEqual(cold.state);
            expect(warm.tickets).toEqual(cold.tickets);
            // never behind (ahead only by events before the kept days a start does not read)
            expect(encodeHlc(warm.hlc) >= encodeHlc(cold.hlc)).toBe(true);
            expect(warm.seq).toBeGreaterThanOrEqual(cold.seq);
            expect(warm.partial).toBe(false);
          }
          // on the same day, with nothing stored since it was kept but later events that are
          // no verdicts: it must be used
          const laterOnly =
            kept !== undefined &&
            pick(2).every(
              (e) => e.hlc < since || (e.hlc > kept.upTo && e.type !== 'event.refused'),
            );
          const verdictBefore = pick(0).some((e) => e.type === 'event.refused' && e.hlc < since);
          if (laterOnly && next < TODAY + 24 * HOUR && !verdictBefore) {
            expect(resumed).toBe(true);
          }
          if (resumed && read.newer?.length) foldedOn++;
        },
      ),
      // always among the runs: a ticket kept in the state, then one stored after it was kept
      { numRuns: 300, examples: [[foldOnExample, fc.stream(repeat([0, 2])), 0]] },
    );
    // the runs drew starts that folded newer events on
    expect(foldedOn).toBeGreaterThan(0);
  });

  it('orders what comes after it as the fold would', () => {
    const issued = (device: string, seq: number, wall: number, n: number) =>
      ev(device, seq, wall, {
        type: 'ticket.issued',
        ticket: `t${n}`,
        service: 'advice',
        number: `A00${n}`,
        n,
      });
    const now = TODAY + 10 * HOUR;
    const day = [issued('kiosk-2', 1, TODAY + HOUR, 1), issued('kiosk-2', 2, TODAY + 2 * HOUR, 2)];
    const first = core();
    first.load(day, {});
    first.refold(now);
    const kept = structuredClone(first.keepDay(now));
    const warm = core();
    expect(warm.resumeDay(kept, { inWindow: 2, floors: { 'kiosk-1': 4 } }, now)).toBe(true);
    expect(warm.partial).toBe(true);
    expect(warm.seq).toBe(4); // from the floors: no id of ours is used twice
    // a ticket taken before the events are in follows the last one folded
    const decided = warm.decide(
      () => ({
        ok: true,
        event: { type: 'ticket.called', ticket: 't1', counter: 'c1' },
      }),
      now,
    );
    if (!decided.ok) throw new Error('refused');
    expect(warm.committedLocal(decided.event, decided.hlc, now)).toBe('applied');
    warm.load(day, {});
    expect(warm.keepDay(now)?.inWindow).toBe(3);
    const cold = core();
    cold.load([...day, decided.event], {});
    cold.refold(now);
    expect(warm.state).toEqual(cold.state);
  });

  it('is not kept while the log holds a verdict from before the kept days', () => {
    // a forged ticket stamped ahead, refused by the agent before the kept days began: a start
    // reads the ticket but not the verdict, so its fold differs from the state kept
    const now = TODAY + 10 * HOUR;
    const forged = ev('kiosk-2', 1, TODAY + HOUR, {
      type: 'ticket.issued',
      ticket: 't1',
      service: 'advice',
      number: 'A001',
      n: 1,
    });
    const verdict = ev('agent-1', 1, YESTERDAY - HOUR, {
      type: 'event.refused',
      events: [forged.id],
      reason: REFUSAL_REASONS[0],
    });
    const c = core();
    c.load([verdict, forged], {});
    c.refold(now);
    expect(c.state.tickets.size).toBe(0);
    expect(c.keepDay(now)).toBeUndefined();
  });

  it('is not kept while events wait for the agent or a refold, nor while the log is partial', () => {
    const now = TODAY + 10 * HOUR;
    const c = core();
    c.refold(now);
    expect(c.keepDay(now)).toBeDefined();
    c.stale = true;
    expect(c.keepDay(now)).toBeUndefined();
    c.stale = false;
    c.partial = true;
    expect(c.keepDay(now)).toBeUndefined();
    c.partial = false;
    c.quarantine.set('kiosk-2:1', ev('kiosk-2', 1, now, { type: 'ticket.cancelled', ticket: 't' }));
    expect(c.keepDay(now)).toBeUndefined();
  });
});

describe("a start's read of the kept day", () => {
  const since = encodeHlc({ wall: YESTERDAY, counter: 0 });
  const upTo = encodeHlc({ wall: TODAY + HOUR, counter: 0 });
  const mark = { since, inWindow: 3, upTo };

  it('is the record when as many events are stored, or with the later ones when more are', () => {
    expect(keptDayRead(mark, since, 3)).toEqual({ kind: 'whole' });
    expect(keptDayRead(mark, since, 5)).toEqual({ kind: 'upTo', upTo, inWindow: 3 });
  });

  it('is nothing when fewer are stored, from another moment, or without a mark', () => {
    expect(keptDayRead(mark, since, 2)).toEqual({ kind: 'none' });
    expect(keptDayRead(mark, encodeHlc({ wall: TODAY, counter: 0 }), 3)).toEqual({ kind: 'none' });
    expect(keptDayRead(undefined, since, 0)).toEqual({ kind: 'none' });
    // a mark from before `upTo` was kept reads only as a whole
    expect(keptDayRead({ since, inWindow: 3 }, since, 5)).toEqual({ kind: 'none' });
  });
});

describe('a start without a kept day (foldRead)', () => {
  it("folds today as the whole log's fold would, before the log is in (property)", () => {
    fc.assert(
      fc.property(
        history,
        fc.dictionary(fc.constantFrom(...DEVICES, 'agent-1'), fc.nat(4)),
        fc.infiniteStream(fc.boolean()),
        fc.integer({ min: 0, max: 26 * HOUR }),
        (events, floors, unsentDraw, later) => {
          const now = TODAY + 21 * HOUR + later;
          // our own events, some of them not yet sent
          const unsent = new Set(
            events
              .filter((e) => e.device === 'kiosk-1' && unsentDraw.next().value)
              .map((e) => e.id),
          );
          const cold = core();
          cold.load(events, floors);
          cold.refold(now);
          const warm = core();
          warm.foldRead(events, floors, unsent, now);
          // what the first screen shows, and what the next ticket would carry
          expect(warm.state).toEqual(cold.state);
          expect(warm.tickets).toEqual(cold.tickets);
          expect(warm.hlc).toEqual(cold.hlc);
          expect(warm.seq).toBe(cold.seq);
          expect(warm.partial).toBe(true);
          expect(warm.keepDay(now)).toBeUndefined();
          // only the unsent ones are held before the log comes in
          expect(new Set(warm.log.all().map((e) => e.id))).toEqual(
            new Set(
              cold.log
                .all()
                .filter((e) => unsent.has(e.id))
                .map((e) => e.id),
            ),
          );
          warm.load(events, floors);
          expect(warm.partial).toBe(false);
          expect(warm.log.all()).toEqual(cold.log.all());
          expect(warm.log.vector()).toEqual(cold.log.vector());
          expect(warm.keepDay(now)).toEqual(cold.keepDay(now));
        },
      ),
      { numRuns: 300 },
    );
  });
});
