import type { enDevices } from '../en/devices.ts';
import type { Translation } from '../message.ts';

export const plDevices: Translation<typeof enDevices> = {
  'devices.pair.title': 'Połącz to urządzenie ze sklepem',
  'devices.pair.body':
    'Poproś kierownika o kod parowania (ekran kierownika, Urządzenia, Dodaj urządzenie) albo zeskanuj pokazany tam kod QR.',
  'devices.pair.code': 'Kod parowania',
  'devices.pair.submit': 'Połącz',
  'devices.pair.problem': 'Serwer sklepu odpowiada: {message}',
  'devices.title': 'Urządzenia',
  'devices.none': 'Nie ma jeszcze żadnych urządzeń.',
  'devices.add': 'Dodaj urządzenie',
  'devices.addRole': 'Rola nowego urządzenia',
  'devices.role.kiosk': 'Kiosk',
  'devices.role.clerk': 'Tablet obsługi',
  'devices.role.floor': 'Telefon na sali',
  'devices.role.board': 'Tablica',
  'devices.role.manager': 'Kierownik',
  'devices.code': 'Kod parowania {code}, dla jednego urządzenia, do {time}',
  'devices.codeHint': 'Zeskanuj kod QR nowym urządzeniem albo otwórz na nim ten adres:',
  'devices.enrolledAt': 'dodane {time}',
  'devices.revoke': 'Odbierz dostęp',
  'devices.revoked': 'Dostęp odebrany',
  'devices.revokeConfirm':
    'Usunąć {id} ze sklepu? Od razu przestanie działać i do powrotu będzie potrzebny nowy kod parowania; otwarte na nim stanowiska zostaną zamknięte.',
  'devices.revokeYes': 'Usuń',
  'devices.revokeNo': 'Zostaw',
  'devices.thisDevice': 'to urządzenie',
  'devices.dropped': {
    '=0': 'Nie odebrano błędnych wiadomości',
    one: '{count} błędna wiadomość odrzucona',
    few: '{count} błędne wiadomości odrzucone',
    many: '{count} błędnych wiadomości odrzuconych',
    other: '{count} błędnej wiadomości odrzuconej',
  },
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
