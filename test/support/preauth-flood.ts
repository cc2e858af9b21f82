import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { announce } from '../../src/domain/testing/mqtt-packets.ts';

/**
 * One attacker socket that never logs in: a CONNECT announcing `bodyBytes`, then that body as
 * fast as the broker reads it (over a raw WebSocket upgrade on `/mqtt` when `overWs`).
 * Resolves with the bytes it got to write before the broker closed the socket.
 */
export function floodConnect(port: number, bodyBytes: number, overWs = false): Promise<number> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let sent = 0;
    let open = true;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      open = false;
      resolve(sent);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const frame = (payload: Buffer): Buffer => (overWs ? wsFrame(payload) : payload);
    const pump = () => {
      while (open && sent < bodyBytes) {
        sent += chunk.length;
        if (!socket.write(frame(chunk))) return void socket.once('drain', pump);
      }
      if (open) socket.end();
    };
    const start = () => {
      socket.write(frame(Buffer.from(announce(1, bodyBytes))));
      pump();
    };
    if (!overWs) return void socket.once('connect', start);
    socket.once('connect', () =>
      socket.write(
        'GET /mqtt HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' +
          'Sec-WebSocket-Protocol: mqtt\r\n\r\n',
      ),
    );
    let answer = '';
    const onHandshake = (data: Buffer) => {
      answer += data.toString('latin1');
      if (!answer.includes('\r\n\r\n')) return;
      socket.off('data', onHandshake);
      if (answer.startsWith('HTTP/1.1 101')) start();
      else socket.destroy();
    };
    socket.on('data', onHandshake);
  });
}

/** A masked binary WebSocket frame, as a client must send. */
function wsFrame(payload: Buffer): Buffer {
  const n = payload.length;
  const head = Buffer.alloc(10);
  head[0] = 0x82;
  let at = 2;
  if (n < 126) head[1] = 0x80 | n;
  else if (n < 65536) {
    head[1] = 0x80 | 126;
    head.writeUInt16BE(n, 2);
    at = 4;
  } else {
    head[1] = 0x80 | 127;
    head.writeBigUInt64BE(BigInt(n), 2);
    at = 10;
  }
  // an all-zero mask leaves the payload as it is
  return Buffer.concat([head.subarray(0, at), Buffer.alloc(4), payload]);
}

/** A process's resident memory now and its peak so far (Linux: /proc/<pid>/status), bytes. */
export function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
}
