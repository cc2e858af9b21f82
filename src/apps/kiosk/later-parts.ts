import { lazy } from 'react';
import { loadStaffMessages } from '../../ui/i18n/catalogs.ts';
import type * as TicketScreenCode from './TicketScreen.tsx';

/**
 * The kiosk's code its welcome screen does not need, in chunks of their own: the ticket
 * screen (with the receipt and the printers), fetched as soon as the welcome screen is up,
 * and the staff-only PIN pad and settings, fetched when the hidden gesture opens them. The
 * service worker precaches them all, so they load offline too.
 */
export type TicketScreenModule = typeof TicketScreenCode;

let ticketScreen: Promise<TicketScreenModule> | undefined;

/** The ticket screen's module, fetched once (again after a failed fetch). */
export function loadTicketScreen(): Promise<TicketScreenModule> {
  if (!ticketScreen) {
    const p = import('./TicketScreen.tsx');
    p.catch(() => {
      if (ticketScreen === p) ticketScreen = undefined;
    });
    ticketScreen = p;
  }
  return ticketScreen;
}

/** Brings a USB receipt printer paired earlier back, once the printing code is in. */
export async function restoreUsbPrinterLater(): Promise<void> {
  const { restoreUsbPrinter } = await import('./printer.ts');
  await restoreUsbPrinter();
}

export const PinDialog = lazy(async () => {
  const [{ PinDialog }] = await Promise.all([import('./PinDialog.tsx'), loadStaffMessages()]);
  return { default: PinDialog };
});

export const KioskSettings = lazy(async () => {
  const [{ KioskSettings }] = await Promise.all([
    import('./KioskSettings.tsx'),
    loadStaffMessages(),
  ]);
  return { default: KioskSettings };
});
