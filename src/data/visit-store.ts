import { emptyParking, type Parking } from '../domain/visit/parking.ts';
import type { NextupDb, VisitRow } from './db.ts';

export type { VisitRow };

/** Finished visits are kept this long (to know a ticket already had its visit), then dropped. */
export const KEEP_FINISHED_MS = 24 * 60 * 60_000;

/**
 * The clerk's visits on this handheld, in IndexedDB: each visit's machine snapshot, written
 * on every transition, and which visit is on screen and which are parked. A visit and the
 * parking list change in one transaction, so a reload never finds a visit that is neither.
 */
export class VisitStore {
  constructor(
    private readonly db: NextupDb,
    private readonly clerk: string,
  ) {}

  private get parkingKey(): string {
    return `visitParking:${this.clerk}`;
  }

  /** This clerk's visits (finished ones only while recent) and the parking list. */
  async load(now: number): Promise<{ rows: VisitRow[]; parking: Parking }> {
    const { db } = this;
    return db.transaction('rw', db.visits, db.kv, async () => {
      const all = await db.visits.where('clerk').equals(this.clerk).toArray();
      const stale = all.filter((r) => r.final && now - r.updatedAt > KEEP_FINISHED_MS);
      if (stale.length > 0) await db.visits.bulkDelete(stale.map((r) => r.id));
      const rows = all.filter((r) => !stale.includes(r)).sort(byUpdate);
      const saved = (await db.kv.get(this.parkingKey))?.value;
      return { rows, parking: parkingOf(saved, rows) };
    });
  }

  /** Writes a visit (and, when given, the parking list) in one transaction. */
  async save(row: VisitRow, parking?: Parking): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.visits, db.kv, async () => {
      await db.visits.put(row);
      if (parking) await db.kv.put({ key: this.parkingKey, value: parking });
    });
  }

  async saveParking(parking: Parking): Promise<void> {
    await this.db.kv.put({ key: this.parkingKey, value: parking });
  }

  async remove(id: string): Promise<void> {
    await this.db.visits.delete(id);
  }
}

function byUpdate(a: VisitRow, b: VisitRow): number {
  return a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The saved parking list, checked against the visits that exist: unknown or finished visits
 * are dropped, and an open visit missing from the list is parked so it is never lost.
 */
export function parkingOf(saved: unknown, rows: readonly VisitRow[]): Parking {
  const open = rows.filter((r) => !r.final).map((r) => r.id);
  const isOpen = (id: unknown): id is string => typeof id === 'string' && open.includes(id);
  const value = (typeof saved === 'object' && saved !== null ? saved : {}) as Partial<{
    active: unknown;
    parked: unknown;
  }>;
  const active = isOpen(value.active) ? value.active : null;
  const listed = Array.isArray(value.parked) ? value.parked.filter(isOpen) : [];
  const parked = [...new Set(listed)].filter((id) => id !== active);
  for (const id of open) if (id !== active && !parked.includes(id)) parked.push(id);
  if (active === null && parked.length === 0) return emptyParking;
  return { active, parked };
}
