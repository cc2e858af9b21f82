import { describe, expect, it } from 'vitest';
import { parseChainCreds } from './creds.ts';

const seed = 'SU' + 'A'.repeat(56);

describe('chain credentials file', () => {
  it('reads a store user', () => {
    const c = parseChainCreds(JSON.stringify({ kind: 'store', name: 'store-001', seed }), 'c.json');
    expect(c).toEqual({ kind: 'store', name: 'store-001', seed });
  });
  it.each([
    ['{', 'c.json: not JSON'],
    [JSON.stringify({ kind: 'admin', name: 's', seed }), '"kind" must be'],
    [JSON.stringify({ kind: 'store', name: 'a.b', seed }), '"name" must be an id'],
    [JSON.stringify({ kind: 'store', name: 's', seed: 'SA' }), '"seed" must be an NKey'],
    [JSON.stringify({ kind: 'store', name: 's', seed, caPem: 'x' }), '"caPem" must be a PEM'],
  ])('names the problem in %s', (text, message) => {
    expect(() => parseChainCreds(text, 'c.json')).toThrow(message);
  });
});
