import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes, type AedesOptions } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { Logger } from './log.ts';
import { closeServer, listen, trackSockets, withTimeout } from './listen.ts';

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
}

export interface EmbeddedBroker {
  /** The real TCP port. */
  readonly port: number;
  /** Takes over an HTTP upgrade request for MQTT over WebSocket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
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

/** Marks errors we raised ourselves, so they are logged once as a refusal and not again. */
class PublishRefused extends Error {}

const CLOSE_TIMEOUT_MS = 3000;

export async function startEmbeddedBroker(opts: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const { log } = opts;
  const maxBytes = opts.maxPublishBytes ?? MAX_PUBLISH_BYTES;

  const options: AedesOptions = {
    // Device ids make longer client ids than MQTT 3.1's 23 characters.
    maxClientsIdLength: 128,
    connectTimeout: 10_000,
    // A stalled tablet must not block delivery to everybody else.
    drainTimeout: 30_000,
    authorizePublish(client, packet, done) {
      const reason = publishRefusal(packet.topic, Buffer.byteLength(packet.payload), maxBytes);
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

  broker.on('clientReady', (client) => log.info('broker', `client ${client.id} connected`));
  broker.on('clientDisconnect', (client) => log.info('broker', `client ${client.id} disconnected`));
  broker.on('keepaliveTimeout', (client) => log.warn('broker', `client ${client.id} timed out`));
  broker.on('clientError', (client, err) => {
    if (!(err instanceof PublishRefused)) {
      log.warn('broker', `client ${client.id} error: ${err.message}`);
    }
  });
  broker.on('connectionError', (_client, err) => {
    log.warn('broker', `connection refused before CONNECT: ${err.message}`);
  });

  const tcp = createServer((socket) => broker.handle(socket));
  const tcpSockets = trackSockets(tcp);

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxBytes,
    handleProtocols: (offered) => MQTT_SUBPROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
  wss.on('connection', (ws, req) => {
    broker.handle(createWebSocketStream(ws), req);
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
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
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
