import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import { DeviceRegistry } from './device-registry.ts';
import { tempDir } from './hub-testing.ts';

describe('nextup mosquitto-config', () => {
  it('writes password_file, acl_file and conf lines from the enrolled devices', async () => {
    const data = tempDir('mq-data');
    const out = tempDir('mq-out');
    try {
      const registry = new DeviceRegistry({ dataDir: data.path, store: 'store-001' });
      const kiosk = registry.enroll({ role: 'kiosk', deviceId: 'kiosk-lobby', trusted: true });
      const gone = registry.enroll({ role: 'clerk', deviceId: 'clerk-gone', trusted: true });
      registry.revoke(gone.deviceId);
      await registry.flushed();

      const lines: string[] = [];
      const io = {
        env: {},
        stdout: (l: string) => lines.push(l),
        stderr: (l: string) => lines.push(l),
      };
      const code = await main(['mosquitto-config', '--out', out.path, '--data', data.path], io);
      expect(code).toBe(0);
      expect(lines[0]).toMatch(/^wrote .*password_file, .*acl_file and .*mosquitto\.conf$/);

      const passwords = readFileSync(path.join(out.path, 'password_file'), 'utf8');
      expect(passwords).toMatch(new RegExp(`^${kiosk.deviceId}:\\$7\\$101\\$`, 'm'));
      expect(passwords).toMatch(/^agent-store-001:\$7\$/m);
      expect(passwords).not.toContain('clerk-gone');
      expect(statSync(path.join(out.path, 'password_file')).mode & 0o777).toBe(0o600);

      const acl = readFileSync(path.join(out.path, 'acl_file'), 'utf8');
      expect(acl).toContain(
        'user kiosk-lobby\ntopic write nextup/v1/store-001/sync/events/kiosk-lobby\n',
      );
      expect(acl).toContain('user agent-store-001\ntopic readwrite nextup/v1/store-001/#\n');
      // a device reads its own catch-up and nobody else's: no sync/# for devices any more
      expect(acl).toContain('topic read nextup/v1/store-001/sync/to/kiosk-lobby\n');
      expect(acl).not.toMatch(/^topic read nextup\/v1\/store-001\/sync\/#$/m);
      const conf = readFileSync(path.join(out.path, 'mosquitto.conf'), 'utf8');
      expect(conf).toContain('allow_anonymous false');
      expect(conf).toContain('message_size_limit 524288');
      expect(conf).toContain(`max_packet_size ${512 * 1024 + 64 * 1024}`);
      // messages go out at once, as from the embedded broker (src/hub/broker.ts)
      expect(conf).toMatch(/^set_tcp_nodelay true$/m);
    } finally {
      data.remove();
      out.remove();
    }
  });

  it('needs --out', async () => {
    const err: string[] = [];
    const io = { env: {}, stdout: () => undefined, stderr: (l: string) => err.push(l) };
    expect(await main(['mosquitto-config'], io)).toBe(2);
    expect(err[0]).toBe('nextup: mosquitto-config needs --out <dir>');
  });
});
