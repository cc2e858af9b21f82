/**
 * The words of the hub's plain-HTTP setup page, in the staff languages (English, Polish).
 * The hub renders this page itself: it must work on a tablet that cannot run the app yet.
 * Polish is typed against English, so a missing key is a compile error.
 */
const en = {
  title: 'Set up a tablet for {store}',
  intro:
    'Each tablet trusts this store’s certificate once. Then the store’s screens open over a secure connection and keep working when the network is down.',
  downloadTitle: '1. Download the store certificate',
  downloadPem: 'Certificate (.crt)',
  downloadDer: 'Certificate for Windows and Android (.cer)',
  downloadApple: 'Profile for iPad and iPhone',
  fingerprint:
    'Before you trust it, check that its SHA-256 fingerprint is the one the hub printed when it started:',
  trustTitle: '2. Trust it on the tablet',
  android: 'Android',
  androidSteps:
    'Settings → Security → Encryption and credentials → Install a certificate → CA certificate, then pick the downloaded .cer file.',
  chromeos: 'ChromeOS',
  chromeosSteps:
    'Settings → Privacy and security → Security → Manage certificates → Authorities → Import, pick the .crt file and tick “Trust this certificate for identifying websites”.',
  ipados: 'iPad and iPhone',
  ipadosSteps:
    'Open the profile link in Safari and allow the download. Settings → Profile Downloaded → Install. Then Settings → General → About → Certificate Trust Settings: turn on full trust for the Nextup store authority.',
  windows: 'Windows',
  windowsSteps:
    'Open the .cer file → Install Certificate → Local Machine → Place all certificates in “Trusted Root Certification Authorities”.',
  linux: 'Linux',
  linuxSteps:
    'Chromium and Chrome: certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n "Nextup store" -i nextup-store-ca.crt (package libnss3-tools). Firefox: Settings → Certificates → View Certificates → Authorities → Import.',
  openTitle: '3. Open the store’s screens',
  openBody:
    'Scan this code with the tablet, or type {url}. Then pair it: a manager makes a pairing code on the manager screen (Devices).',
  qrLabel: 'QR code for {url}',
  surfacesTitle: 'Screens',
  kiosk: 'Kiosk (lobby tablet)',
  clerk: 'Clerk tablet',
  board: 'Lobby display',
  manager: 'Manager',
  floor: 'Floor staff',
  plainNote:
    'This page is sent without encryption on purpose: it is how a new tablet learns to trust the store. Everything else on this hub is served over HTTPS.',
} as const;

type SetupKey = keyof typeof en;

const pl: Record<SetupKey, string> = {
  title: 'Konfiguracja tabletu dla: {store}',
  intro:
    'Każdy tablet raz ufa certyfikatowi tego sklepu. Potem ekrany sklepu otwierają się przez bezpieczne połączenie i działają także bez sieci.',
  downloadTitle: '1. Pobierz certyfikat sklepu',
  downloadPem: 'Certyfikat (.crt)',
  downloadDer: 'Certyfikat dla Windows i Androida (.cer)',
  downloadApple: 'Profil dla iPada i iPhone’a',
  fingerprint:
    'Zanim mu zaufasz, sprawdź, czy jego odcisk SHA-256 jest taki, jaki hub wypisał przy starcie:',
  trustTitle: '2. Zaufaj mu na tablecie',
  android: 'Android',
  androidSteps:
    'Ustawienia → Zabezpieczenia → Szyfrowanie i dane logowania → Zainstaluj certyfikat → Certyfikat CA, potem wybierz pobrany plik .cer.',
  chromeos: 'ChromeOS',
  chromeosSteps:
    'Ustawienia → Prywatność i bezpieczeństwo → Bezpieczeństwo → Zarządzaj certyfikatami → Urzędy → Importuj, wybierz plik .crt i zaznacz „Ufaj temu certyfikatowi przy identyfikowaniu witryn”.',
  ipados: 'iPad i iPhone',
  ipadosSteps:
    'Otwórz link do profilu w Safari i pozwól na pobranie. Ustawienia → Pobrano profil → Zainstaluj. Potem Ustawienia → Ogólne → To urządzenie → Ustawienia zaufania certyfikatów: włącz pełne zaufanie dla urzędu sklepu Nextup.',
  windows: 'Windows',
  windowsSteps:
    'Otwórz plik .cer → Zainstaluj certyfikat → Komputer lokalny → Umieść wszystkie certyfikaty w magazynie „Zaufane główne urzędy certyfikacji”.',
  linux: 'Linux',
  linuxSteps:
    'Chromium i Chrome: certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n "Nextup store" -i nextup-store-ca.crt (pakiet libnss3-tools). Firefox: Ustawienia → Certyfikaty → Wyświetl certyfikaty → Organy certyfikacji → Importuj.',
  openTitle: '3. Otwórz ekrany sklepu',
  openBody:
    'Zeskanuj ten kod tabletem albo wpisz {url}. Potem sparuj tablet: kierownik tworzy kod parowania na ekranie kierownika (Urządzenia).',
  qrLabel: 'Kod QR do {url}',
  surfacesTitle: 'Ekrany',
  kiosk: 'Kiosk (tablet w holu)',
  clerk: 'Tablet obsługi',
  board: 'Ekran w holu',
  manager: 'Kierownik',
  floor: 'Obsługa sali',
  plainNote:
    'Ta strona celowo nie jest szyfrowana: dzięki niej nowy tablet uczy się ufać sklepowi. Wszystko inne na tym hubie działa przez HTTPS.',
};

const CATALOGS: Readonly<Record<string, Record<SetupKey, string>>> = { en, pl };

export const SETUP_LANGUAGES = Object.keys(CATALOGS);

export type SetupText = (key: SetupKey, params?: Readonly<Record<string, string>>) => string;

export function setupText(language: string): SetupText {
  const catalog = CATALOGS[language] ?? en;
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => params?.[name] ?? whole);
}

/** ?lang= first, then the browser's Accept-Language, then the store's own language. */
export function setupLanguage(
  query: string | null,
  acceptLanguage: string | undefined,
  storeLanguage: string,
): string {
  const wanted = [
    query ?? '',
    ...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]?.trim() ?? ''),
    storeLanguage,
  ];
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (SETUP_LANGUAGES.includes(base)) return base;
  }
  return 'en';
}
