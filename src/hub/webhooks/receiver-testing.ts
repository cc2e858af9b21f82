import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DELIVERY_HEADER, SIGNATURE_HEADER } from '../../domain/webhooks/signature.ts';
import { verifyWebhook } from './sign.ts';

/**
 * A webhook receiver on 127.0.0.1 for tests and the bench: answers as told ('ok', 'fail' with
 * a 500, or 'hang': never), checks every signature, and records what came and when.
 */
export type ReceiverMode = 'ok' | 'fail' | 'hang';

export interface Received {
  readonly delivery: string;
  readonly body: string;
  readonly signed: boolean;
  /** What it answered: the delivery counts as arrived only when 'ok'. */
  readonly mode: ReceiverMode;
  readonly at: number;
}

export interface Receiver {
  readonly url: string;
  mode: ReceiverMode;
  /** The secret signatures are checked with (set once the endpoint is registered). */
  secret: string;
  readonly received: Received[];
  /** Resolves once `pred` holds over what was received (checked after each request). */
  until(pred: (received: readonly Received[]) => boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(secret = ''): Promise<Receiver> {
  const hung = new Set<ServerResponse>();
  const waiters: { pred: (r: readonly Received[]) => boolean; done: () => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) {
      if (w.pred(receiver.received)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done();
      }
    }
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = String(req.headers[SIGNATURE_HEADER.toLowerCase()] ?? '');
      const mode = receiver.mode;
      receiver.received.push({
        delivery: String(req.headers[DELIVERY_HEADER.toLowerCase()] ?? ''),
        body,
        signed: verifyWebhook(receiver.secret, header, body, Math.floor(Date.now() / 1000)),
        mode,
        at: Date.now(),
      });
      if (mode === 'hang') hung.add(res);
      else res.writeHead(mode === 'ok' ? 204 : 500).end();
      check();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hook`,
    mode: 'ok',
    secret,
    received: [],
    until: (pred) =>
      new Promise<void>((done) => {
        waiters.push({ pred, done });
        check();
      }),
    close: async () => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
  return receiver;
}

/** The deliveries the receiver accepted, first arrival of each, in arrival order. */
export function arrived(received: readonly Received[]): Received[] {
  const seen = new Set<string>();
  return received.filter((r) => {
    if (r.mode !== 'ok' || seen.has(r.delivery)) return false;
    seen.add(r.delivery);
    return true;
  });
}
