import { Duplex } from 'node:stream';
import { plainAddress } from '../domain/security/address.ts';
import {
  INITIAL_SCAN,
  scanFrames,
  type FrameRefusalKind,
  type FrameScan,
} from '../domain/security/mqtt-frames.ts';
import { PendingConnections, type AdmitRefusal } from '../domain/security/pending-connections.ts';
import type { Logger } from './log.ts';
import { createLogThrottle } from './throttle.ts';

/**
 * What a connection to the embedded broker may cost before and after it authenticates. aedes
 * checks nothing of the kind while parsing (mqtt-packet buffers a whole packet, whatever its
 * announced length, and aedes queues up to 42 packets before the CONNACK), so the gate sits
 * between the socket and aedes and refuses by the fixed header, before the body arrives.
 */
export interface BrokerLimits {
  /** Bytes a connection may send before it authenticates, its CONNECT included. */
  readonly maxPreAuthBytes: number;
  /** Largest MQTT packet at any time, fixed header included. */
  readonly maxPacketBytes: number;
  /** Bytes held for one connection: read and not yet parsed, or an unfinished packet. */
  readonly maxBufferedBytes: number;
  /** Connections not authenticated yet, from one address and in all. */
  readonly maxPendingPerAddress: number;
  readonly maxPending: number;
  /** A connection not authenticated by then is closed (the TLS handshake included). */
  readonly authDeadlineMs: number;
}

/**
 * A CONNECT is a client id, a user name, a password and perhaps a will: a few hundred bytes.
 * 32 pending connections from one address cover a proxy or a reconnect storm of a whole
 * store behind one address; 512 in all are at most 32 MiB of pre-authentication bytes.
 */
export function brokerLimits(maxPublishBytes: number, over: Partial<BrokerLimits> = {}) {
  // a topic may be up to 64 KiB long; the payload cap itself is checked at authorizePublish
  const maxPacketBytes = over.maxPacketBytes ?? maxPublishBytes + 64 * 1024;
  return {
    maxPreAuthBytes: 64 * 1024,
    maxPendingPerAddress: 32,
    maxPending: 512,
    authDeadlineMs: 5000,
    ...over,
    maxPacketBytes,
    // room for one packet plus what the socket hands over while the broker is busy
    maxBufferedBytes: over.maxBufferedBytes ?? maxPacketBytes + 2 * READ_HIGH_WATER,
  } satisfies BrokerLimits;
}

export type GateRefusalKind = AdmitRefusal | FrameRefusalKind | 'auth-deadline' | 'buffer-full';

export interface GateStats {
  /** Connections not authenticated yet. */
  readonly pending: number;
  readonly refused: Readonly<Partial<Record<GateRefusalKind, number>>>;
  /** The most bytes read from one connection before it authenticated (WebSocket: frames). */
  readonly maxReadBeforeAuth: number;
  /** The most bytes held at once for one connection. */
  readonly maxBuffered: number;
}

/** One connection, from its socket's arrival until it authenticates or closes. */
export interface Admission {
  readonly address: string;
  /** Counts bytes read before authentication where the gate does not see them itself. */
  countRaw(bytes: number): void;
  /** Gives the slot back (the socket closed). Safe to call more than once. */
  close(): void;
}

export interface BrokerGate {
  /** A new connection, or undefined when a cap refuses it (the caller closes it). */
  admit(address: string | undefined, transport: string, abort: () => void): Admission | undefined;
  /** The stream aedes reads: `stream` checked as it arrives. */
  guard(stream: Duplex, admission: Admission): Duplex;
  /** The broker authenticated the connection aedes knows as `conn` (a stream from guard). */
  trust(conn: unknown, clientId: string): void;
  /** The remote address of a stream from guard(), for log lines. */
  addressOf(conn: unknown): string | undefined;
  stats(): GateStats;
}

const READ_HIGH_WATER = 64 * 1024;
/** WebSocket frame headers and masks on top of the MQTT bytes, counted on the raw socket. */
const WS_FRAMING_ROOM = 4 * 1024;

const ADMIT_REASONS: Record<AdmitRefusal, (l: BrokerLimits) => string> = {
  'too-many-from-address': (l) =>
    `${l.maxPendingPerAddress} connections from this address are not authenticated yet`,
  'too-many-in-all': (l) => `${l.maxPending} connections are not authenticated yet`,
};

