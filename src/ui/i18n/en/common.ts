import type { Message } from '../message.ts';

export const enCommon = {
  'app.name': 'Nextup',
  'shell.loading': 'Getting ready…',
  'shell.noConfig.title': 'This device has never reached the store hub',
  'shell.noConfig.body':
    'Connect it to the store network once so it can load the store settings. After that it keeps working offline.',
  'shell.anotherTab.title': 'This store is already open in another tab',
  'shell.anotherTab.body':
    'Use the other tab or window of this browser, or close it: this one starts by itself once the other is closed.',
  'shell.error.title': 'This screen could not start',
  'shell.error.detail': 'Details: {message}',
  'shell.error.retry': 'Try again',
  'shell.error.autoRetry': {
    one: 'Trying again every second.',
    other: 'Trying again every {count} seconds.',
  },
  'shell.update': 'New version — reload',
  'landing.title': 'Nextup',
  'landing.intro': 'Choose what this device is used for.',
  'landing.kiosk': 'Kiosk',
  'landing.kiosk.hint': 'Customers take a ticket at the entrance.',
  'landing.clerk': 'Counter',
  'landing.clerk.hint': 'Staff call and serve customers.',
  'landing.board': 'Lobby board',
  'landing.board.hint': 'The screen that shows who is called where.',
  'landing.floor': 'Floor',
  'landing.floor.hint': 'Staff on the shop floor see the waits and alerts.',
  'landing.manager': 'Manager',
  'landing.manager.hint':
    "The store's lines, devices and history. The first manager opens the link the hub printed when it started.",
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
  'connection.noOfflineStart': 'no offline start',
  'language.choose': 'Language',
  'ticket.priority': 'Priority',
  'wait.noCounter': 'No counter is open for this right now',
} as const satisfies Record<string, Message>;
