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

describe('a revoked device paired again', () => {
  let dir: TempDir;
  beforeEach(() => (dir = tempDir('registry')));
  afterEach(() => dir.remove());

  it('keeps its id only with a manager’s code, and its old secret stays dead', async () => {
    const registry = new DeviceRegistry({ dataDir: dir.path, store: 's' });
    const first = await registry.enrollSaved({
      role: 'clerk',
      deviceId: 'clerk-tab-1',
      trusted: true,
    });
    expect(first.deviceId).toBe('clerk-tab-1');
    // held by an active device: a newcomer proposing the id gets another
    const other = registry.enroll({ role: 'clerk', deviceId: 'clerk-tab-1', trusted: true });
    expect(other.deviceId).not.toBe('clerk-tab-1');

    await registry.revokeSaved('clerk-tab-1');
    expect(registry.status(first.username, first.password)).toBe('revoked');
    // without a code (a trusted machine) the revoked id is not taken back
    const noCode = registry.enroll({ role: 'clerk', deviceId: 'clerk-tab-1', trusted: true });
    expect(noCode.deviceId).not.toBe('clerk-tab-1');
    // a code of another role does not pair it either
    const { code: boardCode } = registry.createPairingCode('board');
    expect(() =>
      registry.enroll({ role: 'clerk', code: boardCode, deviceId: 'clerk-tab-1', trusted: false }),
    ).toThrow(/for a board/);

    const { code } = registry.createPairingCode('clerk');
    const again = await registry.enrollSaved({
      role: 'clerk',
      code,
      deviceId: 'clerk-tab-1',
      trusted: false,
    });
    expect(again.deviceId).toBe('clerk-tab-1');
    expect(registry.status(again.username, again.password)).toBe('active');
    expect(registry.authenticate(first.username, first.password)).toBeUndefined();
    expect(registry.status(first.username, first.password)).toBe('unknown');
  });
});
