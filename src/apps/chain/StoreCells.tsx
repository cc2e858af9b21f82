/**
 * How one store's figures read on the chain view, shared by the list and the detail: its link
 * (state, events behind, last event), its lines now, today's service level.
 */
import type { LiveWait, StoreRow } from '../../domain/chain/chain-board.ts';
import { minutesOfWait } from '../../domain/wait/minutes.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { intlLocale } from '../../ui/i18n/locale.ts';
import { durationFormatter } from '../manager/format.ts';

const LINK_KEYS = {
  connected: 'chainView.link.connected',
  disconnected: 'chainView.link.disconnected',
  unknown: 'chainView.link.unknown',
} as const;

export function LinkCell({ row }: { row: StoreRow }) {
  const { t, time } = useT();
  const { link } = row;
  return (
    <div className="chain-link" data-testid="chain-link" data-link={link.state}>
      <span className={`chain-link__state chain-link__state--${link.state}`}>
        {t(LINK_KEYS[link.state])}
      </span>
      <span className="chain-muted">
        {t('chainView.link.behind', { count: link.behind })}
        {' · '}
        {link.lastEventAt !== null
          ? t('chainView.link.lastEvent', { time: time(link.lastEventAt) })
          : t('chainView.link.noEvent')}
      </span>
    </div>
  );
}

function WaitLine({ wait }: { wait: LiveWait }) {
  const { t, minutes } = useT();
  const text = wait.noCounter
    ? t('chainView.wait.noCounter', { service: wait.service })
    : wait.waiting === 0
      ? t('chainView.wait.nobody', { service: wait.service })
      : t('chainView.wait.line', {
          service: wait.service,
          count: wait.waiting,
          minutes: minutes(Math.max(1, minutesOfWait(wait.estimateSec))),
        });
  return <li data-testid="chain-wait">{text}</li>;
}

export function WaitsCell({ row }: { row: StoreRow }) {
  const { t } = useT();
  if (row.waits.length === 0)
    return <span className="chain-muted">{t('chainView.wait.none')}</span>;
  return (
    <ul className="chain-waits">
      {row.waits.map((w) => (
        <WaitLine key={w.service} wait={w} />
      ))}
    </ul>
  );
}

export function ServiceLevel({ value }: { value: number | null }) {
  const { t, number } = useT();
  if (value === null)
    return <span className="chain-muted">{t('chainView.serviceLevel.none')}</span>;
  return <span>{t('chainView.serviceLevel', { percent: number(value) })}</span>;
}

/** A measured duration (a day's mean wait), as the manager's reports show one. */
export function Duration({ sec }: { sec: number | null }) {
  const { language } = useT();
  return <>{sec === null ? '–' : durationFormatter(intlLocale(language))(sec)}</>;
}
