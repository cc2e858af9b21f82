import type { IncomingMessage } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import { Aedes, type AedesOptions, type Client } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { parseSyncMessage } from '../domain/sync/messages.ts';
import { checkEventsProvenance, syncTopicDevice } from '../domain/security/provenance.ts';
import { mayPublish, maySubscribe, type Identity } from '../domain/security/roles.ts';
import {
  brokerLimits,
  createBrokerGate,
  type BrokerLimits,
  type GateStats,
} from './broker-gate.ts';
import type { Logger } from './log.ts';
import { createLogThrottle } from './throttle.ts';
import { closeServer, listen, trackSockets, withTimeout } from './listen.ts';
import { syncPrefix } from '../sync/topics.ts';

/**
 * Twice the app's own cap on sync messages (src/domain/sync/messages.ts), leaving room
 * for the topic and for other clients of the public API, while one client still cannot
 * make the hub buffer megabytes.
 */
export const MAX_PUBLISH_BYTES = 512 * 1024;

/** Subprotocols MQTT clients offer over WebSocket (MQTT 3.1.1 and 5 use "mqtt"). */
const MQTT_SUBPROTOCOLS = ['mqtt', 'mqttv3.1'];

export interface EmbeddedBrokerOptions {
  readonly host: string;
  /** MQTT over TCP; 0 picks a free port. */
  readonly port: number;
  readonly log: Logger;
  readonly maxPublishBytes?: number;
  /** PEM certificate and key: the TCP listener speaks MQTT over TLS (mqtts). */
  readonly tls?: { readonly cert: string; readonly key: string };
  /** Who may connect and what each client may do; without it the broker is open (tests). */
  readonly access?: BrokerAccess;
  /** What a connection may cost before and after it authenticates (defaults: broker-gate.ts). */
  readonly limits?: Partial<BrokerLimits>;
}

/** The device registry as the broker sees it (src/hub/device-registry.ts). */
export interface BrokerAccess {
  readonly topicPrefix: string;
  authenticate(username: string | undefined, password: string | undefined): Identity | undefined;
  /** Still allowed to be connected (false once revoked). */
  isActive(device: string): boolean;
}

export interface EmbeddedBroker {
  /** The real TCP port. */
  readonly port: number;
  /** Takes over an HTTP upgrade request for MQTT over WebSocket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** A new certificate for the mqtts listener (the store authority issued one). */
  setTls(tls: { readonly cert: string; readonly key: string }): void;
  /** Drops connected clients whose credentials were revoked. */
  dropRevoked(): void;
  /** Connections waiting to authenticate, refusals and the most one connection held. */
  stats(): GateStats;
  /** Disconnects every client, then closes the listeners. */
  close(): Promise<void>;
}

/** Why a publish is refused, or undefined if it may pass. */
export function publishRefusal(
  topic: string,
  payloadBytes: number,
  maxBytes: number,
): string | undefined {
  if (topic.startsWith('$SYS/')) return 'topics under $SYS/ are reserved for the broker';
  if (payloadBytes > maxBytes) {
    return `payload of ${payloadBytes} bytes is over the ${maxBytes}-byte cap`;
  }
  return undefined;
}

/**
 * Why `who` may not publish this on `topic`: topic rights by role, and for sync messages the
 * payload itself (its "from" and every event's author), so a forgery is refused at the door.
 */
export function accessRefusal(
  who: Identity,
  topic: string,
  payload: Buffer | string,
  prefix: string,
): string | undefined {
  if (!mayPublish(who, topic, prefix)) return `a ${who.role} may not publish on ${topic}`;
  if (who.role === 'agent') return undefined;
  if (syncTopicDevice(syncPrefix({ prefix, store: who.store }), topic) === undefined)
    return undefined;
  const text = payload.toString();
  const msg = parseSyncMessage(text, Buffer.byteLength(text));
  if (!msg.ok) return `invalid sync message: ${msg.reason}`;
  if (msg.from !== who.device) return `sync message claims to be from ${msg.from}`;
  if (msg.kind === 'vector') return undefined;
  const checked = checkEventsProvenance(msg.from, msg.events, msg.floors);
  return checked.dropped[0];
}

/** Marks errors we raised ourselves, so they are logged once as a refusal and not again. */
class PublishRefused extends Error {}

/**
 * A CONNECT refused for its credentials. aedes reports it again as a client error; the
 * refusal is logged (once a minute per client) where it is decided, so that one is not.
 */
class CredentialsRefused extends Error {
  readonly returnCode = 4;
  constructor() {
    super('bad user name or password');
  }
}

const CLOSE_TIMEOUT_MS = 3000;

