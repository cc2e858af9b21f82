import type { enKiosk } from '../en/kiosk.ts';
import type { Translation } from '../message.ts';

export const plKiosk: Translation<typeof enKiosk> = {
  'kiosk.setup.title': 'Którym kioskiem jest ten tablet?',
  'kiosk.setup.intro':
    'Każdy kiosk wydaje własne numery biletów, więc każdy kiosk przypisz tylko do jednego tabletu.',
  'kiosk.setup.empty': 'Konfiguracja sklepu nie zawiera kiosków. Zapytaj kierownika sklepu.',
  'kiosk.welcome.title': '{store} — witamy!',
  'kiosk.welcome.prompt': 'W czym możemy pomóc? Dotknij, aby pobrać bilet.',
  'kiosk.welcome.noServices': 'Nie ustawiono jeszcze usług. Prosimy zwrócić się do pracownika.',
  'kiosk.issuing': 'Chwileczkę…',
  'kiosk.service.waitAbout': 'Czekanie ok. {estimate} min',
  'kiosk.service.waitShort': 'Bez czekania lub krótko',
  'kiosk.ticket.heading': 'Twój numer',
  'kiosk.ticket.ahead': {
    '=0': 'Twoja kolej jest następna',
    one: 'Przed Tobą jest {count} osoba',
    few: 'Przed Tobą są {count} osoby',
    many: 'Przed Tobą jest {count} osób',
    other: 'Przed Tobą jest {count} osoby',
  },
  'kiosk.ticket.waitAbout': 'Około {estimate} min ({low}–{high} min)',
  'kiosk.ticket.waitUnderMinute': 'Mniej niż minuta',
  'kiosk.ticket.noCounterOpen':
    'Żadne stanowisko nie obsługuje jeszcze tej sprawy. Wywołamy Cię, gdy tylko się otworzy.',
  'kiosk.ticket.remember': 'Zapamiętaj swój numer. Wywołamy go na ekranie.',
  'kiosk.ticket.called': 'Twój numer jest właśnie wywoływany!',
  'kiosk.ticket.goTo': 'Zapraszamy do: {counter}.',
  'kiosk.ticket.done': 'Gotowe',
  'kiosk.error.rangeExhausted':
    'Przepraszamy, ten kiosk nie może dziś wydać więcej biletów. Prosimy zwrócić się do pracownika.',
  'kiosk.error.storageFailed': 'Przepraszamy, nie udało się zapisać biletu. Spróbuj ponownie.',
  'kiosk.error.other':
    'Przepraszamy, coś poszło nie tak. Spróbuj ponownie lub zwróć się do pracownika.',
};
