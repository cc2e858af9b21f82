import { TICKET_VIEW_ELEMENT_ID } from '../../domain/kiosk/phone-pages.ts';

/** The tracked ticket's view the hub put into the page, if any (unchecked). */
export function embeddedView(): unknown {
  const text = document.getElementById(TICKET_VIEW_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
