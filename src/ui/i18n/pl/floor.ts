import type { enFloor } from '../en/floor.ts';
import type { Translation } from '../message.ts';

export const plFloor: Translation<typeof enFloor> = {
  'floor.title': 'Sala',
  'floor.back': 'Wróć do stanowiska',
  'floor.open': 'Widok sali',
  'floor.waits.title': 'Czas oczekiwania teraz',
  'floor.waits.note':
    'Dla klienta, który pobiera bilet teraz; w podanym zakresie mieści się 8 na 10.',
  'floor.wait.about': 'około {estimate}',
  'floor.wait.short': 'poniżej minuty',
  'floor.wait.target': 'cel {target}',
  'floor.wait.waiting': {
    '=0': 'nikt nie czeka',
    one: '{count} osoba czeka',
    few: '{count} osoby czekają',
    many: '{count} osób czeka',
    other: '{count} osoby czeka',
  },
  'floor.wait.counters': {
    '=0': 'żadne stanowisko nie jest otwarte',
    one: '{count} stanowisko otwarte',
    few: '{count} stanowiska otwarte',
    many: '{count} stanowisk otwartych',
    other: '{count} stanowiska otwartego',
  },
  'floor.wait.over': 'Powyżej celu',
  'floor.wait.longest': 'najdłużej czeka {waited}',
  'floor.alerts.title': 'Alarmy',
  'floor.alerts.none': 'Wszystkie czasy oczekiwania mieszczą się w celu.',
  'floor.alerts.held':
    'Nowego alarmu jeszcze nie ma (poprzedni minął przed chwilą), ale usługa potrzebuje stanowiska: zobacz niżej.',
  'floor.alert.over': '{service}: oczekiwanie około {estimate}, powyżej celu {target}',
  'floor.alert.noCounter': {
    one: '{service}: czeka {count} osoba, a żadne stanowisko nie jest otwarte dla tej usługi',
    few: '{service}: czekają {count} osoby, a żadne stanowisko nie jest otwarte dla tej usługi',
    many: '{service}: czeka {count} osób, a żadne stanowisko nie jest otwarte dla tej usługi',
    other: '{service}: czeka {count} osoby, a żadne stanowisko nie jest otwarte dla tej usługi',
  },
  'floor.alert.longest': '{service}: klient czeka już {waited}, powyżej celu {target}',
  'floor.alert.action': 'Jeśli możesz, otwórz dla tej usługi kolejne stanowisko.',
  'floor.alert.actionOpen': 'Jeśli możesz, otwórz stanowisko dla tej usługi.',
  'floor.alert.since': 'od {time}',
  'floor.alert.cleared': '{service}: znów w celu od {time}',
  'floor.sound': 'Włącz dźwięk alarmów',
};
