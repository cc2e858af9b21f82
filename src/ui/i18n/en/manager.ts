import type { Message } from '../message.ts';

export const enManager = {
  'manager.title': 'Manager',
  'manager.alerts.title': 'Calls for a manager',
  'manager.alerts.count': {
    '=0': 'Nobody is waiting for you',
    one: '{count} call waiting',
    other: '{count} calls waiting',
  },
  'manager.alerts.none': 'No open calls. A clerk’s call appears here at once.',
  'manager.alert.counterUnknown': 'A counter',
  'manager.alert.ticket': 'Ticket {number}',
  'manager.alert.walkIn': 'Walk-in customer',
  'manager.alert.step': 'Was at: {step}',
  'manager.alert.since': 'called at {time}',
  'manager.alert.waited': 'waiting {duration}',
  'manager.alert.noReason': 'No reason given',
  'manager.alert.acknowledge': 'I’m on my way',
  'manager.handled.title': 'Answered',
  'manager.handled.at': 'answered at {time}',
  'manager.error': 'That did not work. Please try again.',
} as const satisfies Record<string, Message>;
