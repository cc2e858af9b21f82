import type { enKiosk } from '../en/kiosk.ts';
import type { Translation } from '../message.ts';

export const huKiosk: Translation<typeof enKiosk> = {
  'kiosk.setup.title': 'Melyik kioszk ez a táblagép?',
  'kiosk.setup.intro':
    'Minden kioszk saját sorszámokat ad ki, ezért egy kioszkot csak egy táblagéphez rendeljen.',
  'kiosk.setup.empty': 'Az áruház beállításaiban nincs kioszk. Kérdezze meg az áruházvezetőt.',
  'kiosk.welcome.title': '{store} – üdvözöljük!',
  'kiosk.welcome.prompt': 'Sorszámért érintse meg a kívánt szolgáltatást.',
  'kiosk.welcome.noServices':
    'Még nincs beállítva szolgáltatás. Kérjük, forduljon munkatársunkhoz.',
  'kiosk.issuing': 'Egy pillanat…',
  'kiosk.service.waitAbout': 'Kb. {estimate} várakozás',
  'kiosk.service.waitShort': 'Alig vagy egyáltalán nem kell várni',
  'kiosk.service.waitChecking': 'Ellenőrizzük a várakozási időt…',
  'kiosk.service.priority': 'Elsőbbségi sorszám',
  'kiosk.hours.closed': 'Zárva — nyitás: {when}',
  'kiosk.hours.closedNoDate': 'Jelenleg zárva',
  'kiosk.hours.lineFull': 'A mai sor megtelt — nyitás: {when}',
  'kiosk.hours.lineFullNoDate': 'A mai sor megtelt',
  'kiosk.hours.capReached': 'Erre a szolgáltatásra ma már nincs több sorszám',
  'kiosk.hours.today': 'ma {time}',
  'kiosk.hours.tomorrow': 'holnap {time}',
  'kiosk.hours.later': '{day} {time}',
  'kiosk.error.notIssuing': 'Erre a szolgáltatásra most nem adunk ki több sorszámot.',
  'kiosk.priority.hint':
    'Elsőbbségi sorszámot várandós, fogyatékossággal élő, illetve hosszan állni nem tudó vásárlóink kérhetnek.',
  'kiosk.display.label': 'Megjelenítés',
  'kiosk.display.contrast': 'Nagy kontraszt',
  'kiosk.display.large': 'Nagyobb betű',
  'kiosk.ticket.heading': 'Az Ön sorszáma',
  'kiosk.ticket.priority': 'Elsőbbségi sorszám',
  'kiosk.ticket.ahead': {
    '=0': 'Ön következik',
    one: 'Ön előtt {count} ember vár',
    other: 'Ön előtt {count} ember vár',
  },
  'kiosk.ticket.waitAbout': 'Kb. {estimate} ({range})',
  'kiosk.ticket.waitUnderMinute': 'Kevesebb, mint egy perc',
  'kiosk.ticket.checking': 'Ellenőrizzük a helyét a sorban…',
  'kiosk.ticket.callWhenOpen': 'Szólítjuk, amint megnyílik egy pult.',
  'kiosk.ticket.remember': 'Kérjük, jegyezze meg a sorszámát. A kijelzőn fogjuk szólítani.',
  'kiosk.ticket.qr': 'Olvassa be a kódot, és kövesse a telefonján, hol tart a sor.',
  'kiosk.ticket.qrLabel': 'QR-kód: sorszáma ({number}) követése a telefonján',
  'kiosk.ticket.called': 'Most szólítjuk az Ön sorszámát!',
  'kiosk.ticket.goTo': 'Kérjük, fáradjon ide: {counter}.',
  'kiosk.ticket.print': 'Sorszám nyomtatása',
  'kiosk.ticket.printing': 'Nyomtatjuk a sorszámát…',
  'kiosk.ticket.done': 'Kész',
  'kiosk.receipt.time': 'Kiadva: {time}',
  'kiosk.receipt.track': 'Kövesse, hol tart a sor:',
  'kiosk.error.rangeExhausted':
    'Sajnáljuk, ez a kioszk ma már nem tud több sorszámot kiadni. Kérjük, forduljon munkatársunkhoz.',
  'kiosk.error.storageFailed':
    'Sajnáljuk, a sorszámot nem sikerült elmenteni. Kérjük, próbálja újra.',
  'kiosk.error.other':
    'Sajnáljuk, hiba történt. Kérjük, próbálja újra, vagy forduljon munkatársunkhoz.',
  'kiosk.error.rateLimited': {
    one: 'Az imént sok sorszámot kértek itt. Kérjük, várjon {count} másodpercet, majd próbálja újra, vagy kérjen segítséget munkatársunktól.',
    other:
      'Az imént sok sorszámot kértek itt. Kérjük, várjon {count} másodpercet, majd próbálja újra, vagy kérjen segítséget munkatársunktól.',
  },
  'kiosk.error.priorityNotAllowed':
    'Ehhez a szolgáltatáshoz nem adunk elsőbbségi sorszámot. Kérjen normál sorszámot, vagy forduljon munkatársunkhoz.',
  'kiosk.checkIn.open': 'Van sorszámom a telefonomon',
  'kiosk.checkIn.prompt': 'Írja be a telefonján látható sorszámot',
  'kiosk.checkIn.submit': 'Megérkeztem',
  'kiosk.checkIn.cancel': 'Vissza',
  'kiosk.checkIn.done': 'Köszönjük, a(z) {number} sorszám megérkezését rögzítettük.',
  'kiosk.checkIn.unknown': 'Nem találtunk érkezésre váró {number} telefonos sorszámot.',
  'kiosk.checkIn.booked.open': 'Időpontot foglaltam',
  'kiosk.checkIn.booked.prompt': 'Írja be a foglalás 6 jegyű kódját',
  'kiosk.checkIn.booked.unknown': 'Nem találtunk mai foglalást {code} kóddal.',
  'kiosk.checkIn.booked.cancelled':
    'A(z) {code} kódú foglalást lemondták. Kérjük, vegyen sorszámot.',
  'kiosk.checkIn.booked.arrived': 'Már megérkezett: a sorszáma {number}.',
  'kiosk.checkIn.booked.late':
    'A foglalt időpont elmúlt. Kérjük, vegyen sorszámot, és amint lehet, kiszolgáljuk.',
};
