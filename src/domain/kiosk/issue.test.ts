import { describe, expect, it } from 'vitest';
import { kioskRefusal } from './issue.ts';

describe('kioskRefusal', () => {
  it('explains the refusals a customer can act on, and nothing else', () => {
    expect(kioskRefusal('rangeExhausted')).toBe('rangeExhausted');
    expect(kioskRefusal('storageFailed')).toBe('storageFailed');
    expect(kioskRefusal('priorityNotAllowed')).toBe('priorityNotAllowed');
    // the queue's own reasons (a service gone from the config) are not the customer's to read
    expect(kioskRefusal('unknownService')).toBe('other');
    expect(kioskRefusal('')).toBe('other');
  });
});
