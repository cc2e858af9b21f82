import { describe, expect, it } from 'vitest';
import {
  eventMsgId,
  eventsFilter,
  eventsSubject,
  parseEventsSubject,
  storeFilter,
} from './subjects.ts';

describe('chain subjects', () => {
  it('a store-day subject reads back and falls under the store filter', () => {
    const s = eventsSubject('store-001', '2026-12-06');
    expect(s).toBe('nextup.store-001.events.2026-12-06');
    expect(parseEventsSubject(s)).toEqual({ store: 'store-001', day: '2026-12-06' });
    expect(s.startsWith(storeFilter('store-001').slice(0, -1))).toBe(true);
    expect(eventsFilter()).toBe('nextup.*.events.>');
  });
  it('refuses subjects that are not a store-day of events', () => {
    expect(parseEventsSubject('nextup.store-001.wait.advice')).toBeUndefined();
    expect(parseEventsSubject('other.store-001.events.2026-12-06')).toBeUndefined();
  });
  it('one event has one deduplication id', () => {
    expect(eventMsgId('s', 'kiosk-1', 7)).toBe('s:kiosk-1:7');
  });
});
