/**
 * The stores the chain service knows of: those of the optional `--stores` chain file (id, name,
 * region, time zone) and any store that has published to the chain, which the file does not
 * list (its region then "—", its time zone UTC). The chain file's own checks live with the
 * chain file (src/chain/chain-file*); this reads only the fields the service shows.
 */
import { readFile } from 'node:fs/promises';
import { NO_REGION, type ChainStoreInfo } from '../../domain/chain/chain-board.ts';

export interface StoreList {
  info(store: string): ChainStoreInfo;
  /** Every store in the file, in its order. */
  listed(): readonly ChainStoreInfo[];
}

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string' && v !== '') return v;
  // a localized name ({"en": …, "pl": …}): its first text
  if (typeof v === 'object' && v !== null)
    return Object.values(v).find((x) => typeof x === 'string');
  return undefined;
};

/** The stores of a chain file's JSON: `{"stores": [...]}` or a plain list. */
export function parseStoreList(raw: unknown, file: string): ChainStoreInfo[] {
  const list = Array.isArray(raw) ? raw : (raw as { stores?: unknown } | null)?.stores;
  if (!Array.isArray(list)) throw new Error(`${file}: no "stores" list`);
  return list.map((s: unknown, i) => {
    const o = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
    const id = text(o.id);
    if (!id || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(id))
      throw new Error(`${file}: stores[${i}].id must be a store id`);
    return {
      id,
      name: text(o.name) ?? id,
      region: text(o.region) ?? NO_REGION,
      timeZone: text(o.timeZone) ?? 'UTC',
    };
  });
}

export function storeList(listed: readonly ChainStoreInfo[] = []): StoreList {
  const byId = new Map(listed.map((s) => [s.id, s]));
  return {
    info: (store) =>
      byId.get(store) ?? { id: store, name: store, region: NO_REGION, timeZone: 'UTC' },
    listed: () => listed,
  };
}

export async function loadStoreList(file: string | undefined): Promise<StoreList> {
  if (!file) return storeList();
  const textOf = await readFile(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(textOf);
  } catch (err) {
    throw new Error(`${file}: not JSON (${(err as Error).message})`, { cause: err });
  }
  return storeList(parseStoreList(raw, file));
}
