import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogReader, parseLine, parseLog, PortableLogError, readLog } from './parse.ts';
import { serializeEvent, serializeLog } from './serialize.ts';
import type { PortableEvent } from './types.ts';

const line = (o: Record<string, unknown>): string => JSON.stringify(o);
const issued = (at: string, ticket: string, service = 'advice'): string =>
  line({ at, type: 'ticket.issued', ticket, service, number: 'A001' });

function errorOf(text: string): PortableLogError {
  try {
    parseLog(text);
  } catch (err) {
    if (err instanceof PortableLogError) return err;
    throw err;
  }
  throw new Error('expected a PortableLogError');
}

describe('parsing the portable log', () => {
  it('reads every type, with times as ms', () => {
    const text = [
      line({
        at: '2025-01-06T08:00:00Z',
        type: 'counter.opened',
        counter: 'c1',
        services: ['advice'],
      }),
      issued('2025-01-06T08:00:05.250Z', 't1'),
      line({ at: '2025-01-06T09:01:00+01:00', type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      line({ at: '2025-01-06T08:01:10Z', type: 'ticket.recalled', ticket: 't1', counter: 'c1' }),
      line({ at: '2025-01-06T08:01:20Z', type: 'ticket.started', ticket: 't1', counter: 'c1' }),
      line({
        at: '2025-01-06T08:05:00Z',
        type: 'ticket.transferred',
        ticket: 't1',
        counter: 'c1',
        toService: 'x',
      }),
      line({ at: '2025-01-06T08:06:00Z', type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      line({
        at: '2025-01-06T08:07:00Z',
        type: 'ticket.completed',
        ticket: 't1',
        counter: 'c1',
        extra: 1,
      }),
      issued('2025-01-06T08:08:00Z', 't2'),
      line({ at: '2025-01-06T08:09:00Z', type: 'ticket.cancelled', ticket: 't2' }),
      issued('2025-01-06T08:10:00Z', 't3'),
      line({ at: '2025-01-06T08:11:00Z', type: 'ticket.called', ticket: 't3', counter: 'c1' }),
      line({ at: '2025-01-06T08:12:00Z', type: 'ticket.noShow', ticket: 't3', counter: 'c1' }),
      line({ at: '2025-01-06T08:13:00Z', type: 'counter.closed', counter: 'c1' }),
      '',
    ].join('\n');
    const { events, warnings } = parseLog(text);
    expect(warnings).toEqual([]);
    expect(events.map((e) => e.type)).toEqual([
      'counter.opened',
      'ticket.issued',
      'ticket.called',
      'ticket.recalled',
      'ticket.started',
      'ticket.transferred',
      'ticket.called',
      'ticket.completed',
      'ticket.issued',
      'ticket.cancelled',
      'ticket.issued',
      'ticket.called',
      'ticket.noShow',
      'counter.closed',
    ]);
    expect(events[1]).toEqual({
      at: Date.UTC(2025, 0, 6, 8, 0, 5, 250),
      type: 'ticket.issued',
      ticket: 't1',
      service: 'advice',
      number: 'A001',
    });
    // +01:00 offset
    expect(events[2]!.at).toBe(Date.UTC(2025, 0, 6, 8, 1, 0));
    expect(events[5]).toMatchObject({ toService: 'x' });
  });

  it('names the line of malformed JSON', () => {
    const e = errorOf(
      [issued('2025-01-06T09:00:00Z', 't1'), '', '{"at": "2025-01-06T09:00:00Z", "type":'].join(
        '\n',
      ),
    );
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^line 3: malformed JSON/);
  });

  it('names the line where time goes backwards', () => {
    const e = errorOf(
      [
        issued('2025-01-06T09:00:00Z', 't1'),
        issued('2025-01-06T09:05:00Z', 't2'),
        issued('2025-01-06T09:04:59Z', 't3'),
      ].join('\n'),
    );
    expect(e.message).toBe(
      "line 3: time goes backwards: 2025-01-06T09:04:59.000Z is before the previous line's 2025-01-06T09:05:00.000Z (the log must be ordered by time)",
    );
  });

  it('names the line and the field that is missing or wrong', () => {
    expect(
      errorOf(line({ at: '2025-01-06T09:00:00Z', type: 'ticket.issued', service: 'a' })).message,
    ).toBe('line 1: "ticket" must be a non-empty string, got missing');
    expect(
      errorOf(
        [
          issued('2025-01-06T09:00:00Z', 't1'),
          line({ at: 'yesterday', type: 'ticket.called', ticket: 't1' }),
        ].join('\n'),
      ).message,
    ).toBe('line 2: "at" is not an ISO 8601 time with an offset: "yesterday"');
    expect(
      errorOf(line({ at: '2025-01-06T09:00:00', type: 'counter.closed', counter: 'c' })).message,
    ).toMatch(/^line 1: "at" is not an ISO 8601 time with an offset/);
    expect(
      errorOf(
        line({ at: '2025-01-06T09:00:00Z', type: 'counter.opened', counter: 'c1', services: 'a' }),
      ).message,
    ).toBe('line 1: "services" must be an array of non-empty strings, got "a"');
    expect(errorOf('[1,2]').message).toBe('line 1: expected a JSON object');
    expect(
      errorOf(line({ at: '2025-01-06T09:00:00Z', type: 'ticket.transferred', ticket: 't' }))
        .message,
    ).toBe('line 1: "toService" must be a non-empty string, got missing');
  });

  it('skips with a warning what is safe to skip: unknown types, unknown tickets, repeated issues', () => {
    const { events, warnings } = parseLog(
      [
        issued('2025-01-06T09:00:00Z', 't1'),
        line({ at: '2025-01-06T09:00:01Z', type: 'ticket.teleported', ticket: 't1' }),
        line({ at: '2025-01-06T09:00:02Z', type: 'ticket.called', ticket: 'ghost', counter: 'c1' }),
        issued('2025-01-06T09:00:03Z', 't1'),
        '',
        line({ at: '2025-01-06T09:00:04Z', type: 'ticket.called', ticket: 't1', counter: 'c1' }),
      ].join('\r\n'),
    );
    expect(events.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.called']);
    expect(warnings).toEqual([
      { line: 2, message: 'unknown type "ticket.teleported"; line skipped' },
      {
        line: 3,
        message:
          'ticket.called for unknown ticket "ghost" (never issued in this log); line skipped',
      },
      { line: 4, message: 'ticket "t1" issued twice; line skipped' },
    ]);
  });

  it('reads lazily: a line is parsed only when the next event is asked for', () => {
    let pulled = 0;
    function* lines(): Generator<string> {
      pulled++;
      yield issued('2025-01-06T09:00:00Z', 't1');
      pulled++;
      yield '{broken';
    }
    const it = readLog(lines(), new LogReader());
    expect(it.next().value).toMatchObject({ ticket: 't1' });
    expect(pulled).toBe(1);
    expect(() => it.next()).toThrow('line 2: malformed JSON');
  });

  it('parseLine alone does not judge the order', () => {
    expect(parseLine('   ', 7)).toEqual({ kind: 'blank' });
    expect(parseLine(line({ at: '2025-01-06T09:00:00Z', type: 'x.y' }), 7)).toEqual({
      kind: 'skip',
      message: 'unknown type "x.y"',
    });
  });
});

describe('serializing', () => {
  const id = fc.stringMatching(/^[a-z0-9]{1,6}$/);
  const at = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
  const event: fc.Arbitrary<PortableEvent> = fc.oneof(
    fc.record({
      at,
      type: fc.constant('ticket.issued' as const),
      ticket: id,
      service: id,
      number: id,
    }),
    fc.record({
      at,
      type: fc.constantFrom(
        'ticket.called' as const,
        'ticket.completed' as const,
        'ticket.noShow' as const,
      ),
      ticket: id,
      counter: id,
    }),
    fc.record({ at, type: fc.constant('ticket.cancelled' as const), ticket: id }),
    fc.record({
      at,
      type: fc.constant('ticket.transferred' as const),
      ticket: id,
      counter: id,
      toService: id,
    }),
    fc.record({
      at,
      type: fc.constant('counter.opened' as const),
      counter: id,
      services: fc.array(id, { maxLength: 3 }),
    }),
    fc.record({ at, type: fc.constant('counter.closed' as const), counter: id }),
  );

  it('parseLine(serializeEvent(e)) gives e back', () => {
    fc.assert(
      fc.property(event, (e) => {
        const r = parseLine(serializeEvent(e), 1);
        expect(r).toEqual({ kind: 'event', event: e });
      }),
    );
  });

  it('puts the contract fields first', () => {
    expect(
      serializeLog([{ at: 0, type: 'ticket.issued', ticket: 't', service: 's', number: 'A1' }]),
    ).toBe(
      '{"at":"1970-01-01T00:00:00.000Z","type":"ticket.issued","ticket":"t","service":"s","number":"A1"}\n',
    );
  });
});

describe('priority (extension)', () => {
  it('reads and writes priority on ticket.issued', () => {
    const e = {
      at: 0,
      type: 'ticket.issued' as const,
      ticket: 't',
      service: 's',
      priority: true as const,
    };
    expect(serializeEvent(e)).toBe(
      '{"at":"1970-01-01T00:00:00.000Z","type":"ticket.issued","ticket":"t","service":"s","priority":true}',
    );
    expect(parseLine(serializeEvent(e), 1)).toEqual({ kind: 'event', event: e });
    expect(
      parseLine(
        '{"at":"1970-01-01T00:00:00Z","type":"ticket.issued","ticket":"t","service":"s","priority":false}',
        1,
      ),
    ).toEqual({
      kind: 'event',
      event: { at: 0, type: 'ticket.issued', ticket: 't', service: 's' },
    });
    expect(() =>
      parseLine(
        '{"at":"1970-01-01T00:00:00Z","type":"ticket.issued","ticket":"t","service":"s","priority":"yes"}',
        4,
      ),
    ).toThrow('line 4: "priority" must be true or false when present, got "yes"');
  });
});
