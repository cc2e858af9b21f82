import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onStoreNetwork, parseAddress, parseCidr } from './network.ts';

describe('the store network', () => {
  it('by default is the private ranges and loopback, in IPv4 and IPv6', () => {
    for (const a of ['192.168.1.20', '10.2.3.4', '172.16.0.9', '127.0.0.1', '::1', 'fd12::5']) {
      expect(onStoreNetwork(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '2001:db8::1', '193.168.1.1', '']) {
      expect(onStoreNetwork(a), a).toBe(false);
    }
    expect(onStoreNetwork(undefined)).toBe(false);
  });

  it('reads IPv4-mapped IPv6 addresses (a dual-stack server) as IPv4', () => {
    expect(onStoreNetwork('::ffff:192.168.1.20')).toBe(true);
    expect(onStoreNetwork('::ffff:8.8.8.8')).toBe(false);
  });

  it('takes the configured CIDRs instead of the defaults', () => {
    expect(onStoreNetwork('192.168.1.20', ['192.168.1.0/24'])).toBe(true);
    expect(onStoreNetwork('192.168.2.20', ['192.168.1.0/24'])).toBe(false);
    expect(onStoreNetwork('127.0.0.1', ['192.168.1.0/24'])).toBe(false);
    expect(onStoreNetwork('8.8.8.8', ['0.0.0.0/0'])).toBe(true);
  });

  it('refuses what is not an address or a CIDR', () => {
    expect(parseAddress('1.2.3.256')).toBeUndefined();
    expect(parseAddress('1.2.3')).toBeUndefined();
    expect(parseAddress('1::2::3')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.0')).toBeUndefined();
    expect(onStoreNetwork('10.0.0.1', ['nonsense'])).toBe(false);
  });

  it('puts an IPv4 address inside a /n exactly when its first n bits match (property)', () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
    fc.assert(
      fc.property(v4, v4, fc.integer({ min: 0, max: 32 }), (a, b, bits) => {
        const num = (x: number[]) => x.reduce((acc, o) => acc * 256 + o, 0);
        const inside =
          bits === 0 ||
          Math.floor(num(a) / 2 ** (32 - bits)) === Math.floor(num(b) / 2 ** (32 - bits));
        expect(onStoreNetwork(a.join('.'), [`${b.join('.')}/${bits}`])).toBe(inside);
      }),
    );
  });
});
