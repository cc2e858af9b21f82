import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announce } from '../testing/mqtt-packets.ts';
import { INITIAL_SCAN, scanFrames, type FrameLimits, type ScanResult } from './mqtt-frames.ts';

const limits: FrameLimits = { maxPreAuthBytes: 1000, maxPacketBytes: 5000 };

/** A whole packet of `type` with `body` bytes. */
const packet = (type: number, body: number) =>
  Uint8Array.from([...announce(type, body), ...new Array<number>(body).fill(7)]);

function scanAll(chunks: Uint8Array[], trusted = false): ScanResult {
  let scan = INITIAL_SCAN;
  for (const c of chunks) {
    const r = scanFrames(scan, c, trusted, limits);
    if (!r.ok) return r;
    scan = r.scan;
  }
  return { ok: true, scan };
}

describe('scanFrames', () => {
  it('refuses a CONNECT announcing more than the pre-authentication budget at its header', () => {
    const r = scanAll([announce(1, 200 * 1024 * 1024)]);
    expect(r).toEqual({
      ok: false,
      kind: 'too-large-before-auth',
      reason: 'a CONNECT of 209715205 bytes before authentication (at most 1000 bytes in all)',
    });
  });

  it('counts every byte before authentication, not only the CONNECT', () => {
    expect(scanAll([packet(1, 600), packet(3, 300)]).ok).toBe(true);
    const r = scanAll([packet(1, 600), announce(3, 400)]);
    expect(r.ok || r.kind).toBe('too-large-before-auth');
    // once authenticated, only the packet cap applies
    expect(scanAll([packet(1, 600), packet(3, 4000)], true).ok).toBe(true);
  });

  it('refuses any packet over the cap, also after authentication', () => {
    const r = scanAll([packet(1, 10), announce(3, 6000)], true);
    expect(r).toEqual({
      ok: false,
      kind: 'packet-too-large',
      reason: 'a PUBLISH of 6003 bytes (at most 5000)',
    });
  });

  it('wants a CONNECT first and at most four length bytes', () => {
    expect(scanAll([Uint8Array.from([0x30, 0])])).toMatchObject({
      ok: false,
      kind: 'not-mqtt',
      reason: 'the first packet is a PUBLISH, not a CONNECT',
    });
    expect(scanAll([Uint8Array.from([0x10, 0xff, 0xff, 0xff, 0xff])], true)).toMatchObject({
      ok: false,
      reason: 'a remaining length over 4 bytes',
    });
    // an HTTP request on the MQTT port
    expect(scanAll([new TextEncoder().encode('GET / HTTP/1.1\r\n')])).toMatchObject({
      kind: 'not-mqtt',
    });
  });

  it('finds every packet however the stream is cut, and says what is pending', () => {
    const sizes = fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(sizes, fc.array(fc.nat(), { maxLength: 10 }), (bodies, cuts) => {
        const stream = Uint8Array.from(bodies.flatMap((b, i) => [...packet(i === 0 ? 1 : 3, b)]));
        const at = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, k) =>
          stream.subarray(from, [...at, stream.length][k]),
        );
        let scan = INITIAL_SCAN;
        let fed = 0;
        for (const c of chunks) {
          const r = scanFrames(scan, c, true, limits);
          if (!r.ok) throw new Error(r.reason);
          scan = r.scan;
          fed += c.length;
          // pending: the bytes since the end of the last whole packet
          let ends = 0;
          for (const b of bodies.map((b, i) => packet(i === 0 ? 1 : 3, b).length)) {
            if (ends + b > fed) break;
            ends += b;
          }
          expect(scan.pending).toBe(fed - ends);
        }
        expect(scan.packets).toBe(bodies.length);
        expect(scan.seen).toBe(stream.length);
      }),
    );
  });
});
