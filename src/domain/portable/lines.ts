import { PortableLogError } from './parse.ts';

/**
 * The longest line a streamed log may hold. A portable event is a few hundred bytes; the cap
 * keeps what one unfinished line can make the reader hold bounded.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a log arriving in chunks of bytes into its lines, as `splitLines` cuts a whole text
 * (LF or CRLF; the text after the last LF is the last line). Lines are cut on bytes, where a
 * LF can never be part of a multi-byte UTF-8 character, so a chunk boundary inside a
 * character costs nothing; bytes that are not UTF-8 read as U+FFFD, as a Buffer's text does.
 * A byte-order mark stays on the first line (LogReader removes it).
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The unfinished line's bytes so far. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private lines = 0;

  constructor(private readonly maxLineBytes = MAX_LINE_BYTES) {}

  /** The lines this chunk finishes; throws PortableLogError for a line over the cap. */
  push(chunk: Uint8Array): string[] {
    const out: string[] = [];
    let start = 0;
    for (let lf = chunk.indexOf(LF); lf >= 0; lf = chunk.indexOf(LF, start)) {
      const tail = chunk.subarray(start, lf);
      if (this.pending.length === 0) {
        // the usual case, a whole line inside the chunk: no copy
        this.check(tail.length);
        out.push(this.finish(tail, true));
      } else {
        this.hold(tail);
        out.push(this.finish(this.joined(), true));
      }
      start = lf + 1;
    }
    if (start < chunk.length) this.hold(chunk.subarray(start));
    return out;
  }

  /** The last line (what follows the last LF, maybe empty), once the log has ended. */
  end(): string {
    return this.finish(this.joined(), false);
  }

  private check(bytes: number): void {
    if (bytes > this.maxLineBytes) {
      throw new PortableLogError(
        this.lines + 1,
        `the line is longer than ${this.maxLineBytes} bytes (a portable event is a few hundred)`,
      );
    }
  }

  private hold(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pendingBytes += bytes.length;
    this.check(this.pendingBytes);
    // a reader may reuse its chunk: keep a copy of what outlives this call
    this.pending.push(bytes.slice());
  }

  private joined(): Uint8Array {
    const bytes = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const p of this.pending) {
      bytes.set(p, at);
      at += p.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    return bytes;
  }

  private finish(bytes: Uint8Array, beforeLf: boolean): string {
    this.lines++;
    // CRLF: the CR belongs to the line break (a CR at the very end stays, as in splitLines)
    const cut = beforeLf && bytes.length > 0 && bytes[bytes.length - 1] === CR ? 1 : 0;
    return this.decoder.decode(bytes.subarray(0, bytes.length - cut));
  }
}
