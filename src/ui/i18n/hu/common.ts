import type { enCommon } from '../en/common.ts';
import type { Translation } from '../message.ts';

export const huCommon: Translation<typeof enCommon> = {
  'app.name': 'Nextup',
  'shell.loading': 'Előkészítés…',
  'shell.noConfig.title': 'Ez az eszköz még nem kapcsolódott az áruház szerveréhez',
  'shell.noConfig.body':
    'Csatlakoztassa egyszer az áruház hálózatához, hogy betöltse a beállításokat. Utána hálózat nélkül is működik.',
  'shell.error.title': 'Ezt a képernyőt nem sikerült elindítani',
  'shell.error.detail': 'Részletek: {message}',
  'shell.error.retry': 'Újrapróbálás',
  'shell.removed.title': 'Ezt a táblagépet egy vezető eltávolította az áruházból.',
  'shell.removed.body': 'Ha újra használni szeretné, kérjen párosítási kódot egy vezetőtől.',
  'shell.removed.code': 'Párosítási kód',
  'shell.removed.submit': 'Újrapárosítás',
  'shell.error.autoRetry': {
    one: 'Újrapróbálkozás másodpercenként.',
    other: 'Újrapróbálkozás {count} másodpercenként.',
  },
  'shell.update': 'Új verzió – újratöltés',
  'landing.title': 'Nextup',
  'landing.intro': 'Válassza ki, mire szolgál ez az eszköz.',
  'landing.kiosk': 'Kioszk',
  'landing.kiosk.hint': 'A vásárlók a bejáratnál sorszámot kérnek.',
  'landing.clerk': 'Pult',
  'landing.clerk.hint': 'A munkatársak szólítják és kiszolgálják a vásárlókat.',
  'landing.board': 'Várótermi kijelző',
  'landing.board.hint': 'A képernyő, amely mutatja, kit melyik pulthoz szólítanak.',
  'landing.floor': 'Eladótér',
  'landing.floor.hint': 'Az eladótéren dolgozók látják a várakozási időket és a riasztásokat.',
  'landing.manager': 'Vezető',
  'landing.manager.hint':
    'Az üzlet sorai, eszközei és előzményei. Az első vezető a hub indításkor kiírt linkjét nyitja meg.',
  'notFound.title': 'Ezen a címen nincs semmi',
  'notFound.back': 'Vissza a kezdőlapra',
  'connection.label': 'Kapcsolat',
  'connection.online': 'Online',
  'connection.offline': 'Offline',
  'connection.connecting': 'Kapcsolódás…',
  'connection.pending': {
    one: '{count} módosítás szinkronizálásra vár',
    other: '{count} módosítás szinkronizálásra vár',
  },
  'connection.noOfflineStart': 'offline nem indul',
  'language.choose': 'Nyelv',
  'ticket.priority': 'Elsőbbség',
  'wait.noCounter': 'Ehhez most egy pult sincs nyitva',
};
