import { describe, expect, it } from 'vitest';
import { createFormatters, elapsedMinutes, spokenTicketNumber } from './format.ts';

describe('elapsedMinutes', () => {
  it('counts whole minutes and never goes negative', () => {
    expect(elapsedMinutes(0, 5 * 60_000 + 59_000)).toBe(5);
    expect(elapsedMinutes(10_000, 0)).toBe(0);
  });
});

describe('spokenTicketNumber', () => {
  it('separates the letter and drops leading zeros', () => {
    expect(spokenTicketNumber('A023')).toBe('A 23');
    expect(spokenTicketNumber('B100')).toBe('B 100');
    expect(spokenTicketNumber('C000')).toBe('C 0');
  });

  it('leaves unusual numbers as they are', () => {
    expect(spokenTicketNumber('A-1')).toBe('A-1');
  });
});

describe('createFormatters', () => {
  it('formats times in the store time zone', () => {
    const f = createFormatters('en-GB', 'Europe/Warsaw');
    expect(f.time(Date.UTC(2026, 0, 15, 13, 5))).toBe('14:05');
  });

  it('formats minutes as a unit', () => {
    expect(createFormatters('en', undefined).minutes(5)).toBe('5 min');
  });
});
