import type { enTrack } from '../en/track.ts';
import type { Translation } from '../message.ts';

export const huTrack: Translation<typeof enTrack> = {
  'track.title': 'Az Ön sorszáma – {store}',
  'track.number': 'Az Ön sorszáma',
  'track.loading': 'Betöltjük a sorszámát…',
  'track.ahead': {
    '=0': 'Ön következik!',
    one: 'Ön előtt {count} ember vár',
    other: 'Ön előtt {count} ember vár',
  },
  'track.waitAbout': 'Kb. {estimate} ({range})',
  'track.waitUnderMinute': 'Kevesebb, mint egy perc',
  'track.callWhenOpen': 'Szólítjuk, amint megnyílik egy pult.',
  'track.next': 'Kérjük, maradjon a pultok közelében: hamarosan szólítjuk.',
  'track.called': 'Ön következik! Kérjük, fáradjon ide: {counter}.',
  'track.serving': 'Most Önt szolgáljuk ki: {counter}.',
  'track.done': 'Köszönjük a látogatását!',
  'track.noShow':
    'Szólítottuk a sorszámát, de nem találtuk Önt. Kérjük, kérjen új sorszámot a kioszknál.',
  'track.cancelled': 'Kilépett a sorból. Köszönjük, hogy jelezte.',
  'track.notFound': 'Ezt a sorszámot nem találjuk. A sorszám csak a kiadás napján érvényes.',
  'track.onItsWay':
    'A sorszáma úton van az üzlet rendszerébe. Ez az oldal megmutatja, amint megérkezik.',
  'track.invalid': 'Ez nem érvényes sorszám-link. Kérjük, olvassa be újra a sorszámon lévő kódot.',
  'track.offline': 'Most nem érjük el az áruházat. Újrapróbálkozunk…',
  'track.updated': 'Frissítve: {time}',
  'track.live': 'Ez az oldal magától frissül. Tartsa nyitva.',
  'track.notify': 'Szóljon, amikor sorra kerülök',
  'track.notify.on': 'Szólunk, amikor sorra kerül.',
  'track.notify.blocked':
    'Az értesítések ki vannak kapcsolva ebben a böngészőben. Tartsa nyitva ezt az oldalt: magától frissül.',
  'track.leave': 'Kilépés a sorból',
  'track.leave.confirm':
    'Biztosan kilép a sorból? A sorszáma érvénytelen lesz, és elveszíti a helyét.',
  'track.leave.yes': 'Igen, kilépek a sorból',
  'track.leave.no': 'Nem, maradok a sorban',
  'track.leave.failed': 'Ez nem sikerült. Kérjük, próbálja újra, vagy szóljon munkatársunknak.',
  'track.alert.next': '{number} sorszám: Ön következik.',
  'track.alert.soon': {
    one: '{number} sorszám: {count} ember van Ön előtt. Kérjük, jöjjön vissza a pultokhoz.',
    other: '{number} sorszám: {count} ember van Ön előtt. Kérjük, jöjjön vissza a pultokhoz.',
  },
  'track.notify.pushOn': 'A jelzések akkor is megérkeznek erre a telefonra, ha bezárja az oldalt.',
  'track.notify.stayOpen': 'Tartsa nyitva ezt az oldalt: csak nyitva tudja értesíteni.',
  'track.alert.called': '{number} sorszám: kérjük, fáradjon ide: {counter}.',
  'track.data.title': 'Az Ön adatai',
  'track.data.about': {
    one: 'Az üzlet {count} napig őrzi a látogatásáról készült jegyzeteit. Most letöltheti vagy törölheti őket.',
    other:
      'Az üzlet {count} napig őrzi a látogatásáról készült jegyzeteit. Most letöltheti vagy törölheti őket.',
  },
  'track.data.download': 'Adataim letöltése',
  'track.data.forget': 'A látogatásomról készült jegyzetek törlése',
  'track.data.forgotten': 'Kész: a látogatásáról készült jegyzeteket töröltük.',
  'track.data.inLine': 'Még sorban áll: előbb lépjen ki a sorból, vagy kérje a látogatás után.',
  'track.data.tooMany':
    'Túl sok kérés érkezett erről a hálózatról. Kérjük, próbálja újra egy perc múlva.',
  'track.data.failed': 'Ez nem sikerült. Kérjük, próbálja újra később.',
};
