import type { Message } from '../message.ts';

/** The tracking page on the customer's own phone (/t/<ticket>). */
export const enTrack = {
  'track.title': 'Your ticket at {store}',
  'track.number': 'Your number',
  'track.loading': 'Loading your ticket…',
  'track.ahead': {
    '=0': 'You are next!',
    one: '{count} person ahead of you',
    other: '{count} people ahead of you',
  },
  'track.waitAbout': 'About {estimate} ({range})',
  'track.waitUnderMinute': 'Less than a minute',
  'track.callWhenOpen': 'We will call you when a counter opens for it.',
  'track.next': 'Please stay close to the counters: you will be called soon.',
  'track.called': 'It is your turn! Please go to {counter}.',
  'track.serving': 'You are being served at {counter}.',
  'track.done': 'Thank you for your visit!',
  'track.noShow':
    'We called your number but could not find you. Please take a new ticket at the kiosk.',
  'track.cancelled': 'You have left the queue. Thank you for letting us know.',
  'track.notFound': 'We cannot find this ticket. A ticket is valid on the day it was taken.',
  'track.onItsWay':
    "Your ticket is on its way to the store's system. This page will show it as soon as it arrives.",
  'track.invalid': 'This is not a valid ticket link. Please scan the code on your ticket again.',
  'track.offline': 'Cannot reach the store right now. Trying again…',
  'track.updated': 'Updated at {time}',
  'track.live': 'This page updates by itself. Keep it open.',
  'track.notify': 'Alert me when it is my turn',
  'track.notify.on': 'We will alert you when it is your turn.',
  'track.notify.blocked':
    'Alerts are turned off in this browser. Keep this page open: it updates by itself.',
  'track.leave': 'Leave the queue',
  'track.leave.confirm':
    'Leave the queue? Your number will be cancelled and you will lose your place.',
  'track.leave.yes': 'Yes, leave the queue',
  'track.leave.no': 'No, keep my place',
  'track.leave.failed': 'That did not work. Please try again or tell a member of staff.',
  'track.alert.next': 'Ticket {number}: you are next.',
  'track.alert.soon': {
    one: 'Ticket {number}: {count} person ahead of you. Please come back to the counters.',
    other: 'Ticket {number}: {count} people ahead of you. Please come back to the counters.',
  },
  'track.notify.pushOn': 'Alerts reach this phone even with the page closed.',
  'track.notify.stayOpen': 'Keep this page open: it can alert you only while it is open.',
  'track.alert.called': 'Ticket {number}: please go to {counter}.',
  'track.data.title': 'Your data',
  'track.data.about': {
    one: 'The store keeps its notes about your visit for {count} day. You can download them or delete them now.',
    other:
      'The store keeps its notes about your visit for {count} days. You can download them or delete them now.',
  },
  'track.data.download': 'Download my data',
  'track.data.forget': 'Delete the notes about my visit',
  'track.data.forgotten': 'Done: the notes about your visit are deleted.',
  'track.data.inLine':
    'You are still in line: leave the queue first, or ask once your visit is over.',
  'track.data.tooMany': 'Too many requests from this network. Please try again in a minute.',
  'track.data.failed': 'That did not work. Please try again later.',
} as const satisfies Record<string, Message>;
