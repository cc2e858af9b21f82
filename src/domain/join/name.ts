/** The first name a customer may leave on a phone ticket: one short line, nothing more. */
import { MAX_NAME_LENGTH } from '../queue/events.ts';

/**
 * The name as the ticket records it: spaces collapsed and trimmed, control characters and
 * line breaks refused. undefined: no name given; null: not acceptable (too long, odd text).
 */
export function cleanName(raw: unknown): string | undefined | null {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name === '') return undefined;
  return name.length <= MAX_NAME_LENGTH ? name : null;
}
