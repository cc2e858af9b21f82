/** Ids the hub gives what customers hold (tickets from a phone, bookings): never guessable. */
import { randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A ticket id nobody can guess (as the kiosk's): 16 random bytes in lower-case base32. */
export function newTicketId(): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of randomBytes(16)) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out + BASE32[(buffer << (5 - bits)) & 31];
}
