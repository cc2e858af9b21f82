import type { enBook } from '../en/book.ts';
import type { Translation } from '../message.ts';

export const huBook: Translation<typeof enBook> = {
  'book.title': 'Időpontfoglalás – {store}',
  'book.intro':
    'Válassza ki, mire van szüksége, a napot és az időpontot. Alkalmazás és fiók nélkül.',
  'book.service': 'Mire van szüksége?',
  'book.day': 'Nap',
  'book.time': 'Időpont',
  'book.loading': 'Egy pillanat…',
  'book.noTimes': 'Erre a napra nincs foglalható időpont. Kérjük, válasszon másik napot.',
  'book.full': 'Ezen a napon minden időpont foglalt. Kérjük, válasszon másik napot.',
  'book.name.label': 'Keresztneve (nem kötelező)',
  'book.name.hint': 'Hogy a nevén szólíthassuk.',
  'book.submit': 'Foglalás: {time}',
  'book.notOffered': 'Ez az üzlet nem fogad foglalást. Szeretettel várjuk foglalás nélkül is.',
  'book.error.full': 'Sajnos ezt az időpontot épp lefoglalták. Kérjük, válasszon másikat.',
  'book.error.noSuchSlot': 'Ez az időpont már nem foglalható. Kérjük, válasszon másikat.',
  'book.error.addressLimit':
    'Erről a hálózatról ma már sok foglalás történt. Kérjük, próbálja újra holnap.',
  'book.error.other': 'Sajnos nem sikerült. Kérjük, próbálja újra.',
  'book.error.offline': 'Most nem érjük el az üzletet. Kérjük, próbálja újra.',
  'book.done.title': 'Az Ön foglalása – {store}',
  'book.done.when': '{day}, {time}',
  'book.done.code': 'Bejelentkezési kódja',
  'book.done.codeHint':
    'Érkezéskor írja be a jegykiadó automatán, vagy koppintson lent az „Itt vagyok” gombra.',
  'book.done.keep':
    'Őrizze meg ezt az oldalt: a linkjével áthelyezheti vagy lemondhatja a foglalást.',
  'book.calendar': 'Hozzáadás a naptárhoz',
  'book.move': 'Áthelyezés másik időpontra',
  'book.move.submit': 'Áthelyezés ide: {time}',
  'book.move.back': 'Maradjon az időpontom',
  'book.cancel': 'Foglalás lemondása',
  'book.cancel.sure': 'Igen, lemondom',
  'book.cancelled': 'Ez a foglalás le van mondva. Az időpontja szabad mások számára.',
  'book.missed': 'A foglalás időpontja elmúlt.',
  'book.arrived': 'Bejelentkezett.',
  'book.openTicket': 'Jegyem megnyitása',
  'book.here': 'Itt vagyok',
  'book.here.until': 'Érkezéskor koppintson az „Itt vagyok” gombra, legkésőbb {time}-ig.',
  'book.here.notToday': 'A foglalás napján jelentkezhet be.',
  'book.here.notInStore':
    'Csatlakozzon az üzlet Wi-Fi-hálózatához, és koppintson újra, vagy írja be a kódját az automatán.',
  'book.here.late': 'Erre a foglalásra már nem lehet bejelentkezni.',
  'book.here.failed':
    'Nem sikerült. Kérjük, próbálja újra, vagy kérjen segítséget a személyzettől.',
  'book.notFound': 'Ezen a linken nem találtunk foglalást.',
};
