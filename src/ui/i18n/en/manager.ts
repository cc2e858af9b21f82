import type { Message } from '../message.ts';

export const enManager = {
  'manager.poster.open': 'Join poster',
  'manager.poster.print': 'Print',
  'manager.poster.close': 'Close',
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
  'manager.disk.full':
    'The hub’s disk is full: it is not saving what tablets do. They keep it and send it again once space is freed on the hub’s computer.',
  'manager.disk.readOnly':
    'The hub cannot write to its data folder: it is not saving what tablets do, and no new device can be paired. Tablets keep their work and send it again once the folder can be written.',
  'manager.disk.failing':
    'The hub’s disk fails to save: it is not saving what tablets do. They keep it and send it again once the disk works. Check the hub’s computer.',
  'manager.chainLink.connected': 'Chain: linked',
  'manager.chainLink.catchingUp': 'Chain: linked, sending',
  'manager.chainLink.disconnected': 'Chain: cut off (the store works as usual)',
  'manager.chainLink.waiting': {
    '=0': 'nothing waiting',
    one: '{count} event waiting',
    other: '{count} events waiting',
  },
  'manager.chainLink.lastAcknowledged': 'last received by the chain at {time}',
  'manager.chainLink.neverAcknowledged': 'nothing received by the chain since the hub started',
  'manager.bookings.title': "Today's bookings",
  'manager.bookings.none': 'No bookings today.',
  'manager.bookings.status.booked': 'expected',
  'manager.bookings.status.here': 'here, ticket {number}',
  'manager.bookings.status.cancelled': 'cancelled',
  'manager.bookings.status.missed': 'did not come',
  'manager.bookings.status.late': 'late, not here yet',
  'manager.bookings.expected': {
    '=0': 'nobody expected',
    one: '{count} expected',
    other: '{count} expected',
  },
} as const satisfies Record<string, Message>;
