import { createServer, type Server } from 'node:http';
import { connect as tcpConnect, type AddressInfo, type Socket } from 'node:net';
import { connectAsync, type MqttClient } from 'mqtt';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { announce as announcePacket } from '../domain/testing/mqtt-packets.ts';
import { MAX_PUBLISH_BYTES, startEmbeddedBroker, type EmbeddedBroker } from './broker.ts';
import type { BrokerLimits } from './broker-gate.ts';
import { createMemoryLogger, type MemoryLogger } from './log.ts';

const KiB = 1024;
const MB = 1024 * 1024;

/** The fixed header of a packet of `type` announcing `body` bytes, and nothing of the body. */
const announce = (type: number, body: number) => Buffer.from(announcePacket(type, body));

interface Running {
  readonly broker: EmbeddedBroker;
  readonly log: MemoryLogger;
  readonly wsUrl: string;
  readonly http: Server;
}

const open: Running[] = [];
const clients: MqttClient[] = [];
const sockets: (Socket | WebSocket)[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) {
    if (s instanceof WebSocket) s.terminate();
    else s.destroy();
  }
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
  for (const r of open.splice(0)) {
    await r.broker.close();
    await new Promise((resolve) => r.http.close(resolve));
  }
});

/** An open embedded broker (no access rules) with small limits, and /mqtt over WebSocket. */
async function start(limits: Partial<BrokerLimits> = {}): Promise<Running> {
  const log = createMemoryLogger();
  const broker = await startEmbeddedBroker({ host: '127.0.0.1', port: 0, log, limits });
  // as the hub's routeUpgrade does for /mqtt
  const http = createServer((_req, res) => res.end());
  http.on('upgrade', (req, socket, head: Buffer) => broker.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const r = {
    broker,
    log,
    http,
    wsUrl: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/mqtt`,
  };
  open.push(r);
  return r;
}

/** A raw TCP socket to the broker; `closed` resolves when the broker (or anyone) closes it. */
async function raw(r: Running) {
  const socket = tcpConnect(r.broker.port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => {
    const at = performance.now();
    socket.once('close', () => resolve(performance.now() - at));
  });
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, closed };
}

/**
 * Writes `head`, then up to `bytes` of filler as fast as the socket takes it, and never ends
 * the stream (an ended stream would be closed anyway): resolves with what was written before
 * the broker closed the socket.
 */
function stream(socket: Socket | WebSocket, head: Buffer, bytes: number): Promise<number> {
  const chunk = Buffer.alloc(64 * KiB, 0x61);
  let sent = 0;
  return new Promise((resolve) => {
    if (socket instanceof WebSocket) {
      socket.once('close', () => resolve(sent));
      const next = (err?: Error) => {
        if (err || sent >= bytes || socket.readyState !== WebSocket.OPEN) return;
        sent += chunk.length;
        socket.send(chunk, next);
      };
      socket.send(head, next);
      return;
    }
    socket.once('close', () => resolve(sent));
    socket.write(head);
    const pump = () => {
      while (sent < bytes && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

async function openWs(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url, ['mqtt']);
  sockets.push(ws);
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  return ws;
}

async function mqttClient(url: string, clientId: string): Promise<MqttClient> {
  const c = await connectAsync(url, { clientId, reconnectPeriod: 0, connectTimeout: 5000 });
  clients.push(c);
  return c;
}

describe('the broker gate over TCP', () => {
  it('closes a CONNECT announcing 200 MB at its header, before buffering any of it', async () => {
    const r = await start();
    const { socket, closed } = await raw(r);
    const sent = await stream(socket, announce(1, 200 * MB), 8 * MB);
    await closed;
    expect(sent).toBeLessThan(8 * MB);
    const stats = r.broker.stats();
    expect(stats.refused).toEqual({ 'too-large-before-auth': 1 });
    // the refusal came at the header: no byte of the body was held for the broker
    expect(stats.maxReadBeforeAuth).toBeLessThanOrEqual(64 * KiB);
    expect(stats.maxBuffered).toBeLessThanOrEqual(64 * KiB);
    expect(r.log.find('refused')).toEqual([]);
    expect(r.log.find('closed')).toEqual([
      expect.stringMatching(
        /WARN {2}broker {2}MQTT connection from 127\.0\.0\.1 closed: a CONNECT of 209715205 bytes before authentication \(at most 65536 bytes in all\)$/,
      ),
    ]);
    await expect.poll(() => r.broker.stats().pending).toBe(0);
  });

  it('logs one line per kind and address a minute, and counts every refusal', async () => {
    const r = await start();
    for (let i = 0; i < 3; i++) {
      const { socket, closed } = await raw(r);
      socket.write(announce(1, 10 * MB));
      await closed;
    }
    expect(r.broker.stats().refused).toEqual({ 'too-large-before-auth': 3 });
    expect(r.log.find('closed')).toHaveLength(1);
  });

  it('caps unauthenticated connections per address and in all; an authenticated one frees its slot', async () => {
    const r = await start({ maxPendingPerAddress: 3, maxPending: 100 });
    const idle = await Promise.all([raw(r), raw(r), raw(r)]);
    await expect.poll(() => r.broker.stats().pending).toBe(3);
    const fourth = await raw(r);
    await fourth.closed;
    expect(r.log.find('refused')).toEqual([
      expect.stringMatching(
        /MQTT connection from 127\.0\.0\.1 refused: 3 connections from this address are not authenticated yet$/,
      ),
    ]);
    // a real device from the same address gets in once one idle socket is gone
    idle[0].socket.destroy();
    await expect.poll(() => r.broker.stats().pending).toBe(2);
    const device = await mqttClient(`mqtt://127.0.0.1:${r.broker.port}`, 'board-1');
    expect(device.connected).toBe(true);
    expect(r.broker.stats().pending).toBe(2);

    const all = await start({ maxPendingPerAddress: 10, maxPending: 2 });
    await Promise.all([raw(all), raw(all)]);
    await expect.poll(() => all.broker.stats().pending).toBe(2);
    await (
      await raw(all)
    ).closed;
    expect(all.broker.stats().refused).toEqual({ 'too-many-in-all': 1 });
    expect(all.log.find('refused: 2 connections are not authenticated yet')).toHaveLength(1);
  });

  it('closes a socket that does not authenticate by the deadline, even one that sends slowly', async () => {
    const deadline = 300;
    const r = await start({ authDeadlineMs: deadline });
    const silent = await raw(r);
    const slow = await raw(r);
    // a CONNECT that never ends: two bytes of header and a trickle of body
    slow.socket.write(announce(1, 100));
    slow.socket.write(Buffer.alloc(10));
    const device = await mqttClient(`mqtt://127.0.0.1:${r.broker.port}`, 'kiosk-1');
    // the deadline is the broker's own timer: never earlier, whenever the machine gets to it
    expect(await silent.closed).toBeGreaterThanOrEqual(deadline - 5);
    expect(await slow.closed).toBeGreaterThanOrEqual(deadline - 5);
    expect(r.broker.stats().refused).toEqual({ 'auth-deadline': 2 });
    expect(r.log.find(`closed: not authenticated within ${deadline} ms`)).toHaveLength(1);
    // the authenticated device stays
    expect(device.connected).toBe(true);
    await device.publishAsync('x/y', 'still here', { qos: 1 });
    await expect.poll(() => r.broker.stats().pending).toBe(0);
  });

  it('drops an authenticated client whose packet announces more than the cap', async () => {
    const r = await start();
    const device = await mqttClient(`mqtt://127.0.0.1:${r.broker.port}`, 'kiosk-big');
    const closed = new Promise<void>((resolve) => device.once('close', () => resolve()));
    // the client's own socket, as a stolen credential would use it
    const socket = device.stream as Socket;
    const sent = await stream(socket, announce(3, 200 * MB), 8 * MB);
    await closed;
    expect(sent).toBeLessThan(8 * MB);
    const stats = r.broker.stats();
    expect(stats.refused).toEqual({ 'packet-too-large': 1 });
    expect(stats.maxBuffered).toBeLessThanOrEqual(MAX_PUBLISH_BYTES + 64 * KiB);
    expect(r.log.find('closed')).toEqual([
      expect.stringMatching(
        /client kiosk-big \(127\.0\.0\.1\) closed: a PUBLISH of 209715205 bytes \(at most 589824\)$/,
      ),
    ]);
  });

  it('refuses what is not MQTT at its first byte', async () => {
    const r = await start();
    const { socket, closed } = await raw(r);
    socket.write('GET / HTTP/1.1\r\nHost: hub\r\n\r\n');
    await closed;
    expect(r.log.find('closed: the first packet is a')).toHaveLength(1);
  });
});

