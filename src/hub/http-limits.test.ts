import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuietHub, type QuietHub } from './hub-testing.ts';

/**
 * Every endpoint that reads a request body answers 413 before reading past its limit, and
 * closes the connection so the rest is never read (issue 15: a 1 GiB body to the
 * unauthenticated enrollment was read whole before a 400).
 */
let q: QuietHub;
let manager: string;

beforeAll(async () => {
  // an agent with an (empty) history, so the import endpoint gets as far as the body
  const history = {
    days: () => Promise.resolve([]),
    readDay: () => Promise.resolve([]),
    appendRemote: () => Promise.resolve(),
    rewriteDay: () => Promise.resolve(0),
  };
  q = await startQuietHub({ agent: () => Promise.resolve({ close: async () => {}, history }) });
  const m = q.hub.registry.enroll({ role: 'manager', trusted: true });
  manager = `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`;
});

afterAll(async () => {
  await q.close();
});

const TICKET = 'a'.repeat(26);
const ENDPOINTS = [
  { path: '/api/devices/enroll', limit: 4096, auth: false },
  { path: '/api/devices/codes', limit: 4096, auth: true },
  { path: '/api/devices/revoke', limit: 4096, auth: true },
  { path: '/api/devices/name', limit: 4096, auth: true },
  { path: `/api/track/${TICKET}/cancel`, limit: 1024, auth: false },
  { path: '/api/reports/import', limit: 512 * 1024 * 1024, auth: true },
] as const;

interface Answer {
  readonly status: number;
  readonly body: unknown;
  /** The hub closed the connection after answering. */
  readonly closed: Promise<void>;
  /** Body bytes this client had written when the answer came. */
  readonly sentBefore: number;
}

/**
 * A POST by hand: `declared` sends only a Content-Length header (and no body); otherwise a
 * chunked body of 1 KiB chunks, written one after the other, never finished, until the hub
 * answers. Resolves with the first answer.
 */
function post(
  path: string,
  opts: { auth: boolean; declared?: number; chunkedUpTo?: number },
): Promise<Answer> {
  const { port } = new URL(q.hub.httpUrl);
  const socket: Socket = connect(Number(port), '127.0.0.1');
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/json',
    ...(opts.auth ? [`Authorization: ${manager}`] : []),
    opts.declared !== undefined ? `Content-Length: ${opts.declared}` : 'Transfer-Encoding: chunked',
  ];
  let sent = 0;
  let answered = false;
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (answered || end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
      if (text.length < end + 4 + length) return;
      answered = true;
      const body = text.slice(end + 4, end + 4 + length);
      resolve({
        status: Number(text.slice(9, 12)),
        body: JSON.parse(body) as unknown,
        closed,
        sentBefore: sent,
      });
    });
    closed.then(() => {
      if (!answered) reject(new Error(`closed without an answer after ${sent} bytes`));
    }, reject);
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    if (opts.chunkedUpTo === undefined) return;
    const chunk = `400\r\n${'x'.repeat(1024)}\r\n`;
    const next = () => {
      if (answered || socket.destroyed || sent >= opts.chunkedUpTo!) return;
      sent += 1024;
      socket.write(chunk, next);
    };
    next();
  });
}

describe('HTTP body limits', () => {
  it.each(ENDPOINTS)(
    '$path answers 413 to a Content-Length over $limit without waiting for the body',
    async ({ path, limit, auth }) => {
      // the body never comes: an answer at all proves none of it was waited for
      const a = await post(path, { auth, declared: limit + 1 });
      expect(a.status).toBe(413);
      expect(a.body).toMatchObject({ limit });
      expect((a.body as { error: string }).error).toMatch(/^the request body is larger than/);
      await a.closed;
    },
  );

  it('answers a 1 GiB enrollment at once', async () => {
    const a = await post('/api/devices/enroll', { auth: false, declared: 1 << 30 });
    expect(a.body).toEqual({ error: 'the request body is larger than 4 KiB', limit: 4096 });
  });

  it.each(ENDPOINTS.filter((e) => e.limit <= 4096))(
    '$path answers 413 to a chunked body once it passes $limit, and closes',
    async ({ path, limit, auth }) => {
      // the body is never finished: an answer proves the hub did not wait for its end
      const a = await post(path, { auth, chunkedUpTo: 1024 * 1024 });
      expect(a.status).toBe(413);
      expect(a.body).toMatchObject({ limit });
      await a.closed;
    },
  );

  it('still reads a body under the limit', async () => {
    const res = await fetch(`${q.hub.httpUrl}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'board', hint: 'x'.repeat(3000) }),
    });
    expect(res.status).toBe(200);
  });
});
