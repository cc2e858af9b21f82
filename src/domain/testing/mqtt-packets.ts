/**
 * Raw MQTT 3.1.1 packets for tests and benchmarks that play a hostile or bare client: the
 * broker gate, its fuzzing and the pre-login floods write bytes no MQTT library would.
 */

/** The remaining-length varint, written as the spec's own example loop does. */
export function remainingLength(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 128;
    out.push(b);
  } while (n > 0);
  return out;
}

/** The fixed header of a packet of `type` announcing `body` bytes, and nothing of the body. */
export const announce = (type: number, body: number): Uint8Array =>
  Uint8Array.from([type << 4, ...remainingLength(body)]);

const utf8 = (s: string): number[] => {
  const b = new TextEncoder().encode(s);
  return [b.length >> 8, b.length & 255, ...b];
};

/** A whole packet: the fixed header, then the body's parts (large payloads copied, not spread). */
function packet(type: number, parts: readonly (readonly number[] | Uint8Array)[]): Uint8Array {
  const bodyLength = parts.reduce((n, p) => n + p.length, 0);
  const head = announce(type, bodyLength);
  const out = new Uint8Array(head.length + bodyLength);
  out.set(head);
  let at = head.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A CONNECT with user name and password (clean session, keep-alive 60 s); client id = user. */
export const connectPacket = (user: string, password: string): Uint8Array =>
  packet(1, [utf8('MQTT'), [4, 0xc2, 0, 60], utf8(user), utf8(user), utf8(password)]);

/** A QoS 0 PUBLISH of `payload` to `topic`. */
export const publishPacket = (topic: string, payload: Uint8Array): Uint8Array =>
  packet(3, [utf8(topic), payload]);
