import type { Message } from '../message.ts';

export const enKiosk = {
  'kiosk.setup.title': 'Which kiosk is this tablet?',
  'kiosk.setup.intro':
    'Each kiosk hands out its own ticket numbers, so give each kiosk to one tablet only.',
  'kiosk.setup.empty': 'The store configuration lists no kiosks. Ask the store manager.',
  'kiosk.welcome.title': 'Welcome to {store}',
  'kiosk.welcome.prompt': 'What can we help you with? Tap to take a ticket.',
  'kiosk.welcome.noServices': 'No services are set up yet. Please ask a member of staff.',
  'kiosk.issuing': 'One moment…',
  'kiosk.service.waitAbout': 'Wait about {estimate}',
  'kiosk.service.waitShort': 'Little or no wait',
  'kiosk.service.priority': 'Priority ticket',
  'kiosk.priority.hint':
    'Priority tickets are for customers who are pregnant, have a disability or cannot stand and wait for long.',
  'kiosk.display.label': 'Display',
  'kiosk.display.contrast': 'High contrast',
  'kiosk.display.large': 'Larger text',
  'kiosk.ticket.heading': 'Your number',
  'kiosk.ticket.priority': 'Priority ticket',
  'kiosk.ticket.ahead': {
    '=0': 'You are next',
    one: '{count} person ahead of you',
    other: '{count} people ahead of you',
  },
  'kiosk.ticket.waitAbout': 'About {estimate} ({range})',
  'kiosk.ticket.waitUnderMinute': 'Less than a minute',
  'kiosk.ticket.callWhenOpen': 'We will call you when a counter opens for it.',
  'kiosk.ticket.remember': 'Please remember your number. We will call it on the screen.',
  'kiosk.ticket.qr': 'Scan the code to follow your place in line on your phone.',
  'kiosk.ticket.qrLabel': 'QR code: link to follow ticket {number} on your phone',
  'kiosk.ticket.called': 'Your number is being called now!',
  'kiosk.ticket.goTo': 'Please go to {counter}.',
  'kiosk.ticket.print': 'Print ticket',
  'kiosk.ticket.printing': 'Printing your ticket…',
  'kiosk.ticket.done': 'Done',
  'kiosk.receipt.time': 'Taken at {time}',
  'kiosk.receipt.track': 'Follow your place in line:',
  'kiosk.error.rangeExhausted':
    'Sorry, this kiosk cannot hand out more tickets today. Please ask a member of staff.',
  'kiosk.error.storageFailed': 'Sorry, your ticket could not be saved. Please try again.',
  'kiosk.error.other': 'Sorry, something went wrong. Please try again or ask a member of staff.',
  'kiosk.error.rateLimited': {
    one: 'Lots of tickets were just taken here. Please wait {count} second and try again, or ask a member of staff.',
    other:
      'Lots of tickets were just taken here. Please wait {count} seconds and try again, or ask a member of staff.',
  },
  'kiosk.error.priorityNotAllowed':
    'Priority tickets are not offered for this service. Please take a regular ticket or ask a member of staff.',
} as const satisfies Record<string, Message>;
