import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceListNotSaved, DeviceRegistry } from './device-registry.ts';
import { tempDir, type TempDir } from './hub-testing.ts';

describe('device registry when its list cannot be saved', () => {
  let dir: TempDir;
  let errors: string[];
  let registry: DeviceRegistry;
  // a folder where the list's temporary file goes: writing fails, even for root
  const block = () => mkdirSync(join(dir.path, 'devices.json.tmp'));
  const unblock = () => rmdirSync(join(dir.path, 'devices.json.tmp'));
  const open = () =>
    new DeviceRegistry({
      dataDir: dir.path,
      store: 's',
      onSaveError: (err) => errors.push(err.message),
    });

  beforeEach(async () => {
    dir = tempDir('registry');
    errors = [];
    registry = open();
    registry.agentCredentials();
    await registry.flushed();
  });
  afterEach(() => dir.remove());

  it('enrolls nobody, keeps the pairing code good, and enrolls once the list saves', async () => {
    const { code } = registry.createPairingCode('kiosk');
    block();
    const refused = registry.enrollSaved({
      role: 'kiosk',
      code,
      deviceId: 'kiosk-lobby',
      trusted: false,
    });
    await expect(refused).rejects.toThrow(DeviceListNotSaved);
    await expect(refused).rejects.toThrow(/cannot save its device list, so nothing was enrolled/);
    expect(registry.get('kiosk-lobby')).toBeUndefined();
    expect(errors).toHaveLength(1);

    unblock();
    const enrolled = await registry.enrollSaved({
      role: 'kiosk',
      code,
      deviceId: 'kiosk-lobby',
      trusted: false,
    });
    // known after a restart, with the secret it was given
    const again = open();
    expect(again.authenticate(enrolled.username, enrolled.password)?.device).toBe('kiosk-lobby');
  });

  it('says a revocation was not saved, and keeps the device out until the restart', async () => {
    const kiosk = await registry.enrollSaved({ role: 'kiosk', trusted: true });
    block();
    await expect(registry.revokeSaved(kiosk.deviceId)).rejects.toThrow(
      /shut out until the hub restarts, but the hub cannot save its device list/,
    );
    expect(registry.authenticate(kiosk.username, kiosk.password)).toBeUndefined();
  });
});
