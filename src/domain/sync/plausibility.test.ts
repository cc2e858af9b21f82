import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../clock/hlc.ts';
import type { EventBody } from '../queue/events.ts';
import { ev, testStore } from '../testing/store.ts';
import {
  FUTURE_SKEW_MS,
  heardBefore,
  judge,
  noteContact,
  overRate,
  PAST_SKEW_MS,
  type ContactBook,
  type PlausibilityRules,
} from './plausibility.ts';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const MIN = 60_000;
const rules: PlausibilityRules = {
  pastSkewMs: PAST_SKEW_MS,
  futureSkewMs: FUTURE_SKEW_MS,
  config: {
    ...testStore,
    kiosk: { idleResetSec: 20, rateLimit: { maxTickets: 4, windowSec: 60 } },
  },
};
const ticket = (number: string, extra: Partial<EventBody> = {}): EventBody =>
  ({
    type: 'ticket.issued',
    ticket: `t-${number}`,
    service: number.startsWith('R') ? 'returns' : 'advice',
    number,
    n: Number(number.slice(1)),
    ...extra,
  }) as EventBody;

describe('plausibility of what a device sends', () => {
  it('refuses a ticket stamped 2 h back from a kiosk heard a moment ago (issue 15)', () => {
    const e = ev('kiosk-x', 8, NOW - 120 * MIN, ticket('A010'));
    // the kiosk announced 7 events of its own 10 s ago: the 8th was written after that
    expect(judge(e, { now: NOW, heardAt: NOW - 10_000 }, rules)).toBe('clockBehind');
  });

  it("takes a backlog from hours offline: the evidence is from before the kiosk's last word", () => {
    // heard holding 7 events at 9:00, offline since; event 8 was issued at 10:00, sent at 12:00
    const e = ev('kiosk-1', 8, NOW - 120 * MIN, ticket('A010'));
    expect(judge(e, { now: NOW, heardAt: NOW - 180 * MIN }, rules)).toBeUndefined();
    // never heard at all (or not since the receiver started): no evidence, no refusal
    expect(judge(e, { now: NOW }, rules)).toBeUndefined();
    // within the skew window of the evidence
    const late = ev('kiosk-1', 8, NOW - 50_000, ticket('A010'));
    expect(judge(late, { now: NOW, heardAt: NOW - 5_000 }, rules)).toBeUndefined();
  });

  it('refuses an event stamped beyond the drift limit ahead, and one out of its own order', () => {
    const ahead = ev('kiosk-1', 1, NOW + FUTURE_SKEW_MS + 1, ticket('A001'));
    expect(judge(ahead, { now: NOW }, rules)).toBe('clockAhead');
    const soon = ev('kiosk-1', 1, NOW + FUTURE_SKEW_MS, ticket('A001'));
    expect(judge(soon, { now: NOW }, rules)).toBeUndefined();
    const e = ev('kiosk-1', 5, NOW - MIN, ticket('A005'));
    const at = (ms: number) => encodeHlc({ wall: ms, counter: 0 });
    expect(judge(e, { now: NOW, prevHlc: at(NOW - 30_000) }, rules)).toBe('clockBackwards');
    expect(judge(e, { now: NOW, nextHlc: at(NOW - 2 * MIN) }, rules)).toBe('clockBackwards');
    const fine = { now: NOW, prevHlc: at(NOW - 2 * MIN), nextHlc: at(NOW - 30_000) };
    expect(judge(e, fine, rules)).toBeUndefined();
  });

  it('refuses a ticket id or a number already issued (the reused A002 of issue 15)', () => {
    const copy = ev('kiosk-x', 1, NOW - 5 * MIN, ticket('C999', { service: 'checkout' }));
    // checked first: the id is taken whatever the rest says
    expect(judge(copy, { now: NOW, ticketTaken: true }, rules)).toBe('ticketTaken');
    const dup = ev('kiosk-x', 1, NOW, ticket('A002'));
    expect(judge(dup, { now: NOW, numberTaken: true }, rules)).toBe('numberTaken');
  });

  it('checks a ticket against the configuration: service, letter, priority, ranges', () => {
    const at = (body: EventBody) => judge(ev('kiosk-x', 1, NOW, body), { now: NOW }, rules);
    expect(at(ticket('C999', { service: 'checkout' }))).toBe('unknownService');
    expect(at(ticket('R001', { service: 'advice' }))).toBe('unknownService');
    expect(at(ticket('A001', { priority: true }))).toBe('priorityNotAllowed');
    expect(at(ticket('A1000'))).toBe('numberOutOfRange');
    expect(at(ticket('A000'))).toBe('numberOutOfRange');
    expect(at(ticket('A999'))).toBeUndefined();
    // without the configuration, only what needs none
    const bare = { pastSkewMs: PAST_SKEW_MS, futureSkewMs: FUTURE_SKEW_MS };
    expect(judge(ev('kiosk-x', 1, NOW, ticket('A1000')), { now: NOW }, bare)).toBeUndefined();
  });

  it('refuses tickets past the kiosk rate limit by issue time (the 5,000-ticket burst)', () => {
    const times: number[] = [];
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      const at = NOW + Math.floor((i * 3600) / 5000);
      const e = ev('kiosk-x', i + 1, at, ticket(`A${String((i % 999) + 1).padStart(3, '0')}`));
      const reason = judge(e, { now: NOW + 3600, authorIssues: times }, rules);
      if (reason === undefined) times.push(at);
      else if (reason === 'rateLimited') refused++;
    }
    // 3.6 s fit in one window: four tickets, the rest refused
    expect(times).toHaveLength(4);
    expect(refused).toBe(4996);
  });

  it('counts issues in any window of the limit, as the kiosk does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 120_000 }),
        (before, at, max, windowMs) => {
          // oracle: every window [start, start + windowMs) that starts at one of the issues
          const all = [...before, at];
          const worst = Math.max(
            ...all.map((start) => all.filter((t) => t >= start && t < start + windowMs).length),
          );
          const alreadyOver = Math.max(
            0,
            ...before.map(
              (start) => before.filter((t) => t >= start && t < start + windowMs).length,
            ),
          );
          if (alreadyOver > max) return; // only what the receiver could have admitted
          expect(overRate(before, at, max, windowMs)).toBe(worst > max);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the latest time a device was heard per seq, and can be weakened no further than by silence', () => {
    const book: ContactBook = new Map();
    noteContact(book, 'kiosk-1', 3, NOW - 60_000);
    noteContact(book, 'kiosk-1', 3, NOW - 15_000);
    noteContact(book, 'kiosk-1', 5, NOW);
    // a later announcement claiming an old time lowers nothing
    noteContact(book, 'kiosk-1', 3, NOW - 3_600_000);
    expect(heardBefore(book, 'kiosk-1', 4)).toBe(NOW - 15_000);
    expect(heardBefore(book, 'kiosk-1', 6)).toBe(NOW);
    expect(heardBefore(book, 'kiosk-1', 3)).toBeUndefined();
    expect(heardBefore(book, 'kiosk-2', 1)).toBeUndefined();
    for (let s = 6; s < 100; s++) noteContact(book, 'kiosk-1', s, NOW + s);
    expect(book.get('kiosk-1')!.size).toBeLessThanOrEqual(32);
    expect(heardBefore(book, 'kiosk-1', 100)).toBe(NOW + 99);
  });
});

describe('handovers and visit notes', () => {
  const handover: EventBody = {
    type: 'ticket.transferred',
    ticket: 'tk',
    counter: 'counter-1',
    toService: 'advice',
    toCounter: 'counter-2',
    toStaff: 'bo',
    reason: 'Knows the case',
  };
  const note: EventBody = { type: 'visit.note', visit: 'v-1', clerk: 'clerk-1', note: 'Size 40' };

  it('pass from an honest clerk, and answer to the same clock rules as every event', () => {
    for (const body of [handover, note]) {
      expect(judge(ev('clerk-1', 5, NOW, body), { now: NOW, heardAt: NOW - 5_000 }, rules)).toBe(
        undefined,
      );
      expect(judge(ev('clerk-1', 5, NOW + 20 * MIN, body), { now: NOW }, rules)).toBe('clockAhead');
      expect(judge(ev('clerk-1', 5, NOW - 10 * MIN, body), { now: NOW, heardAt: NOW }, rules)).toBe(
        'clockBehind',
      );
    }
  });
});
