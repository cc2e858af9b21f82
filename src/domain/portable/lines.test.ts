import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from './lines.ts';
import { LogReader, parseLog, PortableLogError, splitLines } from './parse.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

/** All the lines of `text` fed to a splitter cut at the given byte offsets. */
function splitAt(text: string | Uint8Array, cuts: readonly number[], max?: number): string[] {
  const all = typeof text === 'string' ? bytes(text) : text;
  const s = new LineSplitter(max);
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...s.push(all.subarray(from, cut)));
    from = cut;
  }
  out.push(...s.push(all.subarray(from)));
  out.push(s.end());
  return out;
}

/** Every way of cutting `text` into two chunks. */
function everyCut(text: string, check: (lines: string[]) => void): void {
  for (let i = 0; i <= bytes(text).length; i++) check(splitAt(text, [i]));
}

describe('cutting a streamed log into lines', () => {
  it('gives the lines splitLines gives, wherever a chunk ends', () => {
    const text = 'a\nbc\r\n\n\r\nd\re\n  \nlast';
    everyCut(text, (lines) => expect(lines).toEqual(splitLines(text)));
  });

  it('keeps a multi-byte character whole when a chunk boundary falls inside it', () => {
    // 2, 3 and 4 bytes in UTF-8: every byte boundary inside them is tried
    const text = '{"ticket":"żółć"}\n{"ticket":"ज़्यादा"}\r\n{"ticket":"😀 مرحبا"}';
    everyCut(text, (lines) => expect(lines).toEqual(splitLines(text)));
    // and one byte at a time
    const all = bytes(text);
    const oneByOne = splitAt(
      all,
      Array.from(all, (_, i) => i),
    );
    expect(oneByOne).toEqual(splitLines(text));
  });

  it('CRLF and LF read the same; a CR not before LF stays in the line', () => {
    expect(splitAt('x\r\ny\nz\r', [2])).toEqual(['x', 'y', 'z\r']);
  });

  it('empty lines, a final newline and an empty log', () => {
    expect(splitAt('\n\nx\n', [1])).toEqual(['', '', 'x', '']);
    expect(splitAt('', [])).toEqual(['']);
  });

  it('keeps a byte-order mark on the first line, for LogReader to remove', () => {
    const lines = splitAt('\uFEFF{"a":1}\n', [1, 2]);
    expect(lines[0]).toBe('\uFEFF{"a":1}');
  });

  it('reads bytes that are not UTF-8 as U+FFFD, as a whole text would', () => {
    const all = new Uint8Array([0x61, 0xff, 0x0a, 0x62]);
    expect(splitAt(all, [2])).toEqual(Buffer.from(all).toString('utf8').split('\n'));
  });

  it('refuses a line over the cap, naming it, whether it comes whole or in pieces', () => {
    const text = 'ok\n' + 'x'.repeat(20) + '\n';
    for (const cuts of [[], [5], [4, 8, 12, 16]]) {
      let err: unknown;
      try {
        splitAt(text, cuts, 16);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PortableLogError);
      expect((err as PortableLogError).message).toMatch(
        /^line 2: the line is longer than 16 bytes/,
      );
    }
    expect(splitAt('x'.repeat(16) + '\n', [3], 16)).toEqual(['x'.repeat(16), '']);
  });

  it('a line not finished by the last chunk is kept across chunks (copied, as readers reuse)', () => {
    const s = new LineSplitter();
    const chunk = bytes('abc');
    expect(s.push(chunk)).toEqual([]);
    chunk.fill(0x7a);
    expect(s.push(bytes('d\ne'))).toEqual(['abcd']);
    expect(s.end()).toBe('e');
  });

  it('any text cut anywhere: the same lines as splitLines (property)', () => {
    const piece = fc.constantFrom('a', 'é', '€', '😀', '\n', '\r\n', '\r', ' ', '{"x":1}');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, raw) => {
          const n = bytes(text).length;
          const cuts = raw.map((c) => (n === 0 ? 0 : c % (n + 1)));
          expect(splitAt(text, cuts)).toEqual(splitLines(text));
        },
      ),
    );
  });

  it('feeds LogReader line numbers that match the text: a broken last line is named', () => {
    const good = '{"at":"2025-01-06T08:00:00Z","type":"counter.closed","counter":"c1"}';
    const text = `${good}\r\n\n${good}\n{"at":`;
    const reader = new LogReader();
    let err: unknown;
    try {
      for (const line of splitAt(text, [10, 70])) reader.next(line);
    } catch (e) {
      err = e;
    }
    expect((err as PortableLogError).line).toBe(4);
    expect((err as PortableLogError).message).toMatch(/^line 4: malformed JSON/);
  });
});

/** A log's outcome read whole: its events and warnings, or the error's message. */
function whole(text: string): unknown {
  try {
    return parseLog(text);
  } catch (err) {
    if (err instanceof PortableLogError) return err.message;
    throw err;
  }
}

/** The same, streamed: cut at `cuts`, each line to a LogReader as it is finished. */
function streamed(text: string, cuts: readonly number[]): unknown {
  const reader = new LogReader();
  const events = [];
  try {
    for (const line of splitAt(text, cuts)) {
      const e = reader.next(line);
      if (e) events.push(e);
    }
  } catch (err) {
    if (err instanceof PortableLogError) return err.message;
    throw err;
  }
  return { events, warnings: reader.warnings };
}

describe('a streamed log reads as the whole text does', () => {
  it('same events, warnings and errors (same line, same message), wherever it is cut', () => {
    const lines = [
      '{"at":"2025-01-06T08:00:00Z","type":"counter.opened","counter":"c1","services":["a"]}',
      '{"at":"2025-01-06T08:00:05Z","type":"ticket.issued","ticket":"t1","service":"a","number":"Ż001"}',
      '{"at":"2025-01-06T08:01:00Z","type":"ticket.called","ticket":"t1","counter":"c1"}',
      '{"at":"2025-01-06T08:01:00Z","type":"ticket.called","ticket":"nope","counter":"c1"}',
      '{"at":"2025-01-06T08:02:00Z","type":"ticket.mystery"}',
      '{"at":"2025-01-06T07:00:00Z","type":"counter.closed","counter":"c1"}',
      '{"at":"2025-01-06T08:03:00Z","type":"counter.closed"',
      '\uFEFF{"at":"2025-01-06T08:03:00Z","type":"counter.closed","counter":"c1"}',
      '',
      '   ',
    ];
    const sep = fc.constantFrom('\n', '\r\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...lines), sep), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (parts, raw) => {
          const text = parts.map(([l, s]) => l + s).join('');
          const n = bytes(text).length;
          const cuts = raw.map((c) => c % (n + 1));
          expect(streamed(text, cuts)).toEqual(whole(text));
        },
      ),
    );
  });
});
