import type { enKioskAdmin } from '../en/kiosk-admin.ts';
import type { Translation } from '../message.ts';

export const plKioskAdmin: Translation<typeof enKioskAdmin> = {
  'kioskAdmin.pin.title': 'Tylko dla personelu',
  'kioskAdmin.pin.prompt': 'Wpisz PIN kierownika, aby otworzyć ustawienia kiosku.',
  'kioskAdmin.pin.delete': 'Usuń ostatnią cyfrę',
  'kioskAdmin.pin.unlock': 'Otwórz ustawienia',
  'kioskAdmin.pin.cancel': 'Anuluj',
  'kioskAdmin.pin.wrong': {
    one: 'Błędny PIN. Pozostała {count} próba.',
    few: 'Błędny PIN. Pozostały {count} próby.',
    many: 'Błędny PIN. Pozostało {count} prób.',
    other: 'Błędny PIN. Pozostało {count} próby.',
  },
  'kioskAdmin.pin.locked': {
    one: 'Zbyt wiele błędnych PIN-ów. Spróbuj ponownie za {count} sekundę.',
    few: 'Zbyt wiele błędnych PIN-ów. Spróbuj ponownie za {count} sekundy.',
    many: 'Zbyt wiele błędnych PIN-ów. Spróbuj ponownie za {count} sekund.',
    other: 'Zbyt wiele błędnych PIN-ów. Spróbuj ponownie za {count} sekundy.',
  },
  'kioskAdmin.pin.notSet':
    'Dla tego sklepu nie ustawiono PIN-u kierownika (kiosk.managerPin w kiosk-config), więc ustawienia kiosku pozostają zamknięte.',
  'kioskAdmin.title': 'Ustawienia kiosku',
  'kioskAdmin.identity': 'Ten tablet to {kiosk}: numery biletów od {from} do {to}.',
  'kioskAdmin.device': 'Identyfikator urządzenia: {device}',
  'kioskAdmin.changeKiosk': 'Zmień kiosk tego tabletu',
  'kioskAdmin.printing': 'Bilety papierowe: {mode}',
  'kioskAdmin.printing.none': 'wyłączone',
  'kioskAdmin.printing.button': 'przycisk drukowania na ekranie biletu',
  'kioskAdmin.printing.auto': 'każdy bilet jest drukowany',
  'kioskAdmin.usb.title': 'Drukarka paragonowa USB (ESC/POS)',
  'kioskAdmin.usb.connect': 'Podłącz drukarkę paragonową USB',
  'kioskAdmin.usb.connected': 'Bilety drukuje drukarka USB {name}.',
  'kioskAdmin.usb.none': 'Bilety są drukowane przez przeglądarkę.',
  'kioskAdmin.usb.unsupported':
    'Ta przeglądarka nie obsługuje drukarek USB (WebUSB); bilety są drukowane przez przeglądarkę.',
  'kioskAdmin.usb.forget': 'Drukuj znowu przez przeglądarkę',
  'kioskAdmin.usb.failed': 'Drukarka USB nie odpowiada: {message}',
  'kioskAdmin.reload': 'Uruchom aplikację ponownie',
  'kioskAdmin.close': 'Wróć do kiosku',
  'kioskAdmin.offline.ready': 'Ten tablet uruchomi się także bez sieci.',
  'kioskAdmin.offline.checking': 'Sprawdzanie, czy ten tablet uruchomi się bez sieci…',
};
