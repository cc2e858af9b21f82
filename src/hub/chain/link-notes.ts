/**
 * The store link's lines in the hub's log: one readable line per notable event (link up, link
 * down, caught up, a refused publish with its reason), never one per event sent.
 */
import type { LinkNote } from '../../domain/chain/link-messages.ts';
import type { Logger } from '../log.ts';

const events = (n: number): string => `${n} event${n === 1 ? '' : 's'}`;

export function describeNote(n: LinkNote, server: string, log: Logger): void {
  switch (n.note) {
    case 'up':
      return log.info('chain', `chain link up: connected to ${server}`);
    case 'down':
      return log.warn(
        'chain',
        `chain link down (${server}): ${events(n.waiting)} waiting on the hub's disk; the store keeps serving`,
      );
    case 'caughtUp':
      return log.info('chain', `chain caught up: ${events(n.count)} acknowledged, none waiting`);
    case 'refused':
      return log.warn(
        'chain',
        `chain refused a publish: ${n.reason}; ${events(n.waiting)} waiting, retrying`,
      );
  }
}
