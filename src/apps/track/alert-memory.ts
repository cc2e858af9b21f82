import { parseAlertMemory, type AlertMemory } from '../../domain/kiosk/ticket-alerts.ts';

/**
 * What this phone's alerts already did for a ticket (domain/kiosk/ticket-alerts.ts), kept in
 * localStorage so a reload, or the page opened again from the ticket's link, does not buzz
 * twice. Without storage (private mode refusing it) the memory lasts as long as the page.
 */
const KEY = 'nextup.track.alerts.';
const inPage = new Map<string, AlertMemory>();

export function loadAlertMemory(ticket: string): AlertMemory {
  try {
    const kept = localStorage.getItem(KEY + ticket);
    if (kept !== null) return parseAlertMemory(kept);
  } catch {
    // storage refused: the page's own copy below
  }
  return inPage.get(ticket) ?? parseAlertMemory(null);
}

export function saveAlertMemory(ticket: string, memory: AlertMemory): void {
  inPage.set(ticket, memory);
  try {
    localStorage.setItem(KEY + ticket, JSON.stringify(memory));
  } catch {
    // full or refused: the page's copy still holds for this visit
  }
}
