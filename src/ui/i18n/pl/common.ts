import type { enCommon } from '../en/common.ts';
import type { Translation } from '../message.ts';

export const plCommon: Translation<typeof enCommon> = {
  'app.name': 'Nextup',
  'shell.loading': 'Przygotowujemy się…',
  'shell.noConfig.title': 'To urządzenie nie połączyło się jeszcze z serwerem sklepu',
  'shell.noConfig.body':
    'Połącz je raz z siecią sklepu, aby pobrało ustawienia. Potem działa także bez sieci.',
  'shell.anotherTab.title': 'Ten sklep jest już otwarty w innej karcie',
  'shell.anotherTab.body':
    'Użyj drugiej karty lub okna tej przeglądarki albo je zamknij: ta karta uruchomi się sama, gdy tamta zostanie zamknięta.',
  'shell.error.title': 'Nie udało się uruchomić tego ekranu',
  'shell.error.detail': 'Szczegóły: {message}',
  'shell.error.retry': 'Spróbuj ponownie',
  'shell.error.autoRetry': {
    one: 'Ponawiamy próbę co sekundę.',
    few: 'Ponawiamy próbę co {count} sekundy.',
    many: 'Ponawiamy próbę co {count} sekund.',
    other: 'Ponawiamy próbę co {count} sekundy.',
  },
  'shell.update': 'Nowa wersja — odśwież',
  'landing.title': 'Nextup',
  'landing.intro': 'Wybierz, do czego służy to urządzenie.',
  'landing.kiosk': 'Kiosk',
  'landing.kiosk.hint': 'Klienci pobierają bilet przy wejściu.',
  'landing.clerk': 'Stanowisko',
  'landing.clerk.hint': 'Pracownicy wywołują i obsługują klientów.',
  'landing.board': 'Tablica w poczekalni',
  'landing.board.hint': 'Ekran, który pokazuje, kto jest wywołany i dokąd.',
  'landing.floor': 'Sala sprzedaży',
  'landing.floor.hint': 'Personel na sali widzi czas oczekiwania i alerty.',
  'landing.manager': 'Kierownik',
  'landing.manager.hint':
    'Kolejki, urządzenia i historia sklepu. Pierwszy kierownik otwiera link wypisany przez hub przy starcie.',
  'notFound.title': 'Pod tym adresem nic nie ma',
  'notFound.back': 'Przejdź do strony startowej',
  'connection.label': 'Połączenie',
  'connection.online': 'Online',
  'connection.offline': 'Offline',
  'connection.connecting': 'Łączenie…',
  'connection.pending': {
    one: '{count} zmiana czeka na synchronizację',
    few: '{count} zmiany czekają na synchronizację',
    many: '{count} zmian czeka na synchronizację',
    other: '{count} zmiany czeka na synchronizację',
  },
  'connection.noOfflineStart': 'nie startuje offline',
  'language.choose': 'Język',
  'ticket.priority': 'Pierwszeństwo',
  'wait.noCounter': 'Teraz żadne stanowisko nie jest otwarte dla tej sprawy',
};