export async function startEmbeddedBroker(opts: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const { log } = opts;
  const maxBytes = opts.maxPublishBytes ?? MAX_PUBLISH_BYTES;
  const access = opts.access;
  const identities = new WeakMap<object, Identity>();
  // a refused device retries (a revoked tablet until it learns so): one line a minute each
  const refusalLogged = createLogThrottle();
  /** Authenticated clients, so a revocation can drop them at once. */
  const connected = new Set<Client>();
  const gate = createBrokerGate(brokerLimits(maxBytes, opts.limits), log);

  const options: AedesOptions = {
    // Device ids make longer client ids than MQTT 3.1's 23 characters.
    maxClientsIdLength: 128,
    connectTimeout: 10_000,
    // A stalled tablet must not block delivery to everybody else.
    drainTimeout: 30_000,
    authenticate(client, username, password, done) {
      if (!access) {
        gate.trust(client.conn, client.id);
        return done(null, true);
      }
      const who = access.authenticate(username, password?.toString());
      // the client id must be the username, so the id in logs and presence is the real one
      if (!who || who.device !== client.id) {
        if (refusalLogged(client.id)) {
          log.warn('broker', `client ${client.id} refused: unknown, wrong or revoked credentials`);
        }
        return done(new CredentialsRefused(), false);
      }
      identities.set(client, who);
      gate.trust(client.conn, client.id);
      // counted from here, not from clientReady: a revocation racing the CONNACK still drops it
      connected.add(client);
      done(null, true);
    },
    authorizeSubscribe(client, sub, done) {
      const who = identities.get(client);
      if (!access || (who && maySubscribe(who, sub.topic, access.topicPrefix))) {
        return done(null, sub);
      }
      log.warn('broker', `subscribe refused for ${client.id} on ${sub.topic}`);
      done(null, null);
    },
    authorizePublish(client, packet, done) {
      let reason = publishRefusal(packet.topic, Buffer.byteLength(packet.payload), maxBytes);
      if (reason === undefined && access && client) {
        const who = identities.get(client);
        reason = who
          ? accessRefusal(who, packet.topic, packet.payload, access.topicPrefix)
          : 'not authenticated';
      }
      if (reason === undefined) {
        done(null);
        return;
      }
      log.warn(
        'broker',
        `publish refused from ${client?.id ?? '(broker)'} on ${packet.topic}: ${reason}`,
      );
      done(new PublishRefused(reason));
    },
  };
  const broker = await Aedes.createBroker(options);

  broker.on('clientReady', (client) => {
    log.info('broker', `client ${client.id} connected`);
  });
  broker.on('clientDisconnect', (client) => {
    connected.delete(client);
    log.info('broker', `client ${client.id} disconnected`);
  });
  broker.on('keepaliveTimeout', (client) => log.warn('broker', `client ${client.id} timed out`));
  broker.on('clientError', (client, err) => {
    if (!(err instanceof PublishRefused) && !(err instanceof CredentialsRefused)) {
      log.warn('broker', `client ${client.id} error: ${err.message}`);
    }
  });
  // a failed TLS handshake or garbage on the port: one line per address and reason a minute
  const connectionErrorLogged = createLogThrottle();
  broker.on('connectionError', (client, err) => {
    const from = gate.addressOf(client.conn) ?? 'an unknown address';
    const reason = (err as { reason?: unknown }).reason;
    const why = typeof reason === 'string' ? reason : err.message;
    if (connectionErrorLogged(`${from} ${why}`)) {
      log.warn('broker', `connection from ${from} refused before CONNECT: ${why}`);
    }
  });

  // TLS is set up here rather than by a tls.Server, so the gate counts a connection (and its
  // deadline runs) from the first byte, the handshake included
  let secureContext = opts.tls ? createSecureContext(opts.tls) : undefined;
  const tcp = createServer((socket: Socket) => {
    const admission = gate.admit(socket.remoteAddress, secureContext ? 'MQTTS' : 'MQTT', () =>
      socket.destroy(),
    );
    if (!admission) return void socket.destroy();
    socket.once('close', () => admission.close());
    socket.on('error', () => undefined); // aedes hears it through the guarded stream
    // each message goes out whole at once: with Nagle's algorithm, a message of several
    // segments waited for the peer's delayed ACK (~40 ms), so a new device's catch-up of a
    // 100x day (1,233 messages, each waiting its acknowledgement) took 56 s instead of 3.6 s
    socket.setNoDelay(true);
    const stream = secureContext
      ? new TLSSocket(socket, { isServer: true, secureContext })
      : socket;
    broker.handle(gate.guard(stream, admission));
  });
  const tcpSockets = trackSockets(tcp);

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxBytes,
    handleProtocols: (offered) => MQTT_SUBPROTOCOLS.find((p) => offered.has(p)) ?? false,
  });

  let port: number;
  try {
    port = await listen(tcp, opts.host, opts.port, 'MQTT');
  } catch (err) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw err;
  }

  return {
    port,
    setTls(tls) {
      if (secureContext) secureContext = createSecureContext(tls);
    },
    handleUpgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      const admission = gate.admit(req.socket.remoteAddress, 'WebSocket', () => socket.destroy());
      if (!admission) {
        socket.end(
          'HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
        );
        return;
      }
      socket.once('close', () => admission.close());
      wss.handleUpgrade(req, socket, head, (ws) => {
        // ws keeps a whole message before handing it on: count the frames as they arrive too
        admission.countRaw(head.length);
        const count = (chunk: Buffer) => admission.countRaw(chunk.length);
        socket.on('data', count);
        broker.handle(gate.guard(createWebSocketStream(ws), admission), req);
      });
    },
    stats: () => gate.stats(),
    dropRevoked() {
      if (!access) return;
      for (const client of connected) {
        if (client.closed) connected.delete(client);
        else if (!access.isActive(client.id)) {
          log.info('broker', `client ${client.id} disconnected: its credentials were revoked`);
          client.close();
        }
      }
    },
    async close() {
      const closing = new Promise<void>((resolve) => broker.close(() => resolve()));
      await withTimeout(closing, CLOSE_TIMEOUT_MS, () =>
        log.warn('broker', 'clients did not disconnect in time; closing anyway'),
      );
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await closeServer(tcp, tcpSockets.destroyAll);
    },
  };
}
