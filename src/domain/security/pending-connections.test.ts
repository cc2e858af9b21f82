import { describe, expect, it } from 'vitest';
import { PendingConnections } from './pending-connections.ts';

describe('PendingConnections', () => {
  it('caps each address and the total, and frees a slot on release', () => {
    const p = new PendingConnections({ perAddress: 2, total: 3 });
    expect(p.admit('10.0.0.5')).toBeUndefined();
    expect(p.admit('10.0.0.5')).toBeUndefined();
    expect(p.admit('10.0.0.5')).toBe('too-many-from-address');
    expect(p.admit('10.0.0.6')).toBeUndefined();
    expect(p.admit('10.0.0.7')).toBe('too-many-in-all');
    p.release('10.0.0.5');
    expect(p.admit('10.0.0.7')).toBeUndefined();
    expect(p.count).toBe(3);
  });

  it('forgets an address once its last connection is released', () => {
    const p = new PendingConnections({ perAddress: 2, total: 10 });
    p.admit('a');
    p.admit('b');
    p.release('a');
    p.release('a'); // a second release of the same connection changes nothing
    expect(p.addresses).toBe(1);
    expect(p.count).toBe(1);
  });
});
