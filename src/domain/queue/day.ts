/** The store's local calendar day ("2026-11-23") of a moment, in the store's time zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dayKey(ms: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f.format(ms);
}
