import type { enJoin } from '../en/join.ts';
import type { Translation } from '../message.ts';

export const plJoin: Translation<typeof enJoin> = {
  'join.title': 'Dołącz do kolejki — {store}',
  'join.intro': 'Wybierz, czego potrzebujesz. Bez aplikacji i bez konta.',
  'join.name.label': 'Twoje imię (nieobowiązkowo)',
  'join.name.hint': 'Żebyśmy mogli przywitać Cię po imieniu.',
  'join.joining': 'Chwileczkę…',
  'join.checkInNote': 'Po przyjściu dotknij „Jestem na miejscu”.',
  'join.notOffered': 'Ten sklep nie wydaje biletów na telefon. Weź bilet z biletomatu w sklepie.',
  'join.error.phoneHasTicket': 'Ten telefon ma już bilet w kolejce.',
  'join.openTicket': 'Otwórz mój bilet',
  'join.error.addressLimit':
    'Z tej sieci pobrano właśnie wiele biletów. Spróbuj ponownie o {time} albo weź bilet z biletomatu.',
  'join.error.serviceHourFull':
    'Bilety na telefon do tej usługi są na razie wyczerpane. Spróbuj ponownie o {time} albo weź bilet z biletomatu.',
  'join.error.other': 'Przepraszamy, nie udało się. Spróbuj ponownie.',
  'join.error.offline': 'Nie możemy teraz połączyć się ze sklepem. Spróbuj ponownie.',
  'join.here': 'Jestem na miejscu',
  'join.here.due':
    'Gdy będziesz w sklepie, dotknij „Jestem na miejscu” do {time}, inaczej Twoje miejsce przepadnie.',
  'join.here.done': 'Dziękujemy, jesteś na miejscu.',
  'join.here.notInStore':
    'Połącz się z Wi-Fi sklepu i dotknij ponownie albo wpisz swój numer w biletomacie.',
  'join.here.failed': 'Nie udało się. Spróbuj ponownie albo poproś o pomoc pracownika.',
  'join.dropped.noCheckIn':
    'Nie potwierdzono przybycia na czas, więc Twoje miejsce przepadło. Możesz dołączyć ponownie.',
  'join.dropped.closed':
    'Kolejka na dziś została zamknięta przed Twoją kolejką. Przepraszamy za czekanie.',
  'join.poster.title': 'Dołącz do kolejki z telefonu',
  'join.poster.scan': 'Zeskanuj kod, wybierz, czego potrzebujesz, a wywołamy Twój numer.',
};
