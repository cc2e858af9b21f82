/**
 * Every store of the chain on one screen: link, lines now, service level today and open alerts,
 * filtered by region and sorted as the manager asks (domain/chain/chain-board.ts); a tap on a
 * store opens its detail.
 */
import { useState } from 'react';
import {
  BOARD_SORTS,
  arrangeRows,
  openAlerts,
  type BoardSort,
  type StoreRow,
} from '../../domain/chain/chain-board.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { ConnectionLine } from './ConnectionLine.tsx';
import { LinkCell, ServiceLevel, WaitsCell } from './StoreCells.tsx';
import { LIST_URL, useChainFeed } from './useChainFeed.ts';

interface BoardData {
  readonly stores: readonly StoreRow[];
  readonly regions: readonly string[];
}

const SORT_KEYS = {
  region: 'chainView.sort.region',
  name: 'chainView.sort.name',
  waiting: 'chainView.sort.waiting',
  serviceLevel: 'chainView.sort.serviceLevel',
  alerts: 'chainView.sort.alerts',
} as const satisfies Record<BoardSort, string>;

export function StoreBoard({ open }: { open: (store: string) => void }) {
  const { t } = useT();
  const feed = useChainFeed<BoardData>(LIST_URL);
  const [region, setRegion] = useState('');
  const [sort, setSort] = useState<BoardSort>('region');
  const data = feed.kind === 'ready' ? feed.data : undefined;
  const rows = data ? arrangeRows(data.stores, sort, region) : [];
  return (
    <>
      <header className="chain-header">
        <h1>{t('chainView.title')}</h1>
        <ConnectionLine feed={feed} />
      </header>
      {data && (
        <div className="chain-controls">
          <label>
            {t('chainView.region.label')}
            <select
              value={region}
              onChange={(e) => setRegion(e.target.value)}
              data-testid="chain-region"
            >
              <option value="">{t('chainView.region.all')}</option>
              {data.regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('chainView.sort.label')}
            <select
              value={sort}
              onChange={(e) => setSort(e.target.value as BoardSort)}
              data-testid="chain-sort"
            >
              {BOARD_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(SORT_KEYS[s])}
                </option>
              ))}
            </select>
          </label>
          <span className="chain-muted">{t('chainView.count', { count: rows.length })}</span>
        </div>
      )}
      {data && data.stores.length === 0 && <p className="chain-card">{t('chainView.empty')}</p>}
      {rows.length > 0 && <StoreTable rows={rows} open={open} />}
    </>
  );
}

function StoreTable({ rows, open }: { rows: readonly StoreRow[]; open: (s: string) => void }) {
  const { t } = useT();
  return (
    <table className="chain-table chain-card">
      <thead>
        <tr>
          <th scope="col">{t('chainView.col.store')}</th>
          <th scope="col">{t('chainView.col.link')}</th>
          <th scope="col">{t('chainView.col.lines')}</th>
          <th scope="col">{t('chainView.col.serviceLevel')}</th>
          <th scope="col">{t('chainView.col.alerts')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid="chain-store" data-store={r.id}>
            <th scope="row">
              <button
                type="button"
                className="chain-store-button"
                onClick={() => open(r.id)}
                aria-label={t('chainView.open', { store: r.name })}
              >
                <span className="chain-store-name">{r.name}</span>
                <span className="chain-muted">{r.region}</span>
              </button>
            </th>
            <td>
              <LinkCell row={r} />
            </td>
            <td>
              <WaitsCell row={r} />
            </td>
            <td data-testid="chain-service-level">
              <ServiceLevel value={r.today.serviceLevel} />
            </td>
            <td className={openAlerts(r) > 0 ? 'chain-alerts--open' : undefined}>
              {t('chainView.alerts', { count: openAlerts(r) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
