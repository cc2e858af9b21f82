import { Socket, connect as tcpConnect } from 'node:net';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_PUBLISH_BYTES, publishRefusal } from './broker.ts';
import { startQuietHub, type QuietHub } from './hub-testing.ts';

const quiet: IClientOptions = { reconnectPeriod: 0, connectTimeout: 5000 };

describe('publishRefusal', () => {
  it('lets ordinary publishes pass', () => {
    expect(publishRefusal('nextup/v1/store-001/calls', 200, MAX_PUBLISH_BYTES)).toBeUndefined();
    expect(publishRefusal('x', MAX_PUBLISH_BYTES, MAX_PUBLISH_BYTES)).toBeUndefined();
  });

  it('refuses oversize payloads and $SYS topics', () => {
    expect(publishRefusal('x', MAX_PUBLISH_BYTES + 1, MAX_PUBLISH_BYTES)).toBe(
      'payload of 524289 bytes is over the 524288-byte cap',
    );
    expect(publishRefusal('$SYS/x', 1, MAX_PUBLISH_BYTES)).toBe(
      'topics under $SYS/ are reserved for the broker',
    );
  });
});

describe('the embedded broker', () => {
  let q: QuietHub;
  const clients: MqttClient[] = [];

  /** An enrolled device: its id starts with its role ("board-1"), as the hub requires. */
  const connect = async (url: string, clientId: string) => {
    const role = clientId.split('-')[0] as 'kiosk' | 'board' | 'clerk';
    const e = q.hub.registry.enroll({ role, deviceId: clientId, trusted: true });
    const c = await connectAsync(url, {
      ...quiet,
      clientId: e.deviceId,
      username: e.username,
      password: e.password,
    });
    clients.push(c);
    return c;
  };

  /** Gathers, as they arrive, the payloads received on `topic`. */
  const collect = (client: MqttClient, topic: string) => {
    const got: Buffer[] = [];
    client.on('message', (t, payload) => {
      if (t === topic) got.push(payload);
    });
    return got;
  };

  beforeAll(async () => {
    q = await startQuietHub();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
  });

  afterAll(async () => {
    await q.close();
  });

  it('reports where it listens', () => {
    expect(q.hub.mqttUrl).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
    expect(q.hub.wsUrl).toBe(`${q.hub.httpUrl.replace('http:', 'ws:')}/mqtt`);
    expect(q.agent.started[0]?.brokerUrl).toBe(q.hub.mqttUrl);
  });

  it('carries a message from a TCP client to a WebSocket client and back', async () => {
    const tcp = await connect(q.hub.mqttUrl, 'kiosk-1');
    const ws = await connect(q.hub.wsUrl, 'board-1');
    const fromTcp = 'nextup/v1/store-001/presence/kiosk-1';
    const fromWs = 'nextup/v1/store-001/presence/board-1';
    const atWs = collect(ws, fromTcp);
    const atTcp = collect(tcp, fromWs);
    await ws.subscribeAsync('nextup/v1/store-001/presence/+', { qos: 1 });
    await tcp.subscribeAsync('nextup/v1/store-001/presence/+', { qos: 1 });

    await tcp.publishAsync(fromTcp, '{"online":true}', { qos: 1 });
    await expect.poll(() => atWs.map(String)).toEqual(['{"online":true}']);

    await ws.publishAsync(fromWs, '{"online":false}', { qos: 1 });
    await expect.poll(() => atTcp.map(String)).toContain('{"online":false}');

    expect(q.log.find('client kiosk-1 connected')).toHaveLength(1);
    expect(q.log.find('client board-1 connected')).toHaveLength(1);
  });

  it('sends each message at once: no Nagle delay on the sockets it accepts (TCP_NODELAY)', async () => {
    // with Nagle's algorithm, a message of several segments waited for the client's delayed
    // ACK; a new device's catch-up of a 100x day took 56 s (bench/growth.ts)
    const spy = vi.spyOn(Socket.prototype, 'setNoDelay');
    let client: MqttClient;
    let set: { port: number | undefined; on: boolean | undefined }[];
    try {
      client = await connect(q.hub.mqttUrl, 'kiosk-nodelay');
      set = (spy.mock.contexts as Socket[]).map((socket, i) => ({
        port: socket.remotePort,
        on: spy.mock.calls[i]?.[0],
      }));
    } finally {
      spy.mockRestore();
    }
    const local = (client.stream as Socket).localPort;
    expect(set).toContainEqual({ port: local, on: true });
  });

  it('speaks the mqtt WebSocket subprotocol', async () => {
    const ws = new WebSocket(q.hub.wsUrl, ['mqtt']);
    const protocol = await new Promise<string>((resolve, reject) => {
      ws.once('open', () => resolve(ws.protocol));
      ws.once('error', reject);
    });
    ws.terminate();
    expect(protocol).toBe('mqtt');
  });

  it('refuses WebSocket upgrades on other paths', async () => {
    const ws = new WebSocket(q.hub.wsUrl.replace('/mqtt', '/other'), ['mqtt']);
    const status = await new Promise<number>((resolve) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(-1));
    });
    expect(status).toBe(404);
  });

  it('refuses a publish over the cap, drops the sender and delivers nothing', async () => {
    const reader = await connect(q.hub.mqttUrl, 'board-reader');
    const topic = 'nextup/v1/store-001/presence/board-flooder';
    const okTopic = 'nextup/v1/store-001/presence/board-sender-ok';
    const got = collect(reader, okTopic);
    const flooded = collect(reader, topic);
    await reader.subscribeAsync('nextup/v1/store-001/presence/+');

    const sender = await connect(q.hub.mqttUrl, 'board-flooder');
    const closed = new Promise<void>((resolve) => sender.once('close', () => resolve()));
    sender.publish(topic, Buffer.alloc(MAX_PUBLISH_BYTES + 1, 'x'));
    await closed;

    await expect
      .poll(() => q.log.find('publish refused'))
      .toEqual([
        expect.stringMatching(
          /WARN {2}broker {2}publish refused from board-flooder on nextup\/v1\/store-001\/presence\/board-flooder: payload of 524289 bytes is over the 524288-byte cap$/,
        ),
      ]);
    // the refusal is one line, not also a client error
    expect(q.log.find('client board-flooder error')).toEqual([]);

    // a payload under the cap still passes
    const ok = await connect(q.hub.mqttUrl, 'board-sender-ok');
    await ok.publishAsync(okTopic, Buffer.alloc(300 * 1024, 'y'), { qos: 1 });
    await expect.poll(() => got.map((b) => b.length)).toEqual([300 * 1024]);
    expect(flooded).toEqual([]);
  });

  it('drops a WebSocket client that sends a frame over the cap', async () => {
    const sender = await connect(q.hub.wsUrl, 'board-ws-flooder');
    const closed = new Promise<void>((resolve) => sender.once('close', () => resolve()));
    sender.publish('nextup/v1/store-001/big', Buffer.alloc(MAX_PUBLISH_BYTES + 1, 'x'));
    await closed;
    await expect
      .poll(() => q.log.find('client board-ws-flooder error'))
      .toEqual([
        expect.stringMatching(/client board-ws-flooder error: Max payload size exceeded$/),
      ]);
  });

  it('closes an unauthenticated CONNECT announcing 200 MB at its header, on TCP and on /mqtt', async () => {
    // fixed header: CONNECT, remaining length 200 MiB as a varint (issue 15)
    const header = Buffer.from([0x10, 0x80, 0x80, 0x80, 0x64]);
    const body = Buffer.alloc(64 * 1024);
    const tcp = tcpConnect(Number(new URL(q.hub.mqttUrl).port), '127.0.0.1');
    tcp.on('error', () => undefined);
    const tcpClosed = new Promise((resolve) => tcp.once('close', resolve));
    tcp.write(header);
    // keeps sending until the hub closes it, never ending the stream itself
    const pump = () => {
      while (!tcp.destroyed) if (!tcp.write(body)) return void tcp.once('drain', pump);
    };
    pump();
    await tcpClosed;

    const ws = new WebSocket(q.hub.wsUrl, ['mqtt']);
    ws.on('error', () => undefined);
    const wsClosed = new Promise((resolve) => ws.once('close', resolve));
    ws.once('open', () => {
      const send = (err?: Error) => {
        if (!err && ws.readyState === WebSocket.OPEN) ws.send(body, send);
      };
      ws.send(header, send);
    });
    await wsClosed;
    expect(q.log.find('bytes before authentication')).toEqual([
      expect.stringMatching(
        /MQTT connection from 127\.0\.0\.1 closed: a CONNECT of 209715205 bytes/,
      ),
      expect.stringMatching(
        /WebSocket connection from 127\.0\.0\.1 closed: a CONNECT of 209715205/,
      ),
    ]);
  });

  it('logs disconnects by client id', async () => {
    const c = await connect(q.hub.mqttUrl, 'clerk-7');
    await c.endAsync();
    await expect.poll(() => q.log.find('client clerk-7 disconnected')).toHaveLength(1);
  });
});
