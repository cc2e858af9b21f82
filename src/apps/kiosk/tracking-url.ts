/**
 * The address a ticket's QR code opens on the customer's phone: the hub's tracking page
 * `/t/<ticket>`, in the language the customer chose at the kiosk, with when it was taken
 * (seconds: a page opened before the ticket reached the hub says it is on its way, see
 * domain/kiosk/missing-ticket.ts). The base is the configured
 * public URL of the hub (when phones reach it under another name than the kiosk does), else
 * the kiosk's own origin.
 */
export function trackingUrl(
  publicUrl: string | undefined,
  origin: string,
  ticketId: string,
  language: string,
  takenAt: number,
): string {
  const base = (publicUrl || origin).replace(/\/+$/, '');
  const at = Math.floor(takenAt / 1000);
  return `${base}/t/${encodeURIComponent(ticketId)}?lang=${encodeURIComponent(language)}&at=${at}`;
}
