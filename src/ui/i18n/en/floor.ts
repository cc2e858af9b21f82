import type { Message } from '../message.ts';

export const enFloor = {
  'floor.title': 'Floor',
  'floor.back': 'Back to my counter',
  'floor.open': 'Floor view',
  'floor.waits.title': 'Waits now',
  'floor.waits.note': 'For a customer taking a ticket now, with the range 8 in 10 fall into.',
  'floor.wait.about': 'about {estimate}',
  'floor.wait.short': 'under a minute',
  'floor.wait.target': 'target {target}',
  'floor.wait.waiting': {
    '=0': 'nobody waiting',
    one: '{count} waiting',
    other: '{count} waiting',
  },
  'floor.wait.counters': {
    '=0': 'no counter open',
    one: '{count} counter open',
    other: '{count} counters open',
  },
  'floor.wait.over': 'Above target',
  'floor.wait.longest': 'longest wait now {waited}',
  'floor.alerts.title': 'Alerts',
  'floor.alerts.none': 'All waits are within their targets.',
  'floor.alerts.held':
    'No new alert yet (one came and went a moment ago), but a service needs a counter: see below.',
  'floor.alert.over': '{service}: wait about {estimate}, above the {target} target',
  'floor.alert.noCounter': {
    one: '{service}: {count} customer waiting and no counter is open for it',
    other: '{service}: {count} customers waiting and no counter is open for it',
  },
  'floor.alert.longest': '{service}: a customer has waited {waited}, above the {target} target',
  'floor.alert.action': 'Open another counter for it if you can.',
  'floor.alert.actionOpen': 'Open a counter for it if you can.',
  'floor.alert.since': 'since {time}',
  'floor.alert.cleared': '{service}: back within target at {time}',
  'floor.sound': 'Turn on alert sound',
} as const satisfies Record<string, Message>;
