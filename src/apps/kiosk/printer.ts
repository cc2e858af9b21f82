import { useSyncExternalStore } from 'react';
import { localized, type StoreConfig } from '../../domain/config/types.ts';
import { createI18n } from '../../ui/i18n/i18n.ts';
import { receiptEscPos } from './escpos.ts';
import type { ReceiptData } from './Receipt.tsx';
import { rememberedUsbPrinter, type UsbPrinter } from './usb-printer.ts';

/**
 * Where paper tickets go: a USB ESC/POS printer when the manager connected one, otherwise the
 * browser's print path (silent with Chromium's --kiosk-printing, see README).
 */
let usbPrinter: UsbPrinter | undefined;
const listeners = new Set<() => void>();

export function setUsbPrinter(printer: UsbPrinter | undefined): void {
  usbPrinter = printer;
  for (const l of listeners) l();
}

export function useUsbPrinter(): UsbPrinter | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => usbPrinter,
  );
}

let restoring: Promise<void> | undefined;

/** Finds the USB printer chosen on an earlier start (once per page load). */
export function restoreUsbPrinter(): Promise<void> {
  restoring ??= rememberedUsbPrinter().then(
    (p) => setUsbPrinter(p),
    (error: unknown) => console.warn('USB printer not available', error),
  );
  return restoring;
}

/** ESC/POS text mode prints Latin script only: the ticket goes out in the store's language. */
function escPosReceipt(data: ReceiptData, config: StoreConfig, serviceName: string) {
  const lang = config.store.defaultLanguage;
  const { t, time } = createI18n({ language: lang, timeZone: config.store.timeZone });
  const { header, footer } = config.kiosk.receipt ?? {};
  return receiptEscPos({
    ...(header ? { header: localized(header, lang, lang) } : {}),
    store: localized(config.store.name, lang, lang),
    label: t('kiosk.ticket.heading'),
    number: data.number,
    service: serviceName,
    ...(data.priority ? { priority: t('kiosk.ticket.priority') } : {}),
    ...(data.ahead !== undefined ? { ahead: t('kiosk.ticket.ahead', { count: data.ahead }) } : {}),
    time: t('kiosk.receipt.time', { time: time(data.at) }),
    track: t('kiosk.receipt.track'),
    url: data.url,
    ...(footer ? { footer: localized(footer, lang, lang) } : {}),
  });
}

/** Prints a ticket; the receipt must be on the page (rendered by <Receipt>) for the browser. */
export async function printTicket(
  data: ReceiptData,
  config: StoreConfig,
  serviceNameInStoreLanguage: string,
): Promise<void> {
  if (usbPrinter) {
    try {
      await usbPrinter.print(escPosReceipt(data, config, serviceNameInStoreLanguage));
      return;
    } catch (error) {
      console.warn('USB printer failed; printing through the browser', error);
    }
  }
  await document.fonts?.ready;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  window.print();
}
