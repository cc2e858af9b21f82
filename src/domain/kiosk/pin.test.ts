import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterWrongPin,
  cornerTap,
  GESTURE_TAPS,
  hashPin,
  isLocked,
  MAX_PIN_FAILURES,
  OPEN_PIN_GUARD,
  PIN_LOCK_MS,
  triesLeft,
  verifyPin,
} from './pin.ts';
import { sha256Hex } from './sha256.ts';

async function webSha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with the platform WebCrypto on any text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (s) => {
        expect(sha256Hex(s)).toBe(await webSha256(s));
      }),
    );
  });
});

describe('manager PIN', () => {
  const cfg = { salt: 'demo-salt', iterations: 50, sha256: hashPin('1234', 'demo-salt', 50) };

  it('accepts the right PIN only', () => {
    expect(verifyPin('1234', cfg)).toBe(true);
    expect(verifyPin('1235', cfg)).toBe(false);
    expect(verifyPin('', cfg)).toBe(false);
  });

  it('hashes as documented in the README', async () => {
    let h = 'demo-salt:1234';
    for (let i = 0; i < 50; i++) h = await webSha256(h);
    expect(cfg.sha256).toBe(h);
  });

  it('locks the pad for a minute after five wrong PINs in a row', () => {
    let guard = OPEN_PIN_GUARD;
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      guard = afterWrongPin(guard, 1000);
      expect(isLocked(guard, 1000)).toBe(false);
      expect(triesLeft(guard)).toBe(MAX_PIN_FAILURES - i);
    }
    guard = afterWrongPin(guard, 1000);
    expect(isLocked(guard, 1000 + PIN_LOCK_MS - 1)).toBe(true);
    expect(isLocked(guard, 1000 + PIN_LOCK_MS)).toBe(false);
    expect(triesLeft(guard)).toBe(MAX_PIN_FAILURES);
  });
});

describe('hidden corner gesture', () => {
  it('completes on five quick taps and not on slow ones', () => {
    let taps: number[] = [];
    let complete = false;
    for (let i = 0; i < GESTURE_TAPS; i++) ({ taps, complete } = cornerTap(taps, i * 300));
    expect(complete).toBe(true);
    taps = [];
    for (let i = 0; i < 10; i++) ({ taps, complete } = cornerTap(taps, i * 1500));
    expect(complete).toBe(false);
  });
});
