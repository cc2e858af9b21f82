import type { enDevices } from '../en/devices.ts';
import type { Translation } from '../message.ts';

export const huDevices: Translation<typeof enDevices> = {
  'devices.pair.title': 'Párosítsa ezt az eszközt az áruházzal',
  'devices.pair.body':
    'Kérjen párosítási kódot egy vezetőtől (vezetői képernyő, Eszközök, Eszköz hozzáadása), vagy olvassa be az ott látható QR-kódot.',
  'devices.pair.code': 'Párosítási kód',
  'devices.pair.submit': 'Párosítás',
  'devices.pair.problem': 'Az áruház szervere szerint: {message}',
  'devices.pair.firstTitle': 'Az áruház első vezetője',
  'devices.pair.firstBody':
    'Ez az áruház első vezetői eszköze, így még nincs kitől kódot kérni. Nyissa meg a linket, amelyet az áruház szervere induláskor kiírt: a szerver ablakában vagy termináljában a „first manager: open …” kezdetű sort.',
  'devices.pair.firstExpired':
    'A link egyszer használható, 24 óráig. Ha már nem működik, indítsa újra az áruház szerverét: új linket ír ki.',
  'devices.pair.firstCode': 'Vagy írja be a link végén álló kódot (a „pair=” után)',
  'devices.title': 'Eszközök',
  'devices.none': 'Még nincs párosított eszköz.',
  'devices.add': 'Eszköz hozzáadása',
  'devices.addRole': 'Az új eszköz szerepe',
  'devices.role.kiosk': 'Kioszk',
  'devices.role.clerk': 'Pulttáblagép',
  'devices.role.floor': 'Eladótéri telefon',
  'devices.role.board': 'Kijelző',
  'devices.role.manager': 'Vezető',
  'devices.role.agent': 'Az áruház szervere',
  'devices.name.numbered': '{role} {number}',
  'devices.code': 'Párosítási kód: {code}, egy eszközhöz, érvényes eddig: {time}',
  'devices.codeHint': 'Olvassa be a QR-kódot az új eszközzel, vagy nyissa meg rajta ezt a címet:',
  'devices.codeQr': 'QR-kód egy új eszköz párosításához',
  'devices.enrolledAt': 'párosítva: {time}',
  'devices.technicalId': 'Eszközazonosító: {id}',
  'devices.state.online': 'Elérhető',
  'devices.state.offline': '{time} óta nem elérhető',
  'devices.state.offlineUnknown': 'Nem elérhető',
  'devices.state.neverSeen': 'A párosítás óta nem csatlakozott',
  'devices.rename': 'Átnevezés',
  'devices.renameLabel': 'Új név ehhez: {name}',
  'devices.renameHint': 'Hagyja üresen, és újra „{name}” lesz.',
  'devices.renameSave': 'Mentés',
  'devices.renameCancel': 'Mégse',
  'devices.revoke': 'Eltávolítás',
  'devices.revoked': 'Eltávolítva az áruházból',
  'devices.revokeConfirm':
    'Eltávolítja ezt az áruházból: {name}? Azonnal leáll, és csak új párosítási kóddal térhet vissza; a rajta nyitott pultok bezárulnak.',
  'devices.revokeYes': 'Eltávolítás',
  'devices.revokeNo': 'Megtartás',
  'devices.thisDevice': 'ez az eszköz',
  'devices.refused.total': {
    '=0': 'Indulása óta az áruház szervere egyetlen üzenetet sem utasított el az eszközöktől.',
    one: 'Indulása óta az áruház szervere {count} üzenetet utasított el az eszközöktől.',
    other: 'Indulása óta az áruház szervere {count} üzenetet utasított el az eszközöktől.',
  },
  'devices.refused.why':
    'A szerver csak megbízható üzeneteket fogad el, így a sor rendben marad. Néhány egy hálózati akadozás után szokásos; sok általában azt jelenti, hogy egy eszközön régi alkalmazásverzió fut, vagy egy másik áruházhoz állították be.',
  'devices.refused.line': '{reason}: {count}',
  'devices.refused.malformed': 'sérült vagy olvashatatlan',
  'devices.refused.invalidEvent': 'ellentmond a sor szabályainak',
  'devices.refused.otherStore': 'egy másik áruháznak szólt',
  'devices.refused.forged': 'egy másik eszköz nevében küldve, vagy túllépi az eszköz jogait',
  'devices.refused.implausible': 'lehetetlen időponttal vagy számmal',
  'devices.refused.catchUpLimited':
    'lerövidített pótlás (az eszköz a többit legközelebb kapja meg)',
  'devices.refused.other': 'egyéb okok',
  'devices.error': 'Ez nem sikerült: {message}',
  'devices.staff.title': 'Ki dolgozik ezen a táblagépen?',
  'devices.staff.pin': '{name} PIN-kódja',
  'devices.staff.signIn': 'Bejelentkezés',
  'devices.staff.back': 'Vissza',
  'devices.staff.wrong': 'Ez a PIN-kód nem jó. Próbálja újra.',
  'devices.staff.locked': 'Túl sok hibás PIN-kód. Várjon egy percet, majd próbálja újra.',
  'devices.staff.signedIn': 'Bejelentkezve: {name}',
  'devices.staff.signOut': 'Kijelentkezés',
  'devices.storage.low':
    'Ezen az eszközön majdnem elfogyott a tárhely. Eddig minden mentve van; kérjük, szabadítson fel helyet.',
  'devices.storage.full':
    'Az eszköz tárhelye megtelt: az utolsó művelet nem lett mentve. Minden korábban mentett adat biztonságban van. Szabadítson fel helyet, majd próbálja újra.',
  'devices.offline.insecure':
    'Ez a képernyő hálózat nélkül nem indul el: nem HTTPS-en nyitották meg, így nem tarthat offline másolatot.',
  'devices.offline.noWorker':
    'Ez a képernyő hálózat nélkül nem indul el: az offline másolatát nem sikerült telepíteni.',
  'devices.offline.setupAt': 'Állítsa be ezt a táblagépet itt: {url}',
  'devices.offline.askInsecure':
    'Nyissa meg az áruház szerverének https:// címén, miután az áruház tanúsítványa telepítve van ezen a táblagépen, vagy kérdezze meg, aki az áruház szerverét gondozza.',
  'devices.offline.askNoWorker':
    'Töltse újra, amíg van hálózat. Ha ez az üzenet megmarad, kérdezze meg, aki az áruház szerverét gondozza.',
};
