import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { decrypt } from 'http_ece';
import {
  createAuthority,
  importKey,
  issueServerCertificate,
  X509Certificate,
} from '../../src/hub/tls/store-authority.ts';

/**
 * A push service on loopback for the hub's Web Push tests (the internet is out of reach), and
 * a browser's side of a subscription: a P-256 key pair and a 16-byte auth secret, so a test
 * decrypts what the hub sent (aes128gcm, RFC 8291) as the phone would.
 */
export interface ReceivedPush {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface PushService {
  readonly url: string;
  /** An agent that trusts this service's certificate (it is https, as push services are). */
  readonly agent: Agent;
  readonly received: ReceivedPush[];
  /** Resolves once `count` pushes arrived in all. */
  until(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Paths under /gone/ answer 410 (the subscription expired); the rest 201. */
export async function startPushService(): Promise<PushService> {
  const received: ReceivedPush[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const now = new Date();
  const ca = await createAuthority('Test push service', now);
  const leaf = await issueServerCertificate(
    new X509Certificate(ca.certPem),
    await importKey(ca.keyPem),
    { dns: ['localhost'], ips: ['127.0.0.1'] },
    now,
  );
  const server: Server = createServer({ cert: leaf.certPem, key: leaf.keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(req.url?.startsWith('/gone/') ? 410 : 201).end();
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    agent: new Agent({ ca: ca.certPem }),
    received,
    until: (count) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface PhoneSubscription {
  readonly json: { endpoint: string; keys: { p256dh: string; auth: string } };
  /** Decrypts a push body sent to this subscription. */
  open(body: Buffer): string;
}

export function phoneSubscription(endpoint: string): PhoneSubscription {
  const ecdh: ECDH = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    json: {
      endpoint,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    },
    open: (body) =>
      decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString('utf8'),
  };
}
