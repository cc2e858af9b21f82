import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../hub-testing.ts';
import { hubNames } from './hub-names.ts';
import { ensureStoreTls } from './store-authority.ts';

const machine = { hostname: 'backoffice', lanAddresses: ['192.0.2.10'], listenHost: '0.0.0.0' };

describe('the store authority', () => {
  it('signs a hub certificate for every name; keys are readable by the hub only', async () => {
    const dir = tempDir('tls');
    try {
      const tls = await ensureStoreTls({
        dir: dir.path,
        storeName: 'Corner Shop',
        names: hubNames(machine, ['hub.test']),
      });
      const ca = new X509Certificate(tls.caPem);
      const hub = new X509Certificate(tls.certPem);
      expect(ca.ca).toBe(true);
      expect(hub.ca).toBe(false);
      expect(hub.verify(ca.publicKey)).toBe(true);
      expect(hub.checkHost('hub.test')).toBe('hub.test');
      expect(hub.checkHost('backoffice.local')).toBe('backoffice.local');
      expect(hub.checkIP('192.0.2.10')).toBe('192.0.2.10');
      expect(hub.checkHost('elsewhere.test')).toBeUndefined();
      expect(tls.caFingerprint).toBe(ca.fingerprint256);
      expect(tls.issued).toBe('no hub certificate yet');
      for (const key of ['ca.key', 'hub.key']) {
        expect(statSync(join(dir.path, key)).mode & 0o777).toBe(0o600);
      }
      expect(readFileSync(join(dir.path, 'ca.crt'), 'utf8')).toBe(tls.caPem);
    } finally {
      dir.remove();
    }
  });

  it('keeps the certificate while it serves, and reissues with the same authority', async () => {
    const dir = tempDir('tls');
    try {
      const first = await ensureStoreTls({
        dir: dir.path,
        storeName: 'Corner Shop',
        names: hubNames(machine, ['hub.test']),
      });
      const again = await ensureStoreTls({
        dir: dir.path,
        storeName: 'Corner Shop',
        names: hubNames(machine, ['hub.test']),
      });
      expect(again.issued).toBeUndefined();
      expect(again.certPem).toBe(first.certPem);

      const moved = await ensureStoreTls({
        dir: dir.path,
        storeName: 'Corner Shop',
        names: hubNames({ ...machine, lanAddresses: ['192.0.2.77'] }, ['hub.test']),
      });
      expect(moved.issued).toBe('new names or addresses: 192.0.2.77');
      expect(moved.caPem).toBe(first.caPem);
      const hub = new X509Certificate(moved.certPem);
      expect(hub.verify(new X509Certificate(first.caPem).publicKey)).toBe(true);
      expect(hub.checkIP('192.0.2.77')).toBe('192.0.2.77');

      const late = await ensureStoreTls({
        dir: dir.path,
        storeName: 'Corner Shop',
        names: moved.names,
        now: new Date(moved.notAfter.getTime() - 24 * 3_600_000),
      });
      expect(late.issued).toMatch(/^it expires/);
      expect(late.caPem).toBe(first.caPem);
    } finally {
      dir.remove();
    }
  });
});
