/**
 * A store time zone where it is day now, so a test that books times or closes the store
 * later today reads the same at whatever hour CI runs it (and never crosses local midnight).
 */
const ZONES = [
  'Europe/Warsaw',
  'America/New_York',
  'Pacific/Honolulu',
  'Asia/Tokyo',
  'Asia/Kolkata',
];

/** "HH:MM", 24-hour, of an instant in a zone. */
export function localHHMM(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

/** The first zone whose local hour at `now` is within 07:00..20:59. */
export function daytimeZone(now: number): string {
  const zone = ZONES.find((z) => {
    const h = Number(localHHMM(now, z).slice(0, 2));
    return h >= 7 && h <= 20;
  });
  // the zones' offsets (+1, -5, -10, +9, +5:30) leave no UTC hour uncovered
  if (!zone) throw new Error(`no daytime zone at ${new Date(now).toISOString()}`);
  return zone;
}
