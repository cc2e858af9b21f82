import { describe, expect, it } from 'vitest';
import { fold } from '../queue/fold.ts';
import { portableLog } from './from-store.ts';
import { parseLog, PortableLogError } from './parse.ts';
import { PortableToStore } from './to-store.ts';

const LOG = [
  '{"at":"2026-03-02T09:00:00Z","type":"counter.opened","counter":"c1","services":["A"]}',
  '{"at":"2026-03-02T09:00:00Z","type":"ticket.issued","ticket":"t1","service":"A","number":"A001"}',
  '{"at":"2026-03-02T09:01:00Z","type":"ticket.issued","ticket":"t2","service":"A","number":"weird"}',
  '{"at":"2026-03-02T09:05:00Z","type":"ticket.called","ticket":"t1","counter":"c1"}',
  '{"at":"2026-03-02T09:09:00Z","type":"ticket.completed","ticket":"t1","counter":"c1"}',
  '{"at":"2026-03-02T09:10:00Z","type":"ticket.called","ticket":"t2"}',
].join('\n');

describe('portable log into store events', () => {
  it('round-trips: the imported events fold to the same queue and export to the same log', () => {
    const { events } = parseLog(LOG);
    const conv = new PortableToStore('s', 'import-1');
    const stored = events.map((e, i) => conv.convert(e, i + 1));
    expect(stored.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `import-1:${n}`));
    // two lines at the same time keep their order
    expect(stored[0]!.hlc < stored[1]!.hlc).toBe(true);
    const state = fold(stored);
    expect(state.tickets.get('t1')).toMatchObject({ status: 'done', number: 'A001' });
    expect(state.tickets.get('t2')).toMatchObject({
      status: 'called',
      counter: 'imported',
      number: 'X002',
    });
    expect(portableLog(stored).map((e) => e.type)).toEqual(events.map((e) => e.type));
  });

  it('a ticket id the store cannot hold is an error naming the line', () => {
    const { events } = parseLog(
      '{"at":"2026-03-02T09:00:00Z","type":"ticket.issued","ticket":"has space","service":"A"}',
    );
    const conv = new PortableToStore('s', 'import-1');
    expect(() => conv.convert(events[0]!, 7)).toThrow(PortableLogError);
    expect(() => conv.convert(events[0]!, 7)).toThrow(/^line 7: cannot be stored/);
  });
});
