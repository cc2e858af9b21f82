import type { Message } from './message.ts';

/**
 * English, the reference catalog: every other language must define exactly these keys.
 * Wording follows the store practice: friendly, short, honest about waiting.
 */
export const en = {
  'app.name': 'Nextup',

  'shell.loading': 'Getting ready…',
  'shell.noConfig.title': 'This device has never reached the store hub',
  'shell.noConfig.body':
    'Connect it to the store network once so it can load the store settings. After that it keeps working offline.',
  'shell.error.title': 'This screen could not start',
  'shell.error.detail': 'Details: {message}',
  'shell.error.retry': 'Try again',
  'shell.error.autoRetry': 'Trying again every {seconds} seconds.',
  'shell.update': 'New version — reload',

  'landing.title': 'Nextup',
  'landing.intro': 'Choose what this device is used for.',
  'landing.kiosk': 'Kiosk',
  'landing.kiosk.hint': 'Customers take a ticket at the entrance.',
  'landing.clerk': 'Counter',
  'landing.clerk.hint': 'Staff call and serve customers.',
  'landing.board': 'Lobby board',
  'landing.board.hint': 'The screen that shows who is called where.',

  'notFound.title': 'There is nothing at this address',
  'notFound.back': 'Go to the start page',

  'connection.label': 'Connection',
  'connection.online': 'Online',
  'connection.offline': 'Offline',
  'connection.connecting': 'Connecting…',
  'connection.pending': {
    one: '{count} change waiting to sync',
    other: '{count} changes waiting to sync',
  },

  'language.choose': 'Language',

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

  'clerk.setup.chooseCounter': 'Choose your counter',
  'clerk.setup.noCounters': 'The store configuration lists no counters. Ask the store manager.',
  'clerk.setup.chooseServices': 'What will you serve at {counter}?',
  'clerk.setup.open': 'Open counter',
  'clerk.setup.back': 'Choose another counter',
  'clerk.setup.needService': 'Choose at least one service.',
  'clerk.setup.inUse': 'open',
  'clerk.current.title': 'At your counter',
  'clerk.current.none': 'Nobody at your counter. Call the next customer when you are ready.',
  'clerk.current.since': 'Called at {time}',
  'clerk.current.recalls': {
    one: 'Called again once',
    other: 'Called again {count} times',
  },
  'clerk.recall': 'Recall',
  'clerk.complete': 'Done',
  'clerk.noShow': 'No-show',
  'clerk.transfer': 'Transfer',
  'clerk.transfer.title': 'Send {number} to another service',
  'clerk.transfer.cancel': 'Cancel',
  'clerk.callNext': 'Call next',
  'clerk.queue.title': 'Waiting for you',
  'clerk.queue.count': {
    '=0': 'Nobody is waiting',
    one: '{count} customer waiting',
    other: '{count} customers waiting',
  },
  'clerk.queue.waited': 'waiting {duration}',
  'clerk.queue.justArrived': 'just arrived',
  'clerk.close': 'Close counter',
  'clerk.closedElsewhere': 'This counter was closed on another device. Open it again to go on.',
  'clerk.reopen': 'Open again',
  'clerk.conflict.alreadyCalled':
    'Ticket {number} was already called at {counter}. Call the next customer.',
  'clerk.conflict.notYourTicket':
    'Ticket {number} is being handled at {counter}. Your last action on it was not recorded.',
  'clerk.conflict.notActive': 'Ticket {number} was already finished or cancelled.',
  'clerk.conflict.unknownTicket': 'A ticket you acted on is not known to this store.',
  'clerk.conflict.anotherCounter': 'another counter',
  'clerk.conflict.dismiss': 'Dismiss',
  'clerk.error.queueEmpty': 'Nobody is waiting for your services.',
  'clerk.error.counterBusy': 'Finish with the current customer first.',
  'clerk.error.notAtCounter': 'There is no customer at your counter.',
  'clerk.error.unknownService': 'That service does not exist any more.',
  'clerk.error.storageFailed': 'This device could not save that. Please try again.',
  'clerk.error.other': 'That did not work. Please try again.',

  'board.nowServing': 'Now serving',
  'board.ticket': 'Ticket',
  'board.counter': 'Counter',
  'board.nobodyServed': 'Counters will call the first customers soon.',
  'board.latest.goTo': 'please go to {counter}',
  'board.waiting.title': 'Waiting',
  'board.waiting.count': {
    one: '{count} waiting',
    other: '{count} waiting',
  },
  'board.recent.title': 'Called before',
  'board.announce': 'Ticket {number}, please go to {counter}.',
  'board.enableSound': 'Turn on sound',
} as const satisfies Record<string, Message>;
