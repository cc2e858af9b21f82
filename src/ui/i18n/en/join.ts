import type { Message } from '../message.ts';

/** Joining the line from a phone (/join), checking in, and the entrance poster. */
export const enJoin = {
  'join.title': 'Join the line at {store}',
  'join.intro': 'Choose what you need. No app, no account.',
  'join.name.label': 'Your first name (optional)',
  'join.name.hint': 'So we can greet you by name.',
  'join.joining': 'One moment…',
  'join.checkInNote': 'Tap “I’m here” when you arrive.',
  'join.notOffered':
    'This store does not take tickets from phones. Please take one at the kiosk in the store.',
  'join.error.phoneHasTicket': 'This phone already has a ticket in line.',
  'join.openTicket': 'Open my ticket',
  'join.error.addressLimit':
    'Many tickets were just taken from this network. Please try again at {time}, or take one at the kiosk.',
  'join.error.serviceHourFull':
    'All phone tickets for this service are taken for now. Please try again at {time}, or take one at the kiosk.',
  'join.error.other': 'Sorry, that did not work. Please try again.',
  'join.error.offline': 'We cannot reach the store right now. Please try again.',
  'join.here': 'I’m here',
  'join.here.due':
    'Tap “I’m here” once you are in the store, by {time}, or your place is given up.',
  'join.here.done': 'Thank you, you are checked in.',
  'join.here.notInStore':
    'Please connect to the store’s Wi-Fi and tap again, or type your number at the kiosk.',
  'join.here.failed': 'That did not work. Please try again or ask a member of staff.',
  'join.dropped.noCheckIn':
    'You did not check in in time, so your place was given up. You are welcome to join again.',
  'join.dropped.closed': 'The line closed for today before your turn. Sorry for the wait.',
  'join.poster.title': 'Join the line from your phone',
  'join.poster.scan': 'Scan the code, choose what you need, and we will call your number.',
} as const satisfies Record<string, Message>;
