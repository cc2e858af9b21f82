/**
 * MQTT packet boundaries read from a byte stream without keeping the packets. The fixed header
 * (a type byte, then the remaining length as a 1 to 4 byte varint) says how large a packet will
 * be before its body arrives, so a 200 MB CONNECT is refused at its fifth byte instead of after
 * the broker has buffered it.
 */
export interface FrameLimits {
  /** Bytes a connection may send before it is authenticated, its CONNECT included. */
  readonly maxPreAuthBytes: number;
  /** Largest packet, fixed header included, at any time. */
  readonly maxPacketBytes: number;
}

export type FrameRefusalKind = 'not-mqtt' | 'too-large-before-auth' | 'packet-too-large';

export interface FrameScan {
  /** Bytes of the stream scanned so far. */
  readonly seen: number;
  /** Packets whose header was read. */
  readonly packets: number;
  /** Bytes of a fixed header not complete yet (at most 5). */
  readonly header: readonly number[];
  /** Body bytes of the current packet still to come. */
  readonly bodyLeft: number;
  /** Bytes of the current, unfinished packet seen so far: what a parser must be holding. */
  readonly pending: number;
}

export type ScanResult =
  | { readonly ok: true; readonly scan: FrameScan }
  | { readonly ok: false; readonly kind: FrameRefusalKind; readonly reason: string };

export const INITIAL_SCAN: FrameScan = { seen: 0, packets: 0, header: [], bodyLeft: 0, pending: 0 };

const CONNECT = 1;
const NAMES = [
  'reserved packet',
  'CONNECT',
  'CONNACK',
  'PUBLISH',
  'PUBACK',
  'PUBREC',
  'PUBREL',
  'PUBCOMP',
  'SUBSCRIBE',
  'SUBACK',
  'UNSUBSCRIBE',
  'UNSUBACK',
  'PINGREQ',
  'PINGRESP',
  'DISCONNECT',
  'AUTH',
];

/** Scans the next chunk. `trusted`: the connection has authenticated. */
export function scanFrames(
  scan: FrameScan,
  chunk: Uint8Array,
  trusted: boolean,
  limits: FrameLimits,
): ScanResult {
  let { packets, bodyLeft, pending } = scan;
  const header = [...scan.header];
  let i = 0;
  while (i < chunk.length) {
    if (bodyLeft > 0) {
      const take = Math.min(bodyLeft, chunk.length - i);
      bodyLeft -= take;
      i += take;
      pending = bodyLeft === 0 ? 0 : pending + take;
      continue;
    }
    header.push(chunk[i]!);
    i++;
    pending++;
    if (header.length === 1) {
      const type = header[0]! >> 4;
      if (packets === 0 && type !== CONNECT) {
        return refuse('not-mqtt', `the first packet is a ${NAMES[type]}, not a CONNECT`);
      }
      continue;
    }
    const last = header[header.length - 1]!;
    if (last & 0x80) {
      if (header.length === 5) return refuse('not-mqtt', 'a remaining length over 4 bytes');
      continue;
    }
    let remaining = 0;
    for (let k = header.length - 1; k >= 1; k--) remaining = remaining * 128 + (header[k]! & 0x7f);
    const total = header.length + remaining;
    const name = NAMES[header[0]! >> 4]!;
    // where this packet began in the stream: every byte before authentication is counted
    const start = scan.seen + i - header.length;
    if (!trusted && start + total > limits.maxPreAuthBytes) {
      return refuse(
        'too-large-before-auth',
        `a ${name} of ${total} bytes before authentication (at most ${limits.maxPreAuthBytes} bytes in all)`,
      );
    }
    if (total > limits.maxPacketBytes) {
      return refuse(
        'packet-too-large',
        `a ${name} of ${total} bytes (at most ${limits.maxPacketBytes})`,
      );
    }
    packets++;
    header.length = 0;
    bodyLeft = remaining;
    if (remaining === 0) pending = 0;
  }
  return { ok: true, scan: { seen: scan.seen + chunk.length, packets, header, bodyLeft, pending } };
}

function refuse(kind: FrameRefusalKind, reason: string): ScanResult {
  return { ok: false, kind, reason };
}
