import { describe, expect, it } from 'vitest';
import { hubNames, preferredName, reissueReason, RENEW_BEFORE_MS } from './hub-names.ts';

const machine = { hostname: 'backoffice', lanAddresses: ['192.0.2.10'], listenHost: '0.0.0.0' };

describe('the names a hub certificate covers', () => {
  it('covers the given names, the machine, its mDNS name, LAN addresses and loopback', () => {
    const names = hubNames(machine, ['Store-Hub.example', '198.51.100.7']);
    expect(names.dns).toEqual(['backoffice', 'backoffice.local', 'localhost', 'store-hub.example']);
    expect(names.ips).toEqual(['127.0.0.1', '192.0.2.10', '198.51.100.7', '::1']);
  });

  it('listening on one address covers that address, not every interface', () => {
    const names = hubNames({ ...machine, listenHost: '127.0.0.1' }, ['hub.test']);
    expect(names.ips).toEqual(['127.0.0.1', '::1']);
  });

  it('tablets are sent to the first given name, else the mDNS name', () => {
    expect(preferredName(hubNames(machine, ['hub.test']), ['hub.test'])).toBe('hub.test');
    expect(preferredName(hubNames(machine, []), [])).toBe('backoffice.local');
  });
});

describe('when a new hub certificate is issued', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const names = hubNames(machine, ['hub.test']);
  const far = new Date(now.getTime() + 300 * 24 * 3_600_000);

  it('issues one when there is none, a name is new, or it nears expiry', () => {
    expect(reissueReason(undefined, names, now)).toBe('no hub certificate yet');
    const moved = hubNames({ ...machine, lanAddresses: ['192.0.2.99'] }, ['hub.test']);
    expect(reissueReason({ names, notAfter: far }, moved, now)).toBe(
      'new names or addresses: 192.0.2.99',
    );
    const soon = new Date(now.getTime() + RENEW_BEFORE_MS - 1);
    expect(reissueReason({ names, notAfter: soon }, names, now)).toMatch(/^it expires/);
  });

  it('keeps a current certificate that covers every wanted name', () => {
    expect(reissueReason({ names, notAfter: far }, names, now)).toBeUndefined();
    const fewer = hubNames(machine, []);
    expect(reissueReason({ names, notAfter: far }, fewer, now)).toBeUndefined();
  });
});
