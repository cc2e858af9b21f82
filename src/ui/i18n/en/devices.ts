import type { Message } from '../message.ts';

/** Enrolling devices (pairing screen) and the manager's device list. Staff only. */
export const enDevices = {
  'devices.pair.title': 'Pair this device with the store',
  'devices.pair.body':
    'Ask a manager for a pairing code (manager screen, Devices, Add a device), or scan the QR code shown there.',
  'devices.pair.code': 'Pairing code',
  'devices.pair.submit': 'Pair',
  'devices.pair.problem': 'The store hub says: {message}',
  'devices.title': 'Devices',
  'devices.none': 'No devices enrolled yet.',
  'devices.add': 'Add a device',
  'devices.addRole': 'Role of the new device',
  'devices.role.kiosk': 'Kiosk',
  'devices.role.clerk': 'Clerk tablet',
  'devices.role.floor': 'Floor phone',
  'devices.role.board': 'Board',
  'devices.role.manager': 'Manager',
  'devices.code': 'Pairing code {code}, for one device, until {time}',
  'devices.codeHint': 'Scan the QR code with the new device, or open this address on it:',
  'devices.enrolledAt': 'enrolled {time}',
  'devices.revoke': 'Revoke',
  'devices.revoked': 'Revoked',
  'devices.revokeConfirm':
    'Remove {id} from the store? It stops working at once and needs a new pairing code to come back; counters open on it are closed.',
  'devices.revokeYes': 'Remove it',
  'devices.revokeNo': 'Keep it',
  'devices.thisDevice': 'this device',
  'devices.dropped': {
    '=0': 'No invalid messages received',
    one: '{count} invalid message dropped',
    other: '{count} invalid messages dropped',
  },
  'devices.error': 'That did not work: {message}',
  'devices.staff.title': 'Who is working on this tablet?',
  'devices.staff.pin': 'PIN for {name}',
  'devices.staff.signIn': 'Sign in',
  'devices.staff.back': 'Back',
  'devices.staff.wrong': 'That PIN is not right. Try again.',
  'devices.staff.locked': 'Too many wrong PINs. Wait a minute, then try again.',
  'devices.staff.signedIn': 'Signed in: {name}',
  'devices.staff.signOut': 'Sign out',
  'devices.storage.low':
    'This device is nearly out of storage space. Everything is saved so far; please free some space.',
  'devices.storage.full':
    'This device’s storage is full: the last action was not saved. Everything saved before is safe. Free some space, then try again.',
  'devices.offline.insecure':
    'This screen will not start without the network: it was not opened over HTTPS, so it cannot keep its offline copy.',
  'devices.offline.noWorker':
    'This screen will not start without the network: its offline copy could not be installed.',
  'devices.offline.setupAt': 'Set up this tablet at {url}',
  'devices.offline.askInsecure':
    'Open it at the store hub’s https:// address once the store’s certificate is installed on this tablet, or ask whoever looks after the store hub.',
  'devices.offline.askNoWorker':
    'Reload it while connected. If this message stays, ask whoever looks after the store hub.',
} as const satisfies Record<string, Message>;
