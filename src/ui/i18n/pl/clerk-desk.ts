import type { enClerkDesk } from '../en/clerk-desk.ts';
import type { Translation } from '../message.ts';

export const plClerkDesk: Translation<typeof enClerkDesk> = {
  'desk.close.title': 'Zamknąć {counter}?',
  'desk.close.stranded': 'Żadne inne otwarte stanowisko nie obsłuży tych klientów:',
  'desk.close.service': '{service}: czeka {count}',
  'desk.close.confirm': 'Zamknij mimo to',
  'desk.close.keep': 'Zostaw otwarte',
  'desk.pin.delete': 'Usuń',
  'desk.pin.entered': 'Wpisane cyfry PIN: {count}',
  'desk.transfer.title': 'Przekaż {number}',
  'desk.transfer.toService': 'Inna usługa',
  'desk.transfer.toCounter': 'Stanowisko',
  'desk.transfer.toColleague': 'Współpracownik',
  'desk.transfer.colleague': '{name} ({counter})',
  'desk.transfer.reason': 'Dlaczego? Przeczyta to kolejna osoba.',
  'desk.transfer.send': 'Przekaż',
  'desk.transfer.cancel': 'Anuluj',
  'desk.handover.from': 'Od {who}: {reason}',
  'desk.handover.fromNoReason': 'Od {who}',
  'desk.handover.forYou': 'przekazany do Ciebie',
  'desk.note.label': 'Notatka do wizyty',
  'desk.note.save': 'Zapisz notatkę',
  'desk.note.saved': 'Notatka zapisana',
  'desk.error.counterClosed':
    'To stanowisko lub ta osoba nie jest teraz przy otwartym stanowisku. Wybierz inne.',
  'desk.note.shown': 'Notatka: {note}',
};
