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
  'kiosk.service.waitAbout': 'Przewidywane czekanie: {estimate}',
  'kiosk.service.waitShort': 'Prawie bez czekania',
  'kiosk.service.waitChecking': 'Sprawdzamy czas oczekiwania…',
  'kiosk.service.priority': 'Bilet z pierwszeństwem',
  'kiosk.hours.closed': 'Zamknięte — otwieramy: {when}',
  'kiosk.hours.closedNoDate': 'Teraz zamknięte',
  'kiosk.hours.lineFull': 'Na dziś kolejka jest pełna — otwieramy: {when}',
  'kiosk.hours.lineFullNoDate': 'Na dziś kolejka jest pełna',
  'kiosk.hours.capReached': 'Na dziś nie ma już biletów do tej usługi',
  'kiosk.hours.today': 'dziś o {time}',
  'kiosk.hours.tomorrow': 'jutro o {time}',
  'kiosk.hours.later': '{day}, godz. {time}',
  'kiosk.error.notIssuing': 'Do tej usługi nie wydajemy teraz więcej biletów.',
  'kiosk.priority.hint':
    'Bilet z pierwszeństwem jest dla kobiet w ciąży, osób z niepełnosprawnością i osób, które nie mogą długo stać.',
  'kiosk.display.label': 'Wyświetlanie',
  'kiosk.display.contrast': 'Wysoki kontrast',
  'kiosk.display.large': 'Większy tekst',
  'kiosk.ticket.heading': 'Twój numer',
  'kiosk.ticket.priority': 'Bilet z pierwszeństwem',
  'kiosk.ticket.ahead': {
    '=0': 'Twoja kolej jest następna',
    one: 'Przed Tobą jest {count} osoba',
    few: 'Przed Tobą są {count} osoby',
    many: 'Przed Tobą jest {count} osób',
    other: 'Przed Tobą jest {count} osoby',
  },
  'kiosk.ticket.waitAbout': 'Przewidywany czas: {estimate} ({range})',
  'kiosk.ticket.waitUnderMinute': 'Mniej niż minuta',
  'kiosk.ticket.checking': 'Sprawdzamy Twoje miejsce w kolejce…',
  'kiosk.ticket.callWhenOpen': 'Wywołamy Cię, gdy tylko któreś stanowisko się otworzy.',
  'kiosk.ticket.remember': 'Zapamiętaj swój numer. Wywołamy go na ekranie.',
  'kiosk.ticket.qr': 'Zeskanuj kod, aby śledzić swoje miejsce w kolejce na telefonie.',
  'kiosk.ticket.qrLabel': 'Kod QR: link do śledzenia biletu {number} na telefonie',
  'kiosk.ticket.called': 'Twój numer jest właśnie wywoływany!',
  'kiosk.ticket.goTo': 'Zapraszamy do: {counter}.',
  'kiosk.ticket.print': 'Wydrukuj bilet',
  'kiosk.ticket.printing': 'Drukujemy Twój bilet…',
  'kiosk.ticket.done': 'Gotowe',
  'kiosk.receipt.time': 'Pobrano o {time}',
  'kiosk.receipt.track': 'Śledź swoje miejsce w kolejce:',
  'kiosk.error.rangeExhausted':
    'Przepraszamy, ten kiosk nie może dziś wydać więcej biletów. Prosimy zwrócić się do pracownika.',
  'kiosk.error.storageFailed': 'Przepraszamy, nie udało się zapisać biletu. Spróbuj ponownie.',
  'kiosk.error.other':
    'Przepraszamy, coś poszło nie tak. Spróbuj ponownie lub zwróć się do pracownika.',
  'kiosk.error.rateLimited': {
    one: 'Właśnie pobrano tu dużo biletów. Poczekaj {count} sekundę i spróbuj ponownie albo poproś o pomoc pracownika.',
    few: 'Właśnie pobrano tu dużo biletów. Poczekaj {count} sekundy i spróbuj ponownie albo poproś o pomoc pracownika.',
    many: 'Właśnie pobrano tu dużo biletów. Poczekaj {count} sekund i spróbuj ponownie albo poproś o pomoc pracownika.',
    other:
      'Właśnie pobrano tu dużo biletów. Poczekaj {count} sekundy i spróbuj ponownie albo poproś o pomoc pracownika.',
  },
  'kiosk.error.priorityNotAllowed':
    'Dla tej usługi nie wydajemy biletów z pierwszeństwem. Pobierz zwykły bilet albo poproś o pomoc pracownika.',
  'kiosk.checkIn.open': 'Mam bilet z telefonu',
  'kiosk.checkIn.prompt': 'Wpisz numer widoczny na telefonie',
  'kiosk.checkIn.submit': 'Potwierdź przybycie',
  'kiosk.checkIn.cancel': 'Wstecz',
  'kiosk.checkIn.done': 'Dziękujemy, {number} jest na miejscu.',
  'kiosk.checkIn.unknown':
    'Nie znaleźliśmy biletu z telefonu {number}, który czeka na potwierdzenie.',
  'kiosk.checkIn.booked.open': 'Mam rezerwację',
  'kiosk.checkIn.booked.prompt': 'Wpisz 6-cyfrowy kod rezerwacji',
  'kiosk.checkIn.booked.unknown': 'Nie znaleźliśmy na dziś rezerwacji z kodem {code}.',
  'kiosk.checkIn.booked.cancelled':
    'Rezerwacja z kodem {code} została odwołana. Prosimy pobrać bilet.',
  'kiosk.checkIn.booked.arrived': 'Jesteś już zarejestrowany: Twój numer to {number}.',
  'kiosk.checkIn.booked.late':
    'Zarezerwowany czas minął. Prosimy pobrać bilet, obsłużymy Cię jak najszybciej.',
};
