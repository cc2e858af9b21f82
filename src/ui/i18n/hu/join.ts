import type { enJoin } from '../en/join.ts';
import type { Translation } from '../message.ts';

export const huJoin: Translation<typeof enJoin> = {
  'join.title': 'Álljon sorba: {store}',
  'join.intro': 'Válassza ki, mire van szüksége. Nem kell alkalmazás, sem fiók.',
  'join.name.label': 'Keresztneve (nem kötelező)',
  'join.name.hint': 'Hogy a nevén szólíthassuk.',
  'join.joining': 'Egy pillanat…',
  'join.checkInNote': 'Érkezéskor koppintson az „Itt vagyok” gombra.',
  'join.notOffered':
    'Ez az üzlet nem ad ki sorszámot telefonra. Kérjük, vegyen sorszámot az üzletben lévő automatából.',
  'join.error.phoneHasTicket': 'Ezen a telefonon már van sorszám a sorban.',
  'join.openTicket': 'Sorszámom megnyitása',
  'join.error.addressLimit':
    'Erről a hálózatról most sok sorszámot kértek. Kérjük, próbálja újra ekkor: {time}, vagy vegyen sorszámot az automatából.',
  'join.error.serviceHourFull':
    'Ehhez a szolgáltatáshoz most elfogytak a telefonos sorszámok. Kérjük, próbálja újra ekkor: {time}, vagy vegyen sorszámot az automatából.',
  'join.error.other': 'Sajnáljuk, ez nem sikerült. Kérjük, próbálja újra.',
  'join.error.offline': 'Most nem érjük el az üzletet. Kérjük, próbálja újra.',
  'join.here': 'Itt vagyok',
  'join.here.due':
    'Ha már az üzletben van, koppintson az „Itt vagyok” gombra eddig: {time}, különben elveszíti a helyét.',
  'join.here.done': 'Köszönjük, megérkezését rögzítettük.',
  'join.here.notInStore':
    'Kérjük, csatlakozzon az üzlet Wi-Fi-hálózatához és koppintson újra, vagy írja be a sorszámát az automatán.',
  'join.here.failed': 'Ez nem sikerült. Kérjük, próbálja újra, vagy szóljon egy munkatársnak.',
  'join.dropped.noCheckIn':
    'Nem jelezte időben, hogy megérkezett, ezért a helye megszűnt. Szívesen várjuk újra a sorban.',
  'join.dropped.closed': 'A mai sor lezárult, mielőtt sorra került volna. Elnézést a várakozásért.',
  'join.poster.title': 'Álljon sorba a telefonjáról',
  'join.poster.scan':
    'Olvassa be a kódot, válassza ki, mire van szüksége, és szólítjuk a sorszámát.',
};
