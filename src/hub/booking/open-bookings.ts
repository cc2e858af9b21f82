/**
 * The hub's bookings at start: the store's file opened (its folder made), each line it could
 * not read named in the log by file and line (and kept in the file for a person to look at).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenAppendFile } from '../append-file.ts';
import type { Logger } from '../log.ts';
import { displayPath } from '../paths.ts';
import { BOOKINGS_FILE, openBookingStore, type BookingStore } from './booking-store.ts';

export async function openBookings(
  storeDir: string,
  log: Logger,
  openFile?: OpenAppendFile,
): Promise<BookingStore> {
  await mkdir(storeDir, { recursive: true });
  const path = join(storeDir, BOOKINGS_FILE);
  const store = await openBookingStore(path, openFile);
  for (const u of store.unread) {
    log.error(
      'booking',
      `${displayPath(path)} line ${u.line} cannot be read (${u.problem}): that line is left out, every other booking is kept`,
    );
  }
  const live = [...store.bookings.values()].filter((b) => b.status === 'live').length;
  if (store.bookings.size > 0)
    log.info('booking', `${live} live booking${live === 1 ? '' : 's'} loaded`);
  return store;
}
