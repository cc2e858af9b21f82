import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startQuietHub, type QuietHub } from './hub-testing.ts';

const open: QuietHub[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close()));
});

async function hub(host?: string): Promise<QuietHub> {
  // plain HTTP on the store network: these tests are about who may enroll, not about TLS
  const q = await startQuietHub(host !== undefined ? { host, plainHttp: true } : {});
  open.push(q);
  return q;
}

/** The hub's address from this machine (a wildcard host is reached on loopback). */
const base = (q: QuietHub) => q.hub.httpUrl;

async function post(q: QuietHub, path: string, body: unknown, auth?: string) {
  const res = await fetch(`${base(q)}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * A POST from another address of this machine (Linux answers all of 127.0.0.0/8 on loopback):
 * the hub sees a different remote address without any seam in its code.
 */
function postFrom(q: QuietHub, localAddress: string, path: string, body: unknown) {
  const { port } = new URL(base(q));
  const text = JSON.stringify(body);
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
      },
      (res) => {
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (answer += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(answer) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const basic = (id: unknown, pw: unknown) =>
  `Basic ${Buffer.from(`${String(id)}:${String(pw)}`).toString('base64')}`;

describe('device enrollment over HTTP', () => {
  it('a hub on loopback enrolls a device from this machine without a code, with a role-prefixed id', async () => {
    const q = await hub();
    const r = await post(q, '/api/devices/enroll', { role: 'clerk', hint: 'clerk' });
    expect(r.status).toBe(200);
    expect(r.body.deviceId).toMatch(/^clerk-[0-9a-f]{8}$/);
    expect(q.hub.registry.authenticate(String(r.body.username), String(r.body.password))).toEqual({
      role: 'clerk',
      store: 'store-001',
      device: r.body.deviceId,
    });
    // the agent and trackers are made by the hub, never enrolled from outside
    expect((await post(q, '/api/devices/enroll', { role: 'agent' })).status).toBe(403);
    expect((await post(q, '/api/devices/enroll', { role: 'tracker' })).status).toBe(403);
  });

  it('a hub on the network wants a one-time pairing code of the right role', async () => {
    const q = await hub('0.0.0.0');
    const refused = await post(q, '/api/devices/enroll', { role: 'kiosk' });
    expect(refused).toEqual({
      status: 403,
      body: { error: 'a pairing code from the manager is needed' },
    });
    const { code } = q.hub.registry.createPairingCode('kiosk');
    const wrongRole = await post(q, '/api/devices/enroll', { role: 'manager', code });
    expect(wrongRole.body.error).toBe('the pairing code is for a kiosk, not a manager');
    const ok = await post(q, '/api/devices/enroll', { role: 'kiosk', code, hint: 'kiosk-2' });
    expect(ok.status).toBe(200);
    expect(ok.body.deviceId).toMatch(/^kiosk-2-[0-9a-f]{8}$/);
    const again = await post(q, '/api/devices/enroll', { role: 'kiosk', code });
    expect(again.body.error).toBe('the pairing code is unknown, used or expired');
    // a proposed id that someone already holds is not handed over
    const taken = q.hub.registry.createPairingCode('kiosk');
    const hijack = await post(q, '/api/devices/enroll', {
      role: 'kiosk',
      code: taken.code,
      deviceId: ok.body.deviceId,
    });
    expect(hijack.body.deviceId).not.toBe(ok.body.deviceId);
  });

  it('pauses after too many wrong codes', async () => {
    const q = await hub('0.0.0.0');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (await post(q, '/api/devices/enroll', { role: 'kiosk', code: `X${i}` })).status,
      );
    }
    expect(statuses.slice(0, 20).every((s) => s === 403)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('pauses only the address that guessed: others still enroll, with a code or from loopback', async () => {
    const q = await hub('0.0.0.0');
    for (let i = 0; i < 20; i++) {
      const r = await postFrom(q, '127.0.0.2', '/api/devices/enroll', {
        role: 'kiosk',
        code: `X${i}`,
      });
      expect(r.status).toBe(403);
    }
    const { code } = q.hub.registry.createPairingCode('kiosk');
    expect(
      (await postFrom(q, '127.0.0.2', '/api/devices/enroll', { role: 'kiosk', code })).status,
    ).toBe(429);
    // the same valid code from another address of the store network
    const other = await postFrom(q, '127.0.0.3', '/api/devices/enroll', { role: 'kiosk', code });
    expect(other.status).toBe(200);
    expect(q.log.find('enrollment from 127.0.0.2 paused')).toHaveLength(1);
    // twenty refusals, one log line
    expect(q.log.find('enrollment refused from 127.0.0.2')).toHaveLength(1);

    // a hub on loopback: an attacker's wrong codes do not stop this machine enrolling
    const local = await hub();
    for (let i = 0; i < 21; i++) {
      await postFrom(local, '127.0.0.2', '/api/devices/enroll', { role: 'kiosk', code: 'X' });
    }
    expect((await post(local, '/api/devices/enroll', { role: 'clerk' })).status).toBe(200);
  });

  it('lists, makes codes and revokes only for a manager', async () => {
    const q = await hub();
    const clerk = await post(q, '/api/devices/enroll', { role: 'clerk' });
    const manager = await post(q, '/api/devices/enroll', { role: 'manager' });
    const asManager = basic(manager.body.username, manager.body.password);
    const asClerk = basic(clerk.body.username, clerk.body.password);

    expect((await fetch(`${base(q)}/api/devices`)).status).toBe(401);
    expect(
      (await fetch(`${base(q)}/api/devices`, { headers: { Authorization: asClerk } })).status,
    ).toBe(403);
    const list = (await (
      await fetch(`${base(q)}/api/devices`, { headers: { Authorization: asManager } })
    ).json()) as { devices: { id: string; hash?: string }[]; dropped: object };
    expect(list.devices.map((d) => d.id)).toContain(clerk.body.deviceId);
    expect(list.devices.every((d) => d.hash === undefined)).toBe(true);

    const code = await post(q, '/api/devices/codes', { role: 'board' }, asManager);
    expect(code.body.code).toMatch(/^[A-Z2-9]{8}$/);
    expect((await post(q, '/api/devices/codes', { role: 'board' }, asClerk)).status).toBe(403);

    const itself = await post(q, '/api/devices/revoke', { id: manager.body.deviceId }, asManager);
    expect(itself).toEqual({
      status: 409,
      body: { error: 'a manager device cannot revoke itself' },
    });
    expect(q.hub.registry.get(String(manager.body.deviceId))?.revoked).toBe(false);

    const revoked = await post(q, '/api/devices/revoke', { id: clerk.body.deviceId }, asManager);
    expect(revoked.status).toBe(200);
    expect(
      q.hub.registry.authenticate(String(clerk.body.username), String(clerk.body.password)),
    ).toBeUndefined();
    expect(q.log.find(`revoked ${String(clerk.body.deviceId)}`)).toHaveLength(1);
  });

  it('tells a refused manager it is the first one only while the store has no manager', async () => {
    const q = await hub('0.0.0.0');
    const first = await post(q, '/api/devices/enroll', { role: 'manager' });
    expect(first).toEqual({
      status: 403,
      body: {
        error:
          'the store has no manager yet: use the first-manager link the hub printed when it started',
        firstManager: true,
      },
    });
    // another role is told to ask a manager, whether or not there is one yet
    expect((await post(q, '/api/devices/enroll', { role: 'kiosk' })).body.firstManager).toBe(
      undefined,
    );
    const { code } = q.hub.registry.createPairingCode('manager');
    expect((await post(q, '/api/devices/enroll', { role: 'manager', code })).status).toBe(200);
    const second = await post(q, '/api/devices/enroll', { role: 'manager' });
    expect(second).toEqual({
      status: 403,
      body: { error: 'a pairing code from the manager is needed' },
    });
  });

  it('names a device for a manager only, and the name survives a restart and re-pairing', async () => {
    const q = await hub();
    const kiosk = await post(q, '/api/devices/enroll', { role: 'kiosk' });
    const manager = await post(q, '/api/devices/enroll', { role: 'manager' });
    const asManager = basic(manager.body.username, manager.body.password);
    const asKiosk = basic(kiosk.body.username, kiosk.body.password);
    const id = String(kiosk.body.deviceId);

    expect((await post(q, '/api/devices/name', { id, name: 'Door' }, asKiosk)).status).toBe(403);
    expect((await post(q, '/api/devices/name', { id, name: 3 }, asManager)).status).toBe(400);
    expect(
      (await post(q, '/api/devices/name', { id: 'nobody', name: 'x' }, asManager)).status,
    ).toBe(404);
    const named = await post(
      q,
      '/api/devices/name',
      { id, name: ' Kiosk by\nthe door ' },
      asManager,
    );
    expect(named).toEqual({ status: 200, body: { id, name: 'Kiosk by the door' } });
    const list = (await (
      await fetch(`${base(q)}/api/devices`, { headers: { Authorization: asManager } })
    ).json()) as { devices: { id: string; name?: string }[] };
    expect(list.devices.find((d) => d.id === id)?.name).toBe('Kiosk by the door');

    // revoked and paired again as the same device: the name stays
    await post(q, '/api/devices/revoke', { id }, asManager);
    const { code } = q.hub.registry.createPairingCode('kiosk');
    const again = await post(q, '/api/devices/enroll', { role: 'kiosk', code, deviceId: id });
    expect(again.body.deviceId).toBe(id);
    expect(q.hub.registry.get(id)?.name).toBe('Kiosk by the door');

    await q.hub.close();
    const { DeviceRegistry } = await import('./device-registry.ts');
    const reopened = new DeviceRegistry({ dataDir: q.data.path, store: 'store-001' });
    expect(reopened.get(id)?.name).toBe('Kiosk by the door');
    // '' clears it
    expect(await reopened.nameSaved(id, '')).toBe(true);
    expect(reopened.get(id)?.name).toBeUndefined();
    expect(
      new DeviceRegistry({ dataDir: q.data.path, store: 'store-001' }).get(id),
    ).not.toHaveProperty('name');
  });

  it('keeps enrolled devices across a restart of the hub (the data folder)', async () => {
    const q = await hub();
    const e = await post(q, '/api/devices/enroll', { role: 'board' });
    await q.hub.close();
    const { DeviceRegistry } = await import('./device-registry.ts');
    const again = new DeviceRegistry({ dataDir: q.data.path, store: 'store-001' });
    expect(again.authenticate(String(e.body.username), String(e.body.password))?.role).toBe(
      'board',
    );
  });
});

describe('listening beyond loopback', () => {
  it('refuses an external broker on the network without --broker-acl', async () => {
    await expect(
      startQuietHub({
        host: '0.0.0.0',
        brokerUrl: 'mqtt://127.0.0.1:1',
        brokerWsUrl: 'ws://127.0.0.1:2',
      }),
    ).rejects.toThrow(/--host 0\.0\.0\.0 with an external broker needs --broker-acl <dir>/);
  });
});
