import { open } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { wallOf } from '../domain/clock/hlc.ts';
import { LineSplitter } from '../domain/portable/lines.ts';
import { LogReader, type LogWarning } from '../domain/portable/parse.ts';
import { PortableToStore } from '../domain/portable/to-store.ts';
import { dayKey } from '../domain/queue/day.ts';
import type { StoreEvent } from '../domain/queue/events.ts';

/** How far an import has got: bytes of the log checked, then bytes of events written. */
export interface ImportProgress {
  readonly phase: 'checking' | 'writing';
  readonly bytes: number;
  /** The bytes the phase will handle in all, when known (an upload may not say). */
  readonly total: number | undefined;
  readonly events: number;
}

/** A log checked in full and its store events staged on disk, one JSON line each. */
export interface Staged {
  readonly events: number;
  readonly lines: number;
  /** Bytes of the staging file. */
  readonly bytes: number;
  readonly days: readonly string[];
  readonly warnings: readonly LogWarning[];
  readonly skipped: number;
}

/** The most work done between two turns of the event loop. */
export const SLICE_BYTES = 16 * 1024;
/** Warnings kept to show; the rest are only counted. */
const MAX_WARNINGS = 100;

export interface StageOptions {
  readonly storeId: string;
  readonly timeZone: string;
  readonly device: string;
  /** Where the staged events go (a file of its own, removed by the caller). */
  readonly path: string;
  readonly totalBytes?: number;
  readonly onProgress?: (p: ImportProgress) => void;
}

/**
 * The first pass of an import: the log is read as it arrives, each line parsed, checked and
 * made a store event (a bad line throws PortableLogError naming it), and the events are
 * appended to a staging file, so memory holds one slice of the log (and the ticket ids seen)
 * rather than the log. The event loop gets a turn after every slice: the hub keeps answering
 * its devices during a long import.
 */
export async function stageLog(source: AsyncIterable<Uint8Array>, opts: StageOptions) {
  const splitter = new LineSplitter();
  const reader = new LogReader(MAX_WARNINGS);
  const conv = new PortableToStore(opts.storeId, opts.device);
  const days = new Set<string>();
  let events = 0;
  let bytesIn = 0;
  let bytesOut = 0;
  const file = await open(opts.path, 'w');
  try {
    const take = async (lines: readonly string[]) => {
      let out = '';
      for (const text of lines) {
        const p = reader.next(text);
        if (!p) continue;
        const e: StoreEvent = conv.convert(p, reader.lines);
        days.add(dayKey(wallOf(e.hlc), opts.timeZone));
        out += JSON.stringify(e) + '\n';
        events++;
      }
      if (out !== '') {
        const data = Buffer.from(out);
        await file.write(data);
        bytesOut += data.length;
      }
    };
    for await (const chunk of source) {
      for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
        const slice = chunk.subarray(at, at + SLICE_BYTES);
        await take(splitter.push(slice));
        bytesIn += slice.length;
        opts.onProgress?.({ phase: 'checking', bytes: bytesIn, total: opts.totalBytes, events });
        await nextTurn();
      }
    }
    await take([splitter.end()]);
  } finally {
    await file.close();
  }
  const staged: Staged = {
    events,
    lines: reader.lines,
    bytes: bytesOut,
    days: [...days].sort(),
    warnings: reader.warnings,
    skipped: reader.skipped,
  };
  return staged;
}
