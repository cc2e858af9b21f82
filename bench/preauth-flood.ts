import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedBroker } from '../src/hub/broker.ts';
import { DeviceRegistry } from '../src/hub/device-registry.ts';
import type { Logger } from '../src/hub/log.ts';
import { writeMosquittoFiles } from '../src/hub/mosquitto-config.ts';
import { startMosquitto } from '../test/support/mosquitto.ts';
import { floodConnect, processMemory } from '../test/support/preauth-flood.ts';

/**
 * The embedded broker under an unauthenticated flood (issue 15, "memory before login"): N raw
 * TCP sockets each send a CONNECT announcing --mb MB and then stream that body as fast as the
 * broker reads it. The broker runs in a child process so its memory is its own; the parent
 * samples the child's RSS every 50 ms and prints the baseline, the peak and the figure a few
 * seconds after every socket closed.
 *
 * With --mosquitto the target is Mosquitto run with the files `nextup mosquitto-config` writes
 * (its peak is the kernel's VmHWM); --without-packet-limit drops their max_packet_size line,
 * to show what that line prevents.
 *
 *   node --import tsx bench/preauth-flood.ts [--connections 16] [--mb 255] [--ws]
 *   node --import tsx bench/preauth-flood.ts --mosquitto [--without-packet-limit]
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
} else if (process.argv.includes('--mosquitto')) {
  await floodMosquitto(arg('--connections', 16), arg('--mb', 255));
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
      floodConnect(overWs ? httpPort : port, mb * 1024 * 1024, overWs),
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

async function floodMosquitto(connections: number, mb: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nextup-flood-data-'));
  const aclDir = mkdtempSync(join(tmpdir(), 'nextup-flood-acl-'));
  await writeMosquittoFiles(
    new DeviceRegistry({ dataDir, store: 'store-001' }),
    'nextup/v1',
    aclDir,
  );
  const limited = !process.argv.includes('--without-packet-limit');
  if (!limited) {
    const conf = join(aclDir, 'mosquitto.conf');
    writeFileSync(conf, readFileSync(conf, 'utf8').replace(/^max_packet_size .*\n/m, ''));
  }
  const mosquitto = await startMosquitto({ aclDir });
  const before = processMemory(mosquitto.pid);
  const started = performance.now();
  const sent = await Promise.all(
    Array.from({ length: connections }, () => floodConnect(mosquitto.mqttPort, mb * 1024 * 1024)),
  );
  const allClosedMs = Math.round(performance.now() - started);
  const after = processMemory(mosquitto.pid);
  await mosquitto.stop();
  const MiB = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
  console.log(
    `Mosquitto ${limited ? 'with' : 'WITHOUT'} max_packet_size, ${connections} TCP CONNECTs ` +
      `announcing ${mb} MB each: RSS ${MiB(before.rss)} before, peak ${MiB(after.peak)}; ` +
      `sockets closed after ${allClosedMs} ms having sent ${MiB(Math.min(...sent))} to ${MiB(Math.max(...sent))} each`,
  );
}
