/**
 * The hub's bookings, every day's: an append-only JSON Lines file in the store's data folder
 * (bookings.jsonl), one record a line (domain/booking/bookings.ts), written and flushed to the
 * disk before the customer is answered. Changes are decided and written one at a time, so two
 * customers never take the last place of a slot together. A line that cannot be read (a torn
 * write, a hand edit) is named by file and line in the hub's log and left in the file; every
 * other line still counts.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  applyBookingRecord,
  type Booking,
  type BookingRecord,
  type Bookings,
} from '../../domain/booking/bookings.ts';
import type { BookingDecision } from '../../domain/booking/decide.ts';
import { BOOKING_CODE } from '../../domain/queue/events.ts';
import { openAppendFile, type AppendFile, type OpenAppendFile } from '../append-file.ts';

export const BOOKINGS_FILE = 'bookings.jsonl';

export interface UnreadLine {
  readonly line: number;
  readonly problem: string;
}

export interface BookingStore {
  readonly bookings: Bookings;
  /** Lines of the file that could not be read at start (each logged by the caller). */
  readonly unread: readonly UnreadLine[];
  /**
   * Decides on the bookings as they are and, when the decision gives a record, writes it
   * (flushed) and applies it. One change at a time; resolves to what `decide` returned.
   */
  change(decide: (bookings: Bookings) => BookingDecision): Promise<BookingDecision>;
  /**
   * Leaves the customer's name out of the bookings `pick` chooses (the retention job), in the
   * file too: rewritten beside it and renamed over it, so a crash leaves the old file or the
   * new one; lines that cannot be read stay as they are. Resolves to how many it changed.
   */
  forgetNames(pick: (b: Booking) => boolean): Promise<number>;
  close(): Promise<void>;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** A record read back, or why not. */
export function parseRecord(text: string): BookingRecord | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'not JSON (a write cut short?)';
  }
  if (typeof v !== 'object' || v === null) return 'not a booking record';
  const r = v as Record<string, unknown>;
  if (!isText(r.id) || !isTime(r.t)) return 'a record needs an id and a time';
  if (r.type === 'cancelled') return { type: 'cancelled', id: r.id, t: r.t };
  if (!isText(r.service) || !isTime(r.at)) return 'a booking needs a service and a slot';
  if (r.type === 'moved') return { type: 'moved', id: r.id, service: r.service, at: r.at, t: r.t };
  if (r.type !== 'booked') return `unknown record type ${JSON.stringify(r.type)}`;
  if (typeof r.code !== 'string' || !BOOKING_CODE.test(r.code) || !isText(r.key)) {
    return 'a booking needs its six-digit code and key';
  }
  return {
    type: 'booked',
    id: r.id,
    service: r.service,
    at: r.at,
    code: r.code,
    key: r.key,
    t: r.t,
    ...(typeof r.name === 'string' ? { name: r.name } : {}),
    ...(typeof r.lang === 'string' ? { lang: r.lang } : {}),
  };
}

async function readRecords(
  path: string,
): Promise<{ records: BookingRecord[]; unread: UnreadLine[] }> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const records: BookingRecord[] = [];
  const unread: UnreadLine[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const r = parseRecord(line);
    if (typeof r === 'string') unread.push({ line: i + 1, problem: r });
    else records.push(r);
  });
  return { records, unread };
}

export async function openBookingStore(
  path: string,
  openFile: OpenAppendFile = openAppendFile,
): Promise<BookingStore> {
  const { records, unread } = await readRecords(path);
  const bookings = new Map<string, Booking>();
  for (const r of records) applyBookingRecord(bookings, r);
  let file: AppendFile = await openFile(path);
  // a last line cut short stays its own line: the next record starts on a fresh one
  const size = await file.size();
  let needsNewline = size > 0 && (await file.read(size - 1, 1)).toString() !== '\n';
  let queue: Promise<unknown> = Promise.resolve();

  async function write(record: BookingRecord): Promise<void> {
    const line = `${needsNewline ? '\n' : ''}${JSON.stringify(record)}\n`;
    try {
      await file.append(Buffer.from(line, 'utf8'));
    } catch (err) {
      // part of the line may be in the file: the next record starts on a fresh line
      needsNewline = true;
      throw err;
    }
    needsNewline = false;
    await file.sync();
  }

  /** One change at a time: a booking, or the file rewritten without names. */
  function inTurn<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  async function forget(pick: (b: Booking) => boolean): Promise<number> {
    const ids = new Set([...bookings.values()].filter((b) => b.name && pick(b)).map((b) => b.id));
    if (ids.size === 0) return 0;
    await file.close();
    try {
      const text = await readFile(path, 'utf8');
      await replaceFile(path, withoutNames(text, ids));
    } finally {
      file = await openFile(path);
    }
    for (const id of ids) {
      bookings.set(id, omitName(bookings.get(id)!));
    }
    return ids.size;
  }

  return {
    bookings,
    unread,
    change(decide) {
      return inTurn(async () => {
        const decided = decide(bookings);
        if (decided.ok) {
          await write(decided.record);
          applyBookingRecord(bookings, decided.record);
        }
        return decided;
      });
    },
    forgetNames(pick) {
      return inTurn(() => forget(pick));
    },
    async close() {
      await queue.catch(() => undefined);
      await file.close();
    },
  };
}

/** The file's text with the names of `ids` left out; every other line exactly as it was. */
export function withoutNames(text: string, ids: ReadonlySet<string>): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      const r = parseRecord(line);
      if (typeof r === 'string' || r.type !== 'booked' || !r.name || !ids.has(r.id)) return line;
      return JSON.stringify(omitName(r));
    })
    .join('\n');
}

function omitName<T extends { readonly name?: string }>(x: T): T {
  const copy: { name?: string } = { ...x };
  delete copy.name;
  return copy as T;
}

async function replaceFile(path: string, text: string): Promise<void> {
  const tmp = `${path}.rewrite.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