describe('the broker gate over WebSocket', () => {
  it('closes a CONNECT announcing 200 MB at its header', async () => {
    const r = await start();
    const ws = await openWs(r.wsUrl);
    const sent = await stream(ws, announce(1, 200 * MB), 8 * MB);
    expect(sent).toBeLessThan(8 * MB);
    const stats = r.broker.stats();
    expect(stats.refused).toEqual({ 'too-large-before-auth': 1 });
    expect(stats.maxBuffered).toBeLessThanOrEqual(64 * KiB);
    expect(r.log.find('closed')).toEqual([
      expect.stringMatching(
        /WebSocket connection from 127\.0\.0\.1 closed: a CONNECT of 209715205 bytes before authentication/,
      ),
    ]);
    await expect.poll(() => r.broker.stats().pending).toBe(0);
  });

  it('counts frames before authentication as they arrive, not once a whole message is in', async () => {
    const r = await start();
    const ws = await openWs(r.wsUrl);
    const closed = new Promise((resolve) => ws.once('close', resolve));
    // one 400 KiB message, under ws's maxPayload: ws would keep all of it before handing it on
    ws.send(Buffer.alloc(400 * KiB, 0x10));
    await closed;
    const stats = r.broker.stats();
    expect(stats.refused).toEqual({ 'too-large-before-auth': 1 });
    // the budget, its framing room and at most one socket read past it
    expect(stats.maxReadBeforeAuth).toBeLessThanOrEqual(64 * KiB + 4 * KiB + 64 * KiB);
    expect(r.log.find('bytes of WebSocket frames before authentication')).toHaveLength(1);
  });

  it('caps unauthenticated WebSocket connections per address (503) and closes them at the deadline', async () => {
    const deadline = 300;
    const r = await start({ maxPendingPerAddress: 2, authDeadlineMs: deadline });
    const first = await openWs(r.wsUrl);
    const firstClosed = new Promise((resolve) => first.once('close', resolve));
    await openWs(r.wsUrl);
    await expect(openWs(r.wsUrl)).rejects.toThrow('HTTP 503');
    expect(r.log.find('WebSocket connection from 127.0.0.1 refused: 2 connections')).toHaveLength(
      1,
    );
    await firstClosed;
    expect(r.log.find(`closed: not authenticated within ${deadline} ms`)).toHaveLength(1);
    await expect.poll(() => r.broker.stats().pending).toBe(0);
    // an MQTT client over WebSocket connects, authenticates and stays past the deadline
    const device = await mqttClient(r.wsUrl, 'board-ws');
    const idle = await openWs(r.wsUrl);
    await new Promise((resolve) => idle.once('close', resolve));
    expect(device.connected).toBe(true);
  });
});
