import { describe, expect, it } from 'vitest';
import { httpsOnly, knownPushService, parseSubscription } from './push-port.ts';

const keys = {
  p256dh: Buffer.alloc(65, 4).toString('base64url'),
  auth: Buffer.alloc(16, 1).toString('base64url'),
};
const sub = (endpoint: string) => parseSubscription({ endpoint, keys }, knownPushService);

describe('push subscriptions the hub accepts', () => {
  it('takes the browsers’ push services', () => {
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc',
      'https://updates.push.services.mozilla.com/wpush/v2/abc',
      'https://web.push.apple.com/QGx',
      'https://wns2-par02p.notify.windows.com/w/?token=abc',
    ]) {
      expect(sub(endpoint)?.endpoint).toBe(endpoint);
    }
  });

  it('refuses any other host, plain http, another port, or a look-alike name', () => {
    for (const endpoint of [
      'https://192.168.1.1/admin',
      'https://printer.local/',
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://fcm.googleapis.com:8443/fcm/send/abc',
      'https://fcm.googleapis.com.evil.example/x',
      'https://evilpush.apple.com.example/x',
      'https://push.services.mozilla.com.example/x',
    ]) {
      expect(sub(endpoint)).toBeUndefined();
    }
  });

  it('refuses keys of the wrong size', () => {
    const endpoint = 'https://fcm.googleapis.com/fcm/send/abc';
    expect(parseSubscription({ endpoint, keys: { ...keys, auth: 'AAAA' } }, httpsOnly)).toBe(
      undefined,
    );
  });
});
