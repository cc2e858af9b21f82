import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  phoneSubscription,
  startPushService,
  type PushService,
} from '../../../test/support/push-service.ts';
import { createWebPushSender, generateVapidKeys } from './web-push-sender.ts';

/** The hub's sender against a push service on loopback: encrypted for the phone, signed. */
describe('the Web Push sender', () => {
  let service: PushService;
  const keys = generateVapidKeys('mailto:manager@store.example');
  let sender: ReturnType<typeof createWebPushSender>;

  beforeAll(async () => {
    service = await startPushService();
    sender = createWebPushSender(keys, service.agent);
  });
  afterAll(() => service.close());

  it('sends an aes128gcm payload only the phone can read, with a VAPID signature', async () => {
    const phone = phoneSubscription(`${service.url}/push/abc`);
    const payload = JSON.stringify({ title: 'Ticket A007: 2 people ahead of you.' });
    expect(await sender.send(phone.json, payload)).toEqual({ ok: true });
    const [push] = service.received;
    expect(push?.path).toBe('/push/abc');
    expect(push?.headers['content-encoding']).toBe('aes128gcm');
    expect(push?.headers['ttl']).toBe('900');
    expect(push?.headers['authorization']).toMatch(
      new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${keys.publicKey}$`),
    );
    expect(push!.body.toString('utf8')).not.toContain('A007');
    expect(phone.open(push!.body)).toBe(payload);
    // another phone's keys cannot read it
    expect(() => phoneSubscription('x').open(push!.body)).toThrow();
  });

  it('tells a subscription the push service forgot (410) from other failures', async () => {
    const gone = phoneSubscription(`${service.url}/gone/1`);
    expect(await sender.send(gone.json, '{}')).toEqual({
      ok: false,
      gone: true,
      reason: 'push service answered 410',
    });
    const nobody = phoneSubscription('https://127.0.0.1:9/push');
    const refused = await sender.send(nobody.json, '{}');
    expect(refused).toMatchObject({ ok: false, gone: false });
  });
});
