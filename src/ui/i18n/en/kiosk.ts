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
  'kiosk.service.waitAbout': 'Wait about {estimate} min',
  'kiosk.service.waitShort': 'Little or no wait',
  'kiosk.ticket.heading': 'Your number',
  'kiosk.ticket.ahead': {
    '=0': 'You are next',
    one: '{count} person ahead of you',
    other: '{count} people ahead of you',
  },
  'kiosk.ticket.waitAbout': 'About {estimate} min ({low}–{high} min)',
  'kiosk.ticket.waitUnderMinute': 'Less than a minute',
  'kiosk.ticket.noCounterOpen': 'No counter is open for this yet. We will call you when one opens.',
  'kiosk.ticket.remember': 'Please remember your number. We will call it on the screen.',
  'kiosk.ticket.called': 'Your number is being called now!',
  'kiosk.ticket.goTo': 'Please go to {counter}.',
  'kiosk.ticket.done': 'Done',
  'kiosk.error.rangeExhausted':
    'Sorry, this kiosk cannot hand out more tickets today. Please ask a member of staff.',
  'kiosk.error.storageFailed': 'Sorry, your ticket could not be saved. Please try again.',
  'kiosk.error.other': 'Sorry, something went wrong. Please try again or ask a member of staff.',
} as const satisfies Record<string, Message>;
