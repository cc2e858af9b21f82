import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './http-app.ts';

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

/** 413 with a JSON error naming the limit, and the connection closed after it. */
export function answerTooLarge(res: ServerResponse, maxBytes: number): void {
  if (res.headersSent) return void res.destroy();
  const text = JSON.stringify({
    error: `the request body is larger than ${describeBytes(maxBytes)}`,
    limit: maxBytes,
  });
  res.writeHead(413, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(text);
}

function describeBytes(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n >> 20} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n >> 10} KiB`;
  return `${n} bytes`;
}
