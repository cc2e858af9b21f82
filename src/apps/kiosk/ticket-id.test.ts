import { describe, expect, it } from 'vitest';
import { base32, newTicketId } from './ticket-id.ts';

describe('newTicketId', () => {
  it('is 26 characters that are valid in event ids', () => {
    const id = newTicketId();
    expect(id).toMatch(/^[A-Za-z0-9_.:-]{1,64}$/);
    expect(id).toHaveLength(26);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newTicketId()));
    expect(ids.size).toBe(1000);
  });

  it('uses all 128 random bits', () => {
    expect(newTicketId((b) => b.fill(0))).toBe('a'.repeat(26));
    expect(newTicketId((b) => b.fill(255))).toBe(`${'7'.repeat(25)}4`);
  });
});

describe('base32', () => {
  it('matches RFC 4648 (lower case, no padding)', () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s));
    expect(enc('f')).toBe('my');
    expect(enc('fo')).toBe('mzxq');
    expect(enc('foobar')).toBe('mzxw6ytboi');
  });
});
