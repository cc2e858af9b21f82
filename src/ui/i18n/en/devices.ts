import type { Message } from '../message.ts';

/** Enrolling devices (pairing screen) and the manager's device list. Staff only. */
export const enDevices = {
  'devices.pair.title': 'Pair this device with the store',
  'devices.pair.body':
    'Ask a manager for a pairing code (manager screen, Devices, Add a device), or scan the QR code shown there.',
  'devices.pair.code': 'Pairing code',
  'devices.pair.submit': 'Pair',
  'devices.pair.problem': 'The store hub says: {message}',
  'devices.pair.firstTitle': 'Set up the store’s first manager',
  'devices.pair.firstBody':
    'This is the store’s first manager device, so there is nobody to ask for a code yet. Open the link the store hub printed when it started: in the hub’s window or terminal, the line “first manager: open …”.',
  'devices.pair.firstExpired':
    'The link works once, for 24 hours. If it no longer works, restart the store hub: it prints a new one.',
  'devices.pair.firstCode': 'Or type the code at the end of that link (after “pair=”)',
  'devices.title': 'Devices',
  'devices.none': 'No devices enrolled yet.',
  'devices.add': 'Add a device',
  'devices.addRole': 'Role of the new device',
  'devices.role.kiosk': 'Kiosk',
  'devices.role.clerk': 'Clerk tablet',
  'devices.role.floor': 'Floor phone',
  'devices.role.board': 'Board',
  'devices.role.manager': 'Manager',
  'devices.role.agent': 'Store hub',
  'devices.name.numbered': '{role} {number}',
  'devices.code': 'Pairing code {code}, for one device, until {time}',
  'devices.codeHint': 'Scan the QR code with the new device, or open this address on it:',
  'devices.codeQr': 'QR code to pair a new device',
  'devices.enrolledAt': 'paired {time}',
  'devices.technicalId': 'Device id: {id}',
  'devices.state.online': 'Online',
  'devices.state.offline': 'Offline since {time}',
  'devices.state.offlineUnknown': 'Offline',
  'devices.state.neverSeen': 'Not connected since it was paired',
  'devices.rename': 'Rename',
  'devices.renameLabel': 'New name for {name}',
  'devices.renameHint': 'Leave it empty to go back to “{name}”.',
  'devices.renameSave': 'Save',
  'devices.renameCancel': 'Cancel',
  'devices.revoke': 'Remove',
  'devices.revoked': 'Removed from the store',
  'devices.revokeConfirm':
    'Remove {name} from the store? It stops working at once and needs a new pairing code to come back; counters open on it are closed.',
  'devices.revokeYes': 'Remove it',
  'devices.revokeNo': 'Keep it',
  'devices.thisDevice': 'this device',
  'devices.refused.total': {
    '=0': 'Since it started, the store hub has refused no messages from devices.',
    one: 'Since it started, the store hub has refused {count} message from devices.',
    other: 'Since it started, the store hub has refused {count} messages from devices.',
  },
  'devices.refused.why':
    'The hub keeps only messages it can trust, so the queue stays right. A few after a network hiccup are normal; many usually mean a device runs an old version of the app or was set up for another store.',
  'devices.refused.line': '{reason}: {count}',
  'devices.refused.malformed': 'damaged or unreadable',
  'devices.refused.invalidEvent': 'against the queue’s rules',
  'devices.refused.otherStore': 'meant for another store',
  'devices.refused.forged': 'sent in another device’s name, or beyond what the device may do',
  'devices.refused.implausible': 'with an impossible time or number',
  'devices.refused.catchUpLimited': 'catch-up cut short (the device gets the rest next time)',
  'devices.refused.other': 'other reasons',
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
