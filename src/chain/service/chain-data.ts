/**
 * What the chain service's HTTP side reads, in one place: the stores (chain file, rollups and
 * live figures together), each store's board row, and a store's day rollups for a range, from
 * the watched rollup index and the live view.
 */
import { storeRow, type ChainStoreInfo, type StoreRow } from '../../domain/chain/chain-board.ts';
import { dayKey } from '../../domain/queue/day.ts';
import type { DayRollup } from '../../domain/reports/facts.ts';
import { daysBetween } from '../../domain/reports/request.ts';
import type { LiveView } from './live-view.ts';
import type { RollupIndex } from './rollup-bucket.ts';
import type { StoreList } from './store-list.ts';

export interface ChainData {
  stores(): ChainStoreInfo[];
  info(store: string): ChainStoreInfo | undefined;
  row(store: string): StoreRow;
  today(store: string): string;
  rollups(store: string, from: string, to: string): DayRollup[];
  /** Days the store has history for, oldest first. */
  days(store: string): string[];
}

export function chainData(
  index: RollupIndex,
  live: Pick<LiveView, 'get' | 'stores'>,
  list: StoreList,
  now: () => number = Date.now,
): ChainData {
  const ids = (): string[] =>
    [...new Set([...list.listed().map((s) => s.id), ...index.stores(), ...live.stores()])].sort();
  const today = (store: string) => dayKey(now(), list.info(store).timeZone);
  return {
    stores: () => ids().map((id) => list.info(id)),
    info: (store) => (ids().includes(store) ? list.info(store) : undefined),
    today,
    row(store) {
      const l = live.get(store);
      const todayKey = today(store);
      return storeRow({
        info: list.info(store),
        link: l?.link,
        waits: [...(l?.waits.values() ?? [])],
        today: index.get(store, todayKey),
        todayKey,
        now: now(),
      });
    },
    rollups(store, from, to) {
      return daysBetween(from, to).flatMap((d) => {
        const e = index.get(store, d);
        return e ? [e.rollup] : [];
      });
    },
    days: (store) => index.days(store),
  };
}
