import { describe, expect, it } from 'vitest';
import { nextNumber } from '../queue/numbering.ts';
import { LogCore } from '../sync/log-core.ts';
import { AGENT_POLICY } from '../sync/protocol/policy.ts';
import { ev, testStore } from '../testing/store.ts';

/**
 * "The numbering starts again the next day": the live queue holds the store day's tickets
 * only, so the morning after a day that ended at A005 a kiosk hands out its first number again
 * (and a daily cap counts from zero).
 */
describe('a new store day', () => {
  it('starts the numbers again at the bottom of the kiosk range', () => {
    const service = testStore.services[0]!;
    const range = testStore.kiosks[0]!.range;
    const evening = Date.UTC(2026, 11, 7, 19);
    const core = new LogCore('agent-test', 'test-store', testStore.store.timeZone, 2, AGENT_POLICY);
    core.refold(evening);
    for (let i = 1; i <= 5; i++) {
      const next = nextNumber(core.state, service, range);
      if (!next) throw new Error('range used up');
      const e = ev('kiosk-1', i, evening + i * 1000, {
        type: 'ticket.issued',
        ticket: `t${i}`,
        service: service.id,
        number: next.number,
        n: next.n,
      });
      core.log.add(e);
      core.applyInOrder([e], evening + 10_000);
    }
    expect(nextNumber(core.state, service, range)?.n).toBe(range.from + 5);

    const morning = Date.UTC(2026, 11, 8, 8);
    expect(core.dayChanged(morning)).toBe(true);
    core.refold(morning);
    expect(core.state.tickets.size).toBe(0);
    expect(nextNumber(core.state, service, range)?.n).toBe(range.from);
  });
});
