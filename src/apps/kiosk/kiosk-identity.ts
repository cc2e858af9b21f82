import { isString, localSetting } from '../../ui/local-setting.ts';

/** Which configured kiosk this tablet is: `?kiosk=kiosk-1` in the address, else remembered. */
const savedKiosk = localSetting('nextup.kiosk.id', isString);

export const KIOSK_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

export function kioskIdFromUrl(search: string): string | undefined {
  const id = new URLSearchParams(search).get('kiosk');
  return id && KIOSK_ID_PATTERN.test(id) ? id : undefined;
}

/** The kiosk id to start with; one given in the address is remembered for next time. */
export function initialKioskId(): string | undefined {
  const fromUrl = kioskIdFromUrl(location.search);
  if (fromUrl) {
    // (a write is a round trip to the browser's storage: not on every start)
    if (savedKiosk.read() !== fromUrl) savedKiosk.write(fromUrl);
    return fromUrl;
  }
  return savedKiosk.read();
}

export function rememberKiosk(id: string): void {
  savedKiosk.write(id);
  // A kiosk id in the address would override the choice after the next reload.
  const url = new URL(location.href);
  if (url.searchParams.has('kiosk')) {
    url.searchParams.delete('kiosk');
    history.replaceState(history.state, '', url);
  }
}

/** Forgets which kiosk this tablet is (kiosk settings: make it another kiosk). */
export function forgetKiosk(): void {
  savedKiosk.clear();
}
