import type { enDevices } from '../en/devices.ts';
import type { Translation } from '../message.ts';

export const plDevices: Translation<typeof enDevices> = {
  'devices.pair.title': 'Połącz to urządzenie ze sklepem',
  'devices.pair.body':
    'Poproś kierownika o kod parowania (ekran kierownika, Urządzenia, Dodaj urządzenie) albo zeskanuj pokazany tam kod QR.',
  'devices.pair.code': 'Kod parowania',
  'devices.pair.submit': 'Połącz',
  'devices.pair.problem': 'Serwer sklepu odpowiada: {message}',
  'devices.pair.firstTitle': 'Pierwszy kierownik sklepu',
  'devices.pair.firstBody':
    'To pierwsze urządzenie kierownika w sklepie, więc nie ma jeszcze kogo poprosić o kod. Otwórz link, który serwer sklepu wypisał przy starcie: w oknie lub terminalu serwera, wiersz „first manager: open …”.',
  'devices.pair.firstExpired':
    'Link działa raz, przez 24 godziny. Jeśli już nie działa, uruchom serwer sklepu ponownie: wypisze nowy.',
  'devices.pair.firstCode': 'Albo wpisz kod z końca tego linku (po „pair=”)',
  'devices.title': 'Urządzenia',
  'devices.none': 'Nie ma jeszcze żadnych urządzeń.',
  'devices.add': 'Dodaj urządzenie',
  'devices.addRole': 'Rola nowego urządzenia',
  'devices.role.kiosk': 'Kiosk',
  'devices.role.clerk': 'Tablet obsługi',
  'devices.role.floor': 'Telefon na sali',
  'devices.role.board': 'Tablica',
  'devices.role.manager': 'Kierownik',
  'devices.role.agent': 'Serwer sklepu',
  'devices.name.numbered': '{role} {number}',
  'devices.code': 'Kod parowania {code}, dla jednego urządzenia, do {time}',
  'devices.codeHint': 'Zeskanuj kod QR nowym urządzeniem albo otwórz na nim ten adres:',
  'devices.codeQr': 'Kod QR do połączenia nowego urządzenia',
  'devices.enrolledAt': 'połączone {time}',
  'devices.technicalId': 'Identyfikator urządzenia: {id}',
  'devices.state.online': 'W sieci',
  'devices.state.offline': 'Poza siecią od {time}',
  'devices.state.offlineUnknown': 'Poza siecią',
  'devices.state.neverSeen': 'Nie łączyło się od połączenia ze sklepem',
  'devices.rename': 'Zmień nazwę',
  'devices.renameLabel': 'Nowa nazwa dla: {name}',
  'devices.renameHint': 'Zostaw puste, by wrócić do „{name}”.',
  'devices.renameSave': 'Zapisz',
  'devices.renameCancel': 'Anuluj',
  'devices.revoke': 'Usuń',
  'devices.revoked': 'Usunięte ze sklepu',
  'devices.revokeConfirm':
    'Usunąć {name} ze sklepu? Od razu przestanie działać i do powrotu będzie potrzebny nowy kod parowania; otwarte na nim stanowiska zostaną zamknięte.',
  'devices.revokeYes': 'Usuń',
  'devices.revokeNo': 'Zostaw',
  'devices.thisDevice': 'to urządzenie',
  'devices.refused.total': {
    '=0': 'Od startu serwer sklepu nie odrzucił żadnej wiadomości od urządzeń.',
    one: 'Od startu serwer sklepu odrzucił {count} wiadomość od urządzeń.',
    few: 'Od startu serwer sklepu odrzucił {count} wiadomości od urządzeń.',
    many: 'Od startu serwer sklepu odrzucił {count} wiadomości od urządzeń.',
    other: 'Od startu serwer sklepu odrzucił {count} wiadomości od urządzeń.',
  },
  'devices.refused.why':
    'Serwer przyjmuje tylko wiadomości, którym może ufać, więc kolejka pozostaje poprawna. Kilka po chwilowej awarii sieci to norma; wiele zwykle oznacza, że urządzenie ma starą wersję aplikacji albo zostało skonfigurowane dla innego sklepu.',
  'devices.refused.line': '{reason}: {count}',
  'devices.refused.malformed': 'uszkodzone lub nieczytelne',
  'devices.refused.invalidEvent': 'niezgodne z zasadami kolejki',
  'devices.refused.otherStore': 'przeznaczone dla innego sklepu',
  'devices.refused.forged': 'wysłane w imieniu innego urządzenia albo ponad jego uprawnienia',
  'devices.refused.implausible': 'z niemożliwym czasem lub numerem',
  'devices.refused.catchUpLimited':
    'skrócone nadrabianie zaległości (urządzenie dostanie resztę następnym razem)',
  'devices.refused.other': 'inne powody',
  'devices.error': 'Nie udało się: {message}',
  'devices.staff.title': 'Kto pracuje na tym tablecie?',
  'devices.staff.pin': 'PIN dla: {name}',
  'devices.staff.signIn': 'Zaloguj',
  'devices.staff.back': 'Wstecz',
  'devices.staff.wrong': 'Ten PIN jest nieprawidłowy. Spróbuj ponownie.',
  'devices.staff.locked': 'Za dużo błędnych PIN-ów. Odczekaj minutę i spróbuj ponownie.',
  'devices.staff.signedIn': 'Zalogowany: {name}',
  'devices.staff.signOut': 'Wyloguj',
  'devices.storage.low':
    'Na tym urządzeniu kończy się miejsce. Wszystko jest dotąd zapisane; zwolnij trochę miejsca.',
  'devices.storage.full':
    'Pamięć tego urządzenia jest pełna: ostatnia czynność nie została zapisana. Wcześniejsze dane są bezpieczne. Zwolnij miejsce i spróbuj ponownie.',
  'devices.offline.insecure':
    'Ten ekran nie uruchomi się bez sieci: nie został otwarty przez HTTPS, więc nie może przechowywać kopii offline.',
  'devices.offline.noWorker':
    'Ten ekran nie uruchomi się bez sieci: nie udało się zainstalować jego kopii offline.',
  'devices.offline.setupAt': 'Skonfiguruj ten tablet pod adresem {url}',
  'devices.offline.askInsecure':
    'Otwórz go pod adresem https:// serwera sklepu, gdy certyfikat sklepu będzie zainstalowany na tym tablecie, albo zapytaj osobę, która opiekuje się serwerem sklepu.',
  'devices.offline.askNoWorker':
    'Przeładuj go przy działającej sieci. Jeśli ten komunikat nie zniknie, zapytaj osobę, która opiekuje się serwerem sklepu.',
} as const;
