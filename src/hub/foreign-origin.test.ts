import { describe, expect, it } from 'vitest';
import { foreignRefusal } from './foreign-origin.ts';

const names = { dns: ['hub.test', 'localhost'], ips: ['127.0.0.1', '192.0.2.4', '::1'] };
const req = (method: string, headers: Record<string, string>) => ({ method, headers });

describe('requests from a foreign site', () => {
  it('lets the hub own names and addresses change state', () => {
    expect(foreignRefusal(req('POST', { host: 'hub.test:8080' }), names)).toBeUndefined();
    expect(foreignRefusal(req('POST', { host: '[::1]:8080' }), names)).toBeUndefined();
    expect(
      foreignRefusal(
        req('POST', { host: '192.0.2.4:8080', origin: 'https://hub.test:8080' }),
        names,
      ),
    ).toBeUndefined();
  });

  it('refuses another Host or Origin (DNS rebinding), and an opaque origin', () => {
    expect(foreignRefusal(req('POST', { host: 'attacker.example' }), names)).toMatch(
      /^Host "attacker.example"/,
    );
    expect(
      foreignRefusal(req('POST', { host: 'hub.test', origin: 'http://attacker.example' }), names),
    ).toMatch(/^Origin "http:\/\/attacker.example"/);
    expect(foreignRefusal(req('DELETE', { host: 'hub.test', origin: 'null' }), names)).toMatch(
      /^Origin "null"/,
    );
    expect(foreignRefusal(req('POST', {}), names)).toMatch(/^Host ""/);
  });

  it('leaves reads alone unless asked (the WebSocket upgrade is checked too)', () => {
    expect(foreignRefusal(req('GET', { host: 'attacker.example' }), names)).toBeUndefined();
    expect(
      foreignRefusal(req('GET', { host: 'hub.test', origin: 'https://evil.test' }), names, true),
    ).toMatch(/^Origin/);
  });
});
