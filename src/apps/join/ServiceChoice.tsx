/** One service on /join: its name, the wait now with its range, or why it takes no ticket. */
import { waitInMinutes } from '../../domain/wait/minutes.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { IssuingStopped } from '../../ui/IssuingStopped.tsx';
import type { JoinMenu } from './join-client.ts';

type Service = JoinMenu['services'][number];

export function ServiceChoice(props: {
  service: Service;
  timeZone: string;
  now: number;
  disabled: boolean;
  onChoose: (id: string) => void;
}) {
  const { service } = props;
  const { t, text } = useT();
  const stopped = service.issuing.kind !== 'open';
  return (
    <button
      type="button"
      className="join-service"
      data-testid={`join-service-${service.id}`}
      data-issuing={service.issuing.kind}
      disabled={props.disabled || stopped}
      onClick={() => props.onChoose(service.id)}
    >
      <span className="join-service__name">{text(service.name)}</span>
      <span className="join-service__wait" data-testid={`join-wait-${service.id}`}>
        {service.issuing.kind !== 'open' ? (
          <IssuingStopped issuing={service.issuing} timeZone={props.timeZone} now={props.now} />
        ) : (
          <WaitText wait={service.wait} />
        )}
      </span>
      {service.checkIn && !stopped && (
        <span className="join-service__note">{t('join.checkInNote')}</span>
      )}
    </button>
  );
}

/** The kiosk's honest words: no counter open is never "little or no wait". */
function WaitText({ wait }: { wait: Service['wait'] }) {
  const { t, duration, durationRange } = useT();
  if (!wait) return <>{'\u00a0'}</>;
  const minutes = waitInMinutes(wait);
  if (minutes.kind === 'noCounter') return <>{t('wait.noCounter')}</>;
  if (minutes.kind === 'underMinute') return <>{t('kiosk.service.waitShort')}</>;
  return (
    <>
      {t('kiosk.ticket.waitAbout', {
        estimate: duration(minutes.estimate),
        range: durationRange(minutes.low, minutes.high),
      })}
    </>
  );
}
