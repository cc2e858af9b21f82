import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { portableLog } from './from-store.ts';
import { parseLog } from './parse.ts';
import { serializeLog } from './serialize.ts';

describe('export of the replicated log', () => {
  it('orders by the fold order and keeps what the contract needs', () => {
    const t = Date.UTC(2025, 0, 6, 9);
    const events = [
      ev('clerk-1', 2, t + 5000, { type: 'ticket.called', ticket: 'k1', counter: 'c1' }),
      ev('kiosk-1', 1, t + 1000, {
        type: 'ticket.issued',
        ticket: 'k1',
        service: 'advice',
        number: 'A001',
        n: 1,
      }),
      ev('clerk-1', 1, t, { type: 'counter.opened', counter: 'c1', services: ['advice'] }),
      ev('clerk-1', 3, t + 9000, {
        type: 'ticket.transferred',
        ticket: 'k1',
        counter: 'c1',
        toService: 'returns',
      }),
    ];
    const log = portableLog(events);
    expect(log).toEqual([
      { at: t, type: 'counter.opened', counter: 'c1', services: ['advice'] },
      { at: t + 1000, type: 'ticket.issued', ticket: 'k1', service: 'advice', number: 'A001' },
      { at: t + 5000, type: 'ticket.called', ticket: 'k1', counter: 'c1' },
      {
        at: t + 9000,
        type: 'ticket.transferred',
        ticket: 'k1',
        counter: 'c1',
        toService: 'returns',
      },
    ]);
    expect(parseLog(serializeLog(log))).toEqual({ events: log, warnings: [] });
  });
});
