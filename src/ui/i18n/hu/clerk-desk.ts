import type { enClerkDesk } from '../en/clerk-desk.ts';
import type { Translation } from '../message.ts';

export const huClerkDesk: Translation<typeof enClerkDesk> = {
  'desk.close.title': '{counter} bezárása?',
  'desk.close.stranded': 'Ezeket az ügyfeleket más nyitott pult nem szolgálja ki:',
  'desk.close.service': '{service}: {count} várakozik',
  'desk.close.confirm': 'Bezárás mégis',
  'desk.close.keep': 'Nyitva marad',
  'desk.pin.delete': 'Törlés',
  'desk.pin.entered': 'Beírt PIN-számjegyek: {count}',
  'desk.transfer.title': '{number} átadása',
  'desk.transfer.toService': 'Másik szolgáltatás',
  'desk.transfer.toCounter': 'Egy pult',
  'desk.transfer.toColleague': 'Egy kolléga',
  'desk.transfer.colleague': '{name} ({counter})',
  'desk.transfer.reason': 'Miért? A következő munkatárs ezt olvassa.',
  'desk.transfer.send': 'Átadás',
  'desk.transfer.cancel': 'Mégse',
  'desk.handover.from': '{who} küldte: {reason}',
  'desk.handover.fromNoReason': '{who} küldte',
  'desk.handover.forYou': 'Önnek átadva',
  'desk.note.label': 'Megjegyzés a látogatáshoz',
  'desk.note.save': 'Megjegyzés mentése',
  'desk.note.saved': 'Megjegyzés mentve',
  'desk.error.counterClosed': 'Ez a pult vagy kolléga most nincs nyitott pultnál. Válasszon mást.',
  'desk.note.shown': 'Megjegyzés: {note}',
};
