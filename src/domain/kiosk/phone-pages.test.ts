import { describe, expect, it } from 'vitest';
import { embeddableJson, phonePageOf, trackedTicket } from './phone-pages.ts';

describe('phone pages', () => {
  it("names the customer's pages and nothing else", () => {
    expect(phonePageOf('/t/abcdefghijklmnopqrstuvwxyz')).toBe('track');
    expect(phonePageOf('/t/anything/')).toBe('track');
    expect(phonePageOf('/join')).toBe('join');
    expect(phonePageOf('/join/')).toBe('join');
    expect(phonePageOf('/book')).toBe('book');
    expect(phonePageOf('/book/abcdefghijklmnopqrstuvwxyz')).toBe('book');
    for (const p of ['/', '/t/', '/t/a/b', '/book/a/b', '/kiosk', '/joined', '/chain', '/T/x']) {
      expect(phonePageOf(p), p).toBeUndefined();
    }
  });

  it('reads the ticket of a tracking address, and nothing from a broken one', () => {
    expect(trackedTicket('/t/abcdefghijklmnopqrstuvwxyz')).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(trackedTicket('/t/abc/')).toBe('abc');
    expect(trackedTicket('/t/%E0%A4%A')).toBe('');
    expect(trackedTicket('/join')).toBe('');
  });

  it('writes JSON that cannot end the script element it sits in, and reads back the same', () => {
    const value = { name: '</script><script>alert(1)</script>', note: '<!-- & -->' };
    const text = embeddableJson(value);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
