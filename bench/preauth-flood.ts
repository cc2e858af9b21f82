import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startEmbeddedBroker } from '../src/hub/broker.ts';
import type { Logger } from '../src/hub/log.ts';

/**
 * The embedded broker under an unauthenticated flood (issue 15, "memory before login"): N raw
 * TCP sockets each send a CONNECT announcing --mb MB and then stream that body as fast as the
 * broker reads it. The broker runs in a child process so its memory is its own; the parent
 * samples the child's RSS every 50 ms and prints the baseline, the peak and the figure a few
 * seconds after every socket closed.
 *
 *   node --import tsx bench/preauth-flood.ts [--connections 16] [--mb 255] [--ws]
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

type ToParent =
  | { type: 'ready'; port: number; httpPort: number }
  | { type: 'rss'; rss: number }
  | { type: 'stats'; stats: unknown };

if (process.argv.includes('--serve')) {
  const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };
  const broker = await startEmbeddedBroker({
    host: '127.0.0.1',
    port: 0,
    log: quiet,
    // nobody gets in: the flood is all before authentication
    access: { topicPrefix: 'nextup/v1', authenticate: () => undefined, isActive: () => false },
  });
  const http = createServer((_req, res) => res.end());
  http.on('upgrade', (req, socket, head) => broker.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const send = (m: ToParent): void => void process.send?.(m);
  send({
    type: 'ready',
    port: broker.port,
    httpPort: typeof address === 'object' && address ? address.port : 0,
  });
  process.on('message', (m: string) => {
    if (m === 'rss') send({ type: 'rss', rss: process.memoryUsage().rss });
    if (m === 'stats') send({ type: 'stats', stats: broker.stats() });
    if (m === 'close') process.exit(0);
  });
} else {
  const connections = arg('--connections', 16);
  const mb = arg('--mb', 255);
  const overWs = process.argv.includes('--ws');
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx'],
  });
  const next = <T extends ToParent['type']>(type: T) =>
    new Promise<Extract<ToParent, { type: T }>>((resolve) => {
      const on = (m: ToParent) => {
        if (m.type !== type) return;
        child.off('message', on);
        resolve(m as Extract<ToParent, { type: T }>);
      };
      child.on('message', on);
    });
  const rss = async () => {
    const reply = next('rss');
    child.send('rss');
    return (await reply).rss;
  };
  const { port, httpPort } = await next('ready');
  const baseline = await rss();
  let peak = baseline;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rss());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const started = performance.now();
  const sent = await Promise.all(
    Array.from({ length: connections }, () =>
      flood(overWs ? httpPort : port, mb * 1024 * 1024, overWs),
    ),
  );
  const allClosedMs = Math.round(performance.now() - started);
  await new Promise((r) => setTimeout(r, 3000));
  sampling = false;
  await sampler;
  const after = await rss();
  const stats = next('stats');
  child.send('stats');
  const { stats: gate } = await stats;
  child.send('close');
  const MiB = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
  console.log(
    `${connections} ${overWs ? 'WebSocket' : 'TCP'} CONNECTs announcing ${mb} MB each: ` +
      `broker RSS ${MiB(baseline)} before, peak ${MiB(peak)}, ${MiB(after)} 3 s after; ` +
      `sockets closed after ${allClosedMs} ms having sent ${MiB(Math.min(...sent))} to ${MiB(Math.max(...sent))} each`,
  );
  console.log('broker gate:', JSON.stringify(gate));
}

/** The MQTT remaining-length varint of `n`. */
function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

/** One attacker socket; resolves with the bytes it got to send before the broker closed it. */
function flood(port: number, bodyBytes: number, overWs: boolean): Promise<number> {
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
      socket.write(frame(Buffer.concat([Buffer.from([0x10]), varint(bodyBytes)])));
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
    if (overWs) socket.on('data', onHandshake);
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
