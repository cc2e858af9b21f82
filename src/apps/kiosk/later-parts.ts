import { lazy } from 'react';
import { loadFullEnglish } from '../../ui/i18n/catalogs.ts';
import type * as TicketScreenCode from './TicketScreen.tsx';
import type { kioskIssue as kioskIssueFn } from '../../domain/kiosk/kiosk-issue.ts';

/**
 * The kiosk's code its welcome screen does not need, in chunks of their own: the ticket
 * screen (with the receipt and the printers) and the queue command that issues a ticket,
 * fetched as soon as the welcome screen is up (a tap before then waits for them),
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

let kioskIssue: typeof kioskIssueFn | undefined;

/**
 * The command a tap runs (the kiosk's rules and the numbering), fetched with the ticket screen.
 * Once in, it is handed over at once: awaiting an import that is already done still costs a
 * task, and a frame drawn in it, on every tap.
 */
export function loadKioskIssue(): typeof kioskIssueFn | Promise<typeof kioskIssueFn> {
  return (
    kioskIssue ??
    import('../../domain/kiosk/kiosk-issue.ts').then((m) => (kioskIssue = m.kioskIssue))
  );
}

/** Brings a USB receipt printer paired earlier back, once the printing code is in. */
export async function restoreUsbPrinterLater(): Promise<void> {
  const { restoreUsbPrinter } = await import('./printer.ts');
  await restoreUsbPrinter();
}

export const PinDialog = lazy(async () => {
  const [{ PinDialog }] = await Promise.all([import('./PinDialog.tsx'), loadFullEnglish()]);
  return { default: PinDialog };
});

export const KioskSettings = lazy(async () => {
  const [{ KioskSettings }] = await Promise.all([import('./KioskSettings.tsx'), loadFullEnglish()]);
  return { default: KioskSettings };
});
