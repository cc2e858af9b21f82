/** Durations on the manager's screens: "45 s", "12 min", "1 h 5 min", in the screen's language. */
const cache = new Map<string, (sec: number) => string>();

export function durationFormatter(locale: string): (sec: number) => string {
  let f = cache.get(locale);
  if (f) return f;
  const unit = (u: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' });
  const s = unit('second');
  const m = unit('minute');
  const h = unit('hour');
  f = (sec: number) => {
    const v = Math.max(0, Math.round(sec));
    if (v < 60) return s.format(v);
    if (v < 3600) return m.format(Math.round(v / 60));
    const mins = Math.round(v / 60);
    const rest = mins % 60;
    return rest === 0
      ? h.format(Math.floor(mins / 60))
      : `${h.format(Math.floor(mins / 60))} ${m.format(rest)}`;
  };
  cache.set(locale, f);
  return f;
}

export function percentFormatter(locale: string): (p: number | null) => string {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (p) => (p === null ? '–' : `${f.format(p)}%`);
}