export function createBrokerGate(limits: BrokerLimits, log: Logger): BrokerGate {
  const pending = new PendingConnections({
    perAddress: limits.maxPendingPerAddress,
    total: limits.maxPending,
  });
  const logged = createLogThrottle();
  const refused: Partial<Record<GateRefusalKind, number>> = {};
  const admissions = new WeakMap<object, Conn>();
  let maxReadBeforeAuth = 0;
  let maxBuffered = 0;

  /** Counts a refusal; one line a minute per kind, transport and address says it. */
  const note = (kind: GateRefusalKind, key: string, line: string) => {
    refused[kind] = (refused[kind] ?? 0) + 1;
    if (logged(`${key} ${kind}`)) log.warn('broker', line);
  };

  /** Per connection: its slot, its deadline and what it read before authenticating. */
  class Conn implements Admission {
    trusted = false;
    clientId: string | undefined;
    open = true;
    private pendingSlot = true;
    private readBeforeAuth = 0;
    private readonly deadline: NodeJS.Timeout;

    constructor(
      readonly address: string,
      private readonly transport: string,
      private readonly abort: () => void,
    ) {
      // setImmediate: after a stalled event loop, read what has arrived before judging it
      this.deadline = setTimeout(
        () => setImmediate(() => this.expire()),
        limits.authDeadlineMs,
      ).unref();
    }

    private expire(): void {
      if (!this.trusted) {
        this.refuse('auth-deadline', `not authenticated within ${limits.authDeadlineMs} ms`);
      }
    }

    countRead(bytes: number, max: number, what: string): boolean {
      if (this.trusted) return true;
      this.readBeforeAuth += bytes;
      maxReadBeforeAuth = Math.max(maxReadBeforeAuth, this.readBeforeAuth);
      if (this.readBeforeAuth <= max) return true;
      // the caller's stream is closed by abort()
      this.refuse(
        'too-large-before-auth',
        `${this.readBeforeAuth} bytes of ${what} before authentication (at most ${max})`,
      );
      return false;
    }

    countRaw(bytes: number): void {
      this.countRead(bytes, limits.maxPreAuthBytes + WS_FRAMING_ROOM, 'WebSocket frames');
    }

    trust(clientId: string): void {
      this.trusted = true;
      this.clientId = clientId;
      this.release();
    }

    refuse(kind: GateRefusalKind, reason: string): void {
      if (!this.open) return;
      const who = this.clientId
        ? `client ${this.clientId} (${this.address})`
        : `${this.transport} connection from ${this.address}`;
      note(kind, `${this.transport} ${this.address}`, `${who} closed: ${reason}`);
      this.close();
      this.abort();
    }

    close(): void {
      this.open = false;
      this.release();
    }

    private release(): void {
      clearTimeout(this.deadline);
      if (this.pendingSlot) pending.release(this.address);
      this.pendingSlot = false;
    }
  }

  class Guarded extends Duplex {
    private scan: FrameScan = INITIAL_SCAN;

    constructor(
      private readonly inner: Duplex,
      private readonly conn: Conn,
    ) {
      super({ allowHalfOpen: false, readableHighWaterMark: READ_HIGH_WATER });
      inner.on('data', (chunk: Buffer) => this.onChunk(chunk));
      inner.once('end', () => this.push(null));
      inner.on('error', (err: Error) => this.destroy(err));
      inner.once('close', () => this.destroy());
    }

    private onChunk(chunk: Buffer): void {
      if (!this.conn.open) return;
      const r = scanFrames(this.scan, chunk, this.conn.trusted, limits);
      if (!r.ok) return this.refuse(r.kind, r.reason);
      this.scan = r.scan;
      if (!this.conn.countRead(chunk.length, limits.maxPreAuthBytes, 'MQTT')) return;
      const held = Math.max(this.readableLength + chunk.length, r.scan.pending);
      maxBuffered = Math.max(maxBuffered, held);
      if (held > limits.maxBufferedBytes) {
        return this.refuse(
          'buffer-full',
          `${held} bytes waiting (at most ${limits.maxBufferedBytes})`,
        );
      }
      // backpressure: while aedes is busy, the socket stops being read
      if (!this.push(chunk)) this.inner.pause();
    }

    private refuse(kind: GateRefusalKind, reason: string): void {
      this.conn.refuse(kind, reason);
      this.destroy();
    }

    override _read(): void {
      this.inner.resume();
    }

    override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void) {
      if (this.inner.write(chunk)) done();
      else this.inner.once('drain', () => done());
    }

    override _final(done: () => void): void {
      this.inner.end();
      done();
    }

    override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
      this.conn.close();
      this.inner.destroy();
      done(err);
    }
  }

  return {
    admit(address, transport, abort) {
      const from = plainAddress(address);
      const refusal = pending.admit(from);
      if (refusal) {
        note(
          refusal,
          `${transport} ${from}`,
          `${transport} connection from ${from} refused: ${ADMIT_REASONS[refusal](limits)}`,
        );
        return undefined;
      }
      return new Conn(from, transport, abort);
    },
    guard(stream, admission) {
      const conn = admission as Conn;
      const guarded = new Guarded(stream, conn);
      admissions.set(guarded, conn);
      return guarded;
    },
    trust(conn, clientId) {
      if (typeof conn === 'object' && conn !== null) admissions.get(conn)?.trust(clientId);
    },
    addressOf(conn) {
      return typeof conn === 'object' && conn !== null ? admissions.get(conn)?.address : undefined;
    },
    stats: () => ({
      pending: pending.count,
      refused: { ...refused },
      maxReadBeforeAuth,
      maxBuffered,
    }),
  };
}
