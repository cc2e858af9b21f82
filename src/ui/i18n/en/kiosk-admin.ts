import type { Message } from '../message.ts';

/** The kiosk's settings behind the hidden gesture and the manager PIN (staff only). */
export const enKioskAdmin = {
  'kioskAdmin.pin.title': 'Staff only',
  'kioskAdmin.pin.prompt': 'Enter the manager PIN to open the kiosk settings.',
  'kioskAdmin.pin.delete': 'Delete last digit',
  'kioskAdmin.pin.unlock': 'Open settings',
  'kioskAdmin.pin.cancel': 'Cancel',
  'kioskAdmin.pin.wrong': {
    one: 'Wrong PIN. {count} try left.',
    other: 'Wrong PIN. {count} tries left.',
  },
  'kioskAdmin.pin.locked': {
    one: 'Too many wrong PINs. Try again in {count} second.',
    other: 'Too many wrong PINs. Try again in {count} seconds.',
  },
  'kioskAdmin.pin.notSet':
    'No manager PIN is set for this store (kiosk.managerPin in kiosk-config), so the kiosk settings stay closed.',
  'kioskAdmin.title': 'Kiosk settings',
  'kioskAdmin.identity': 'This tablet is {kiosk}: ticket numbers {from} to {to}.',
  'kioskAdmin.device': 'Device id: {device}',
  'kioskAdmin.changeKiosk': 'Make this tablet another kiosk',
  'kioskAdmin.printing': 'Paper tickets: {mode}',
  'kioskAdmin.printing.none': 'off',
  'kioskAdmin.printing.button': 'print button on the ticket screen',
  'kioskAdmin.printing.auto': 'every ticket is printed',
  'kioskAdmin.usb.title': 'USB receipt printer (ESC/POS)',
  'kioskAdmin.usb.connect': 'Connect a USB receipt printer',
  'kioskAdmin.usb.connected': 'Tickets print on the USB printer {name}.',
  'kioskAdmin.usb.none': 'Tickets print through the browser.',
  'kioskAdmin.usb.unsupported':
    'This browser cannot use USB printers (WebUSB); tickets print through the browser.',
  'kioskAdmin.usb.forget': 'Print through the browser again',
  'kioskAdmin.usb.failed': 'The USB printer did not answer: {message}',
  'kioskAdmin.reload': 'Reload the app',
  'kioskAdmin.close': 'Back to the kiosk',
  'kioskAdmin.offline.ready': 'This tablet starts without the network too.',
  'kioskAdmin.offline.checking': 'Checking whether this tablet can start without the network…',
} as const satisfies Record<string, Message>;
