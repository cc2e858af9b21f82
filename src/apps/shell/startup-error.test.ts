import { describe, expect, it } from 'vitest';
import { ConfigUnavailableError } from '../runtime/config-source.ts';
import { DeviceRemovedError, PairingNeededError } from '../runtime/enrollment.ts';
import { TabSyncError } from '../runtime/tab-protocol.ts';
import { errorMessage, isFirstManager, startupProblem } from './startup-error.ts';

describe('startupProblem', () => {
  it('recognises a device that never had the store configuration', () => {
    expect(startupProblem(new ConfigUnavailableError())).toBe('noConfig');
  });

  it('recognises a hub that wants a pairing code', () => {
    expect(
      startupProblem(new PairingNeededError('a pairing code from the manager is needed')),
    ).toBe('pairing');
  });

  it('tells the store’s first manager from a device that can ask one', () => {
    expect(isFirstManager(new PairingNeededError('no manager yet', true))).toBe(true);
    expect(
      isFirstManager(new PairingNeededError('a pairing code from the manager is needed')),
    ).toBe(false);
    expect(isFirstManager(new Error('x'))).toBe(false);
  });

  it('recognises a device a manager removed from the store', () => {
    expect(startupProblem(new DeviceRemovedError())).toBe('removed');
  });

  it('leaves a tab that could not follow or lead to the general failure', () => {
    // a second tab of the store follows the first (src/apps/runtime/tab-runtime.ts): it is
    // never refused, so the only tab error left is one the tab could not recover from
    expect(startupProblem(new TabSyncError('no answer in 15 s'))).toBe('other');
  });

  it('treats anything else as a general failure', () => {
    expect(startupProblem(new Error('IndexedDB blocked'))).toBe('other');
    expect(startupProblem('boom')).toBe('other');
    expect(errorMessage('boom')).toBe('boom');
  });
});
