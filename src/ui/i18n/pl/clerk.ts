import type { enClerk } from '../en/clerk.ts';
import type { Translation } from '../message.ts';

export const plClerk: Translation<typeof enClerk> = {
  'clerk.setup.chooseCounter': 'Wybierz swoje stanowisko',
  'clerk.setup.noCounters': 'Konfiguracja sklepu nie zawiera stanowisk. Zapytaj kierownika sklepu.',
  'clerk.setup.chooseServices': '{counter}: co dziś obsługujesz?',
  'clerk.setup.open': 'Otwórz stanowisko',
  'clerk.setup.back': 'Wybierz inne stanowisko',
  'clerk.setup.needService': 'Wybierz co najmniej jedną usługę.',
  'clerk.setup.inUse': 'otwarte',
  'clerk.current.title': 'Przy Twoim stanowisku',
  'clerk.current.none': 'Przy stanowisku nie ma klienta. Wywołaj następnego, gdy możesz.',
  'clerk.current.since': 'Wywołany o {time}',
  'clerk.current.recalls': {
    one: 'Wywołany ponownie raz',
    few: 'Wywołany ponownie {count} razy',
    many: 'Wywołany ponownie {count} razy',
    other: 'Wywołany ponownie {count} razy',
  },
  'clerk.recall': 'Wywołaj ponownie',
  'clerk.complete': 'Zakończ',
  'clerk.noShow': 'Brak klienta',
  'clerk.transfer': 'Przekaż',
  'clerk.transfer.title': 'Przekaż {number} do innej usługi',
  'clerk.transfer.cancel': 'Anuluj',
  'clerk.callNext': 'Wywołaj następnego',
  'clerk.queue.title': 'Czekają na Ciebie',
  'clerk.queue.count': {
    '=0': 'Nikt nie czeka',
    one: '{count} klient czeka',
    few: '{count} klienci czekają',
    many: '{count} klientów czeka',
    other: '{count} klienta czeka',
  },
  'clerk.queue.waited': 'czeka {duration}',
  'clerk.queue.justArrived': 'przed chwilą',
  'clerk.close': 'Zamknij stanowisko',
  'clerk.closedElsewhere':
    'To stanowisko zamknięto na innym urządzeniu. Otwórz je ponownie, aby kontynuować.',
  'clerk.reopen': 'Otwórz ponownie',
  'clerk.conflict.alreadyCalled':
    'Bilet {number} został już wywołany na stanowisko: {counter}. Wywołaj następnego klienta.',
  'clerk.conflict.notYourTicket':
    'Bilet {number} jest obsługiwany na stanowisku: {counter}. Twoja ostatnia czynność nie została zapisana.',
  'clerk.conflict.notActive': 'Bilet {number} został już zakończony lub anulowany.',
  'clerk.conflict.unknownTicket':
    'Bilet, którego dotyczyła czynność, nie jest znany w tym sklepie.',
  'clerk.conflict.anotherCounter': 'inne stanowisko',
  'clerk.conflict.dismiss': 'Zamknij',
  'clerk.error.queueEmpty': 'Nikt nie czeka na Twoje usługi.',
  'clerk.error.counterBusy': 'Najpierw zakończ obsługę bieżącego klienta.',
  'clerk.error.notAtCounter': 'Przy Twoim stanowisku nie ma teraz klienta.',
  'clerk.error.unknownService': 'Ta usługa już nie istnieje.',
  'clerk.error.storageFailed': 'Urządzenie nie mogło tego zapisać. Spróbuj ponownie.',
  'clerk.error.other': 'To się nie udało. Spróbuj ponownie.',
};
