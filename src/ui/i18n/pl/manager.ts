import type { enManager } from '../en/manager.ts';
import type { Translation } from '../message.ts';

export const plManager: Translation<typeof enManager> = {
  'manager.poster.open': 'Plakat: kolejka z telefonu',
  'manager.poster.print': 'Drukuj',
  'manager.poster.close': 'Zamknij',
  'manager.title': 'Kierownik',
  'manager.alerts.title': 'Wezwania kierownika',
  'manager.alerts.count': {
    '=0': 'Nikt na Ciebie nie czeka',
    one: '{count} wezwanie czeka',
    few: '{count} wezwania czekają',
    many: '{count} wezwań czeka',
    other: '{count} wezwania czeka',
  },
  'manager.alerts.none': 'Brak otwartych wezwań. Wezwanie od sprzedawcy pojawi się tu od razu.',
  'manager.alert.counterUnknown': 'Stanowisko',
  'manager.alert.ticket': 'Bilet {number}',
  'manager.alert.walkIn': 'Klient bez biletu',
  'manager.alert.step': 'Etap: {step}',
  'manager.alert.since': 'wezwanie o {time}',
  'manager.alert.waited': 'czeka {duration}',
  'manager.alert.noReason': 'Nie podano powodu',
  'manager.alert.acknowledge': 'Już idę',
  'manager.handled.title': 'Obsłużone',
  'manager.handled.at': 'obsłużone o {time}',
  'manager.error': 'To się nie udało. Spróbuj ponownie.',
  'manager.disk.full':
    'Dysk huba jest pełny: hub nie zapisuje tego, co robią tablety. Tablety przechowują to i wyślą ponownie, gdy na komputerze huba zwolni się miejsce.',
  'manager.disk.readOnly':
    'Hub nie może zapisywać w swoim folderze danych: nie zapisuje tego, co robią tablety, i nie można sparować nowego urządzenia. Tablety przechowują swoją pracę i wyślą ją ponownie, gdy folder znów będzie zapisywalny.',
  'manager.disk.failing':
    'Dysk huba nie zapisuje danych: hub nie zapisuje tego, co robią tablety. Tablety przechowują to i wyślą ponownie, gdy dysk zacznie działać. Sprawdź komputer huba.',
  'manager.chainLink.connected': 'Sieć sklepów: połączono',
  'manager.chainLink.catchingUp': 'Sieć sklepów: połączono, wysyłanie',
  'manager.chainLink.disconnected': 'Sieć sklepów: brak połączenia (sklep działa normalnie)',
  'manager.chainLink.waiting': {
    '=0': 'nic nie czeka',
    one: '{count} zdarzenie czeka',
    few: '{count} zdarzenia czekają',
    many: '{count} zdarzeń czeka',
    other: '{count} zdarzenia czeka',
  },
  'manager.chainLink.lastAcknowledged': 'ostatnio odebrane przez sieć o {time}',
  'manager.chainLink.neverAcknowledged': 'sieć nic nie odebrała od uruchomienia huba',
};
