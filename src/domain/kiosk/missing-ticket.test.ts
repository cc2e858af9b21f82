import { describe, expect, it } from 'vitest';
import { missingTicket, ON_ITS_WAY_FOR_MS, takenAtFromLink } from './missing-ticket.ts';

const now = Date.UTC(2026, 11, 5, 12, 0, 0);

describe('a ticket the hub does not know', () => {
  it('is on its way for hours after it was taken, asking again less and less often', () => {
    const taken = now - 3 * 60 * 60_000;
    const delays = [0, 1, 2, 3, 4, 5, 6].map((attempts) =>
      missingTicket({ takenAt: taken, now, attempts }),
    );
    expect(delays.map((d) => (d.kind === 'onItsWay' ? d.retryInMs : 0))).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('is not found once it is from another day, or far in the future', () => {
    const args = { now, attempts: 0 };
    expect(missingTicket({ ...args, takenAt: now - ON_ITS_WAY_FOR_MS }).kind).toBe('notFound');
    expect(missingTicket({ ...args, takenAt: now + 2 * 60 * 60_000 }).kind).toBe('notFound');
    // a phone a little behind the kiosk
    expect(missingTicket({ ...args, takenAt: now + 10 * 60_000 }).kind).toBe('onItsWay');
  });

  it('without a time in its link: not found (nothing says it is on its way)', () => {
    expect(missingTicket({ takenAt: undefined, now, attempts: 0 }).kind).toBe('notFound');
  });

  it("reads the link's time, ignoring what is not a time", () => {
    expect(takenAtFromLink('?lang=pl&at=1796472000')).toBe(1796472000_000);
    expect(takenAtFromLink('?lang=pl')).toBeUndefined();
    expect(takenAtFromLink('?at=12x')).toBeUndefined();
    expect(takenAtFromLink('?at=')).toBeUndefined();
  });
});
