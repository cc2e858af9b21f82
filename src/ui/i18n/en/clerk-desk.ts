import type { Message } from '../message.ts';

/**
 * The clerk tablet's handover, note, PIN keypad and closing check. A staff module translated
 * into every language the store offers, as clerks may read any of them.
 */
export const enClerkDesk = {
  'desk.close.title': 'Close {counter}?',
  'desk.close.stranded': 'No other open counter serves these customers:',
  'desk.close.service': '{service}: {count} waiting',
  'desk.close.confirm': 'Close anyway',
  'desk.close.keep': 'Keep open',
  'desk.pin.delete': 'Delete',
  'desk.pin.entered': 'PIN digits entered: {count}',
  'desk.transfer.title': 'Hand {number} over',
  'desk.transfer.toService': 'Another service',
  'desk.transfer.toCounter': 'A counter',
  'desk.transfer.toColleague': 'A colleague',
  'desk.transfer.colleague': '{name} ({counter})',
  'desk.transfer.reason': 'Why? The next clerk reads this.',
  'desk.transfer.send': 'Hand over',
  'desk.transfer.cancel': 'Cancel',
  'desk.handover.from': 'From {who}: {reason}',
  'desk.handover.fromNoReason': 'From {who}',
  'desk.handover.forYou': 'handed to you',
  'desk.note.label': 'Note on this visit',
  'desk.note.save': 'Save note',
  'desk.note.saved': 'Note saved',
  'desk.error.counterClosed':
    'That counter or colleague is not at an open counter now. Choose another.',
  'desk.note.shown': 'Note: {note}',
} as const satisfies Record<string, Message>;
