import type { CounterEntry, LineSnapshot } from './line.ts';

/**
 * A ticket's place in line: how many people the counters that can serve it will call before
 * it, whether any counter serves it at all, and whether it is next. The kiosk's ticket screen,
 * the phone page, "you are next" and the estimate's `ahead` all read this one function, on the
 * same line as the estimate's forward simulation (line.ts, forward.ts).
 *
 * The line model, without chance (the estimate adds it: visit lengths, no-shows, people who
 * leave, priority tickets still to come):
 *
 * 1. An open counter, when free, calls the first waiting ticket in line among its services
 *    (priority tickets first, then place in line: the app's rule, as in forward.ts).
 * 2. Every visit is taken to last as long as any other, so the counters take turns: first the
 *    counters free now (by counter id), then the busy ones in the order they called their
 *    customer (earliest first, then by id); a counter that calls goes to the back of the turns.
 * 3. Nothing new arrives: a counter that finds nothing to call drops out.
 * 4. With no open counter for the ticket's service, a counter serving only that service is taken
 *    to open now (the screens say "no counter is open" apart): the people ahead are then the
 *    tickets of the same service earlier in line.
 *
 * Counted: tickets called before the target by counters that serve the target's service. Calls
 * by other counters do not count, but they change what the target's counters find first.
 */
export interface LinePlace {
  /** People the counters that can serve the ticket call before it. */
  readonly ahead: number;
  /** No open counter serves the ticket's service. */
  readonly noCounter: boolean;
  /** "You are next": a counter serves it and nobody comes before it there. */
  readonly next: boolean;
}

/** The place of the ticket at `key` in `service`'s line (Infinity: a ticket issued now). */
export function placeInLine(line: LineSnapshot, service: string, key: number): LinePlace {
  const open = line.counters.filter((c) => c.open);
  const noCounter = !open.some((c) => c.services.includes(service));
  const ahead = noCounter
    ? line.waiting.filter((w) => w.service === service && w.key < key).length
    : countCalledBefore(line, open, service, key);
  return { ahead, noCounter, next: !noCounter && ahead === 0 };
}

/**
 * The number to tell the customer ("3 people ahead of you", 0: "you are next"), or undefined
 * when it is first in line but no counter serves it: that is not "next", and the screens say
 * "no counter is open" instead.
 */
export function aheadToTell(place: Pick<LinePlace, 'ahead' | 'next'>): number | undefined {
  return place.ahead > 0 || place.next ? place.ahead : undefined;
}

function turnOrder(open: readonly CounterEntry[]): CounterEntry[] {
  const byId = (a: CounterEntry, b: CounterEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const free = open.filter((c) => !c.busy).sort(byId);
  const busy = open
    .filter((c) => c.busy)
    .sort((a, b) => a.busy!.calledAt - b.busy!.calledAt || byId(a, b));
  return [...free, ...busy];
}

function countCalledBefore(
  line: LineSnapshot,
  open: readonly CounterEntry[],
  service: string,
  key: number,
): number {
  // only tickets earlier in line than the target can be called before it
  const earlier = new Map<string, number[]>();
  for (const w of line.waiting) {
    if (w.key >= key) continue;
    const l = earlier.get(w.service);
    if (l) l.push(w.key);
    else earlier.set(w.service, [w.key]);
  }
  for (const l of earlier.values()) l.sort((a, b) => a - b);
  const head = new Map<string, number>();
  const turns = turnOrder(open).map((c) => ({
    services: [...new Set(c.services)],
    servesTarget: c.services.includes(service),
  }));
  let ahead = 0;
  // each turn calls a ticket or drops a counter; a counter serving the target never drops
  // (it calls the target when nothing earlier is left), so this ends
  for (let i = 0; i < turns.length; i++) {
    const c = turns[i]!;
    let best: string | undefined;
    let bestKey = Infinity;
    for (const s of c.services) {
      const l = earlier.get(s);
      const h = head.get(s) ?? 0;
      if (l && h < l.length && l[h]! < bestKey) {
        bestKey = l[h]!;
        best = s;
      }
    }
    if (best === undefined) {
      if (c.servesTarget) return ahead; // it calls the target
      continue;
    }
    head.set(best, (head.get(best) ?? 0) + 1);
    if (c.servesTarget) ahead++;
    turns.push(c);
  }
  return ahead;
}
