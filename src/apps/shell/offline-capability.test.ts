import { describe, expect, it } from 'vitest';
import {
  decideOfflineCapability,
  offlineCapable,
  type CapabilityFacts,
} from './offline-capability.ts';

const secure: CapabilityFacts = {
  secureContext: true,
  workerApi: true,
  active: false,
  failed: false,
};

describe('offline capability', () => {
  it('is checking until a worker is active or registration failed', () => {
    expect(decideOfflineCapability(secure)).toBe('checking');
    expect(decideOfflineCapability({ ...secure, active: true })).toBe('ready');
    expect(decideOfflineCapability({ ...secure, failed: true })).toBe('no-worker');
  });

  it('is ready when a worker from before is active though a new registration failed', () => {
    expect(decideOfflineCapability({ ...secure, active: true, failed: true })).toBe('ready');
  });

  it('is insecure without a secure context or without the service worker API', () => {
    expect(decideOfflineCapability({ ...secure, secureContext: false })).toBe('insecure');
    expect(decideOfflineCapability({ ...secure, workerApi: false })).toBe('insecure');
    expect(decideOfflineCapability({ ...secure, secureContext: false, active: true })).toBe(
      'insecure',
    );
  });

  it('tells presence nothing while checking, then true or false', () => {
    expect(offlineCapable('checking')).toBeUndefined();
    expect(offlineCapable('ready')).toBe(true);
    expect(offlineCapable('insecure')).toBe(false);
    expect(offlineCapable('no-worker')).toBe(false);
  });
});
