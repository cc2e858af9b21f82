import type { enTrack } from '../en/track.ts';
import type { Translation } from '../message.ts';

export const plTrack: Translation<typeof enTrack> = {
  'track.title': 'Twój bilet — {store}',
  'track.number': 'Twój numer',
  'track.loading': 'Wczytujemy Twój bilet…',
  'track.ahead': {
    '=0': 'Twoja kolej jest następna!',
    one: 'Przed Tobą jest {count} osoba',
    few: 'Przed Tobą są {count} osoby',
    many: 'Przed Tobą jest {count} osób',
    other: 'Przed Tobą jest {count} osoby',
  },
  'track.waitAbout': 'Przewidywany czas: {estimate} ({range})',
  'track.waitUnderMinute': 'Mniej niż minuta',
  'track.callWhenOpen': 'Wywołamy Cię, gdy tylko któreś stanowisko się otworzy.',
  'track.next': 'Prosimy pozostać w pobliżu stanowisk: za chwilę Cię wywołamy.',
  'track.called': 'Twoja kolej! Zapraszamy do: {counter}.',
  'track.serving': 'Teraz Cię obsługujemy: {counter}.',
  'track.done': 'Dziękujemy za wizytę!',
  'track.noShow':
    'Wywołaliśmy Twój numer, ale nie udało się Cię znaleźć. Pobierz nowy bilet w kiosku.',
  'track.cancelled': 'Twój bilet został anulowany. Dziękujemy za informację.',
  'track.notFound': 'Nie możemy znaleźć tego biletu. Bilet jest ważny w dniu, w którym go pobrano.',
  'track.onItsWay':
    'Twój bilet jest w drodze do systemu sklepu. Ta strona pokaże go, gdy tylko dotrze.',
  'track.invalid': 'To nie jest prawidłowy link do biletu. Zeskanuj ponownie kod z biletu.',
  'track.offline': 'Nie możemy teraz połączyć się ze sklepem. Próbujemy ponownie…',
  'track.updated': 'Zaktualizowano o {time}',
  'track.live': 'Ta strona odświeża się sama. Nie zamykaj jej.',
  'track.notify': 'Powiadom mnie, gdy nadejdzie moja kolej',
  'track.notify.on': 'Powiadomimy Cię, gdy nadejdzie Twoja kolej.',
  'track.notify.blocked':
    'Powiadomienia są wyłączone w tej przeglądarce. Nie zamykaj tej strony: odświeża się sama.',
  'track.leave': 'Opuść kolejkę',
  'track.leave.confirm': 'Opuścić kolejkę? Twój numer zostanie anulowany i stracisz miejsce.',
  'track.leave.yes': 'Tak, opuszczam kolejkę',
  'track.leave.no': 'Nie, zostaję w kolejce',
  'track.leave.failed': 'To się nie udało. Spróbuj ponownie albo poproś o pomoc pracownika.',
  'track.alert.next': 'Bilet {number}: Twoja kolej jest następna.',
  'track.alert.soon': {
    one: 'Bilet {number}: przed Tobą jest {count} osoba. Prosimy wrócić w pobliże stanowisk.',
    few: 'Bilet {number}: przed Tobą są {count} osoby. Prosimy wrócić w pobliże stanowisk.',
    many: 'Bilet {number}: przed Tobą jest {count} osób. Prosimy wrócić w pobliże stanowisk.',
    other: 'Bilet {number}: przed Tobą jest {count} osoby. Prosimy wrócić w pobliże stanowisk.',
  },
  'track.notify.pushOn': 'Powiadomienia dotrą na ten telefon nawet po zamknięciu strony.',
  'track.notify.stayOpen':
    'Nie zamykaj tej strony: może Cię powiadomić tylko wtedy, gdy jest otwarta.',
  'track.alert.called': 'Bilet {number} — zapraszamy: {counter}.',
  'track.data.title': 'Twoje dane',
  'track.data.about': {
    one: 'Sklep przechowuje notatki o Twojej wizycie przez {count} dzień. Możesz je pobrać albo usunąć już teraz.',
    few: 'Sklep przechowuje notatki o Twojej wizycie przez {count} dni. Możesz je pobrać albo usunąć już teraz.',
    many: 'Sklep przechowuje notatki o Twojej wizycie przez {count} dni. Możesz je pobrać albo usunąć już teraz.',
    other:
      'Sklep przechowuje notatki o Twojej wizycie przez {count} dnia. Możesz je pobrać albo usunąć już teraz.',
  },
  'track.data.download': 'Pobierz moje dane',
  'track.data.forget': 'Usuń notatki o mojej wizycie',
  'track.data.forgotten': 'Gotowe: notatki o Twojej wizycie zostały usunięte.',
  'track.data.inLine': 'Nadal czekasz w kolejce: najpierw opuść kolejkę albo wróć tu po wizycie.',
  'track.data.tooMany': 'Zbyt wiele zapytań z tej sieci. Spróbuj ponownie za minutę.',
  'track.data.failed': 'To się nie udało. Spróbuj ponownie później.',
};
