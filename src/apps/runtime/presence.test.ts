import { describe, expect, it } from 'vitest';
import { presencePayload } from '../../sync/topics.ts';
import { parsePresence, PresenceBook } from './presence.ts';

describe('presence book', () => {
  it('keeps the latest state per device, online first, and ignores other topics', () => {
    const book = new PresenceBook('nextup/v1/s/presence/');
    let changes = 0;
    book.subscribe(() => changes++);
    const msg = (device: string, role: string, online: boolean) =>
      JSON.stringify({ device, role, online, at: '2026-03-02T09:00:00.000Z' });
    book.receive('nextup/v1/s/presence/kiosk-1', msg('kiosk-1', 'kiosk', true));
    book.receive('nextup/v1/s/presence/clerk-1', msg('clerk-1', 'clerk', false));
    book.receive('nextup/v1/s/presence/agent-s', msg('agent-s', 'agent', true));
    book.receive('nextup/v1/s/sync/events/x', msg('x', 'kiosk', true));
    book.receive('nextup/v1/s/presence/bad', 'not json');
    expect(book.list().map((e) => [e.device, e.online])).toEqual([
      ['agent-s', true],
      ['kiosk-1', true],
      ['clerk-1', false],
    ]);
    expect(book.list()[0]!.at).toBe(Date.parse('2026-03-02T09:00:00Z'));
    book.receive('nextup/v1/s/presence/kiosk-1', '');
    expect(book.list().map((e) => e.device)).toEqual(['agent-s', 'clerk-1']);
    expect(changes).toBe(4);
  });
});

describe('presence offlineCapable', () => {
  const topic = 'nextup/v1/s/presence/clerk-1';
  const at = Date.parse('2026-03-02T09:00:00Z');

  it('round-trips true and false, and is left out while unknown', () => {
    for (const capable of [true, false]) {
      const payload = presencePayload('clerk-1', 'clerk', true, at, capable);
      expect(parsePresence(topic, payload)).toEqual({
        device: 'clerk-1',
        role: 'clerk',
        online: true,
        at,
        offlineCapable: capable,
      });
    }
    const unknown = presencePayload('clerk-1', 'clerk', true, at);
    expect(JSON.parse(unknown)).toEqual({
      device: 'clerk-1',
      role: 'clerk',
      online: true,
      at: '2026-03-02T09:00:00.000Z',
    });
    expect(parsePresence(topic, unknown)?.offlineCapable).toBeUndefined();
  });

  it('reads messages of older devices and odd values as unknown', () => {
    const odd = JSON.stringify({ online: true, role: 'kiosk', offlineCapable: 'no' });
    expect(parsePresence(topic, odd)?.offlineCapable).toBeUndefined();
  });
});
