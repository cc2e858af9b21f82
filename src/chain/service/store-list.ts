/**
 * The stores the chain service knows of: those of the optional `--stores` chain file (id, name,
 * region, time zone) and any store that has published to the chain, which the file does not
 * list (its region then "—", its time zone UTC). The file is checked by chain-file.ts.
 */
import { NO_REGION, type ChainStoreInfo } from '../../domain/chain/chain-board.ts';
import { loadChainFile } from '../chain-file.ts';

export interface StoreList {
  info(store: string): ChainStoreInfo;
  /** Every store in the file, in its order. */
  listed(): readonly ChainStoreInfo[];
}

export function storeList(listed: readonly ChainStoreInfo[] = []): StoreList {
  const byId = new Map(listed.map((s) => [s.id, s]));
  return {
    info: (store) =>
      byId.get(store) ?? { id: store, name: store, region: NO_REGION, timeZone: 'UTC' },
    listed: () => listed,
  };
}

/** The stores of the chain file (checked like kiosk-config: errors name the file and field). */
export async function loadStoreList(file: string | undefined): Promise<StoreList> {
  if (!file) return storeList();
  const chain = await loadChainFile(file);
  return storeList(
    chain.stores.map(({ id, name, region, timeZone }) => ({ id, name, region, timeZone })),
  );
}
