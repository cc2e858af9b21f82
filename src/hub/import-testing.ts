/** Portable logs of a given size, for the import's tests and its benchmark. */
import { serializeEvent } from '../domain/portable/serialize.ts';
import type { PortableEvent } from '../domain/portable/types.ts';

const START = Date.parse('2025-01-06T08:00:00Z');
const SERVICES = ['advice', 'returns', 'pickup'] as const;

/**
 * A valid log of at least `bytes` bytes (LF-ended lines): tickets issued every 20 s, each
 * called and completed at one of three counters; it runs over as many days as it needs.
 */
export function* portableLogChunks(bytes: number, chunkBytes = 1 << 20): Generator<Buffer> {
  let size = 0;
  let text = '';
  for (let i = 0; size + text.length < bytes; i++) {
    const at = START + i * 20_000;
    const ticket = `t${i}`;
    const counter = `c${(i % 3) + 1}`;
    const events: PortableEvent[] = [
      {
        at,
        type: 'ticket.issued',
        ticket,
        service: SERVICES[i % 3]!,
        number: `A${1000 + (i % 9000)}`,
      },
      { at: at + 5_000, type: 'ticket.called', ticket, counter },
      { at: at + 15_000, type: 'ticket.completed', ticket, counter },
    ];
    // times stay in order: the next ticket is issued after this one is done
    for (const e of events) text += serializeEvent(e) + '\n';
    if (text.length >= chunkBytes) {
      const b = Buffer.from(text);
      size += b.length;
      text = '';
      yield b;
    }
  }
  if (text !== '') yield Buffer.from(text);
}

/** The last line of a log cut in the middle of its JSON, as a broken upload leaves it. */
export const BROKEN_LAST_LINE = Buffer.from('{"at":"2099-01-01T00:00:00Z","type":"ticket.iss');
