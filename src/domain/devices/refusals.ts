/**
 * Messages the store hub refused from devices, in buckets a manager can read (the hub's drop
 * counter sorts each refusal into one). One list, so the hub and the manager's screen agree.
 */
export const REFUSAL_KINDS = [
  'malformed',
  'invalid event',
  'other store',
  'forged',
  'implausible',
  'catch-up limited',
] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export interface RefusalSummary {
  readonly total: number;
  /** Kinds with a count, most first; a kind this version does not know counts as 'other'. */
  readonly kinds: readonly { readonly kind: RefusalKind | 'other'; readonly count: number }[];
}

export function summarizeRefusals(counts: Readonly<Record<string, number>>): RefusalSummary {
  const byKind = new Map<RefusalKind | 'other', number>();
  for (const [kind, count] of Object.entries(counts)) {
    if (!Number.isFinite(count) || count <= 0) continue;
    const known = (REFUSAL_KINDS as readonly string[]).includes(kind)
      ? (kind as RefusalKind)
      : 'other';
    byKind.set(known, (byKind.get(known) ?? 0) + Math.floor(count));
  }
  const kinds = [...byKind]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return { total: kinds.reduce((n, k) => n + k.count, 0), kinds };
}
