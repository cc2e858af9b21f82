/**
 * One store of the chain: its link and lines now, today's queue by service, today's manager
 * alerts and its last 14 days, from GET /api/chain/stores/<store>.
 */
import type { StoreRow } from '../../domain/chain/chain-board.ts';
import type { QueueRow } from '../../domain/reports/query.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { ConnectionLine } from './ConnectionLine.tsx';
import { Duration, LinkCell, ServiceLevel, WaitsCell } from './StoreCells.tsx';
import { useChainFeed } from './useChainFeed.ts';

interface DetailData {
  readonly store: StoreRow;
  readonly services: readonly QueueRow[];
  readonly days: readonly QueueRow[];
}

export function StoreDetail({ store, back }: { store: string; back: () => void }) {
  const { t } = useT();
  const feed = useChainFeed<DetailData>(`/api/chain/stores/${encodeURIComponent(store)}`);
  const data = feed.kind === 'ready' ? feed.data : undefined;
  return (
    <>
      <header className="chain-header">
        <button type="button" className="chain-back" onClick={back}>
          {t('chainView.detail.back')}
        </button>
        <h1 data-testid="chain-detail-name">{data?.store.name ?? store}</h1>
        {data && <p className="chain-muted">{data.store.region}</p>}
        <ConnectionLine feed={feed} />
      </header>
      {feed.kind === 'missing' && (
        <p className="chain-card">{t('chainView.detail.notFound', { store })}</p>
      )}
      {data && <Detail data={data} />}
    </>
  );
}

function Detail({ data }: { data: DetailData }) {
  const { t } = useT();
  const { store } = data;
  return (
    <div className="chain-detail" data-testid="chain-detail">
      <section className="chain-card">
        <h2>{t('chainView.col.link')}</h2>
        <LinkCell row={store} />
      </section>
      <section className="chain-card">
        <h2>{t('chainView.col.lines')}</h2>
        <WaitsCell row={store} />
      </section>
      <section className="chain-card">
        <h2>{t('chainView.detail.today')}</h2>
        <QueueTable rows={data.services} first="chainView.col.service" testId="chain-today" />
      </section>
      <section className="chain-card">
        <h2>{t('chainView.detail.alerts')}</h2>
        {store.alerts.length === 0 ? (
          <p className="chain-muted">{t('chainView.detail.noAlerts')}</p>
        ) : (
          <Alerts row={store} />
        )}
      </section>
      <section className="chain-card">
        <h2>{t('chainView.detail.days')}</h2>
        <QueueTable rows={data.days} first="chainView.col.day" testId="chain-days" />
      </section>
    </div>
  );
}

function Alerts({ row }: { row: StoreRow }) {
  const { t, time } = useT();
  return (
    <ul className="chain-alerts" data-testid="chain-alerts">
      {row.alerts.map((a) => (
        <li key={a.alert} className={a.acknowledged ? 'chain-muted' : undefined}>
          {t('chainView.detail.alert', { time: time(a.at), counter: a.counter ?? '–' })}
          {a.reason && <q>{a.reason}</q>}
          {a.acknowledged && ` (${t('chainView.detail.acknowledged')})`}
        </li>
      ))}
    </ul>
  );
}

function QueueTable(props: {
  rows: readonly QueueRow[];
  first: 'chainView.col.service' | 'chainView.col.day';
  testId: string;
}) {
  const { t, number } = useT();
  if (props.rows.length === 0) return <p className="chain-muted">{t('chainView.noData')}</p>;
  return (
    <table className="chain-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th scope="col">{t(props.first)}</th>
          <th scope="col">{t('chainView.col.arrivals')}</th>
          <th scope="col">{t('chainView.col.served')}</th>
          <th scope="col">{t('chainView.col.meanWait')}</th>
          <th scope="col">{t('chainView.col.p90Wait')}</th>
          <th scope="col">{t('chainView.col.serviceLevel')}</th>
          <th scope="col">{t('chainView.col.noShows')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key}</th>
            <td>{number(r.arrivals)}</td>
            <td>{number(r.served)}</td>
            <td>
              <Duration sec={r.meanWaitSec} />
            </td>
            <td>
              <Duration sec={r.p90WaitSec} />
            </td>
            <td>
              <ServiceLevel value={r.serviceLevel} />
            </td>
            <td>{number(r.noShows)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
