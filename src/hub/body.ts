import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './json-response.ts';

/**
 * The one way the hub reads a request body: at most `maxBytes`, or a 413 naming the limit.
 * A Content-Length over the limit is answered before any of the body is read; a chunked body
 * is answered as soon as it passes the limit. Either way the connection is closed after the
 * answer (Connection: close), so the rest of the body is never read.
 */
export function readBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    answerTooLarge(res, maxBytes);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      stop();
      req.pause();
      answerTooLarge(res, maxBytes);
      resolve(undefined);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    // the client went away: there is nobody to answer
    const onGone = () => {
      stop();
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
  });
}

/** The body passed its limit; a 413 has been answered. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the request body is larger than ${describeBytes(limit)}`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body as it arrives, for a reader that never holds it whole (an import): the same limit
 * and 413 as `readBody`, thrown as BodyTooLargeError once answered. A reader that stops early
 * leaves the request paused, not destroyed, so an answer written meanwhile still goes out.
 */
export async function* bodyChunks(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
): AsyncGenerator<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    answerTooLarge(res, maxBytes);
    throw new BodyTooLargeError(maxBytes);
  }
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const data = chunk as Buffer;
    size += data.length;
    if (size > maxBytes) {
      req.pause();
      answerTooLarge(res, maxBytes);
      throw new BodyTooLargeError(maxBytes);
    }
    yield data;
  }
}

/**
 * Reads and drops the rest of a body a reader stopped early (a bad line), so the client,
 * still sending, reads the answer instead of a reset; at most `maxBytes`, then the connection
 * is closed.
 */
export function discardBody(req: IncomingMessage, maxBytes: number): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let size = 0;
    const done = () => {
      req.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.socket.destroy();
        done();
      }
    };
    req.on('data', onData);
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });
}

/** 413 with a JSON error naming the limit, and the connection closed after it. */
export function answerTooLarge(res: ServerResponse, maxBytes: number): void {
  if (res.headersSent) return void res.destroy();
  const error = `the request body is larger than ${describeBytes(maxBytes)}`;
  sendJson(res, 413, { error, limit: maxBytes }, { Connection: 'close' });
}

function describeBytes(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n >> 20} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n >> 10} KiB`;
  return `${n} bytes`;
}
