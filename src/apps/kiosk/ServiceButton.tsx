import type { ServiceConfig } from '../../domain/config/types.ts';
import { serviceIssuing } from '../../domain/hours/service-issuing.ts';
import { waitsKnown } from '../../domain/sync/protocol/freshness.ts';
import { waitInMinutes } from '../../domain/wait/minutes.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { IssuingStopped } from '../../ui/IssuingStopped.tsx';
import { useNow } from '../../ui/useNow.ts';
import type { QueueWait } from '../runtime/types.ts';
import { useDevice, useRuntime } from '../shell/device-context.ts';

/** How often the buttons look at the hours again while nothing else changes. */
const HOURS_RECHECK_MS = 15_000;

/**
 * A service to take a ticket for, with the wait a new ticket can expect; where the store
 * offers it, a second, smaller button takes a priority ticket for the same service.
 */
export function ServiceButton(props: {
  service: ServiceConfig;
  disabled: boolean;
  /** A tap's ticket is on its way: the button holds what it shows. */
  held: boolean;
  /** `shown`: the wait this button showed as it was tapped, the store's promise. */
  onChoose: (serviceId: string, priority: boolean, shown: QueueWait | undefined) => void;
}) {
  const { service } = props;
  const { t, text, duration } = useT();
  // re-renders on every change of the queue, except while a tap's ticket is on its way: the
  // ticket screen is about to replace the buttons
  const { status } = useDevice(props.held);
  useNow(HOURS_RECHECK_MS); // and as closing comes, with no change of the queue
  const rt = useRuntime();
  const estimated = rt.estimate(service.id);
  // undefined for a moment after the first screen, while the wait model loads: no number then;
  // and while the hub's catch-up after a start is on its way: saying so
  const wait = estimated && waitInMinutes(estimated);
  const checking = !waitsKnown(status.freshness);
  const issuing = serviceIssuing(
    rt.config,
    rt.getSnapshot().state,
    service.id,
    rt.eventTime(),
    estimated,
  );
  const stopped = issuing.kind !== 'open';
  const name = text(service.name);
  return (
    <div className="kiosk-service-card">
      <button
        type="button"
        className="kiosk-service"
        data-testid={`service-${service.id}`}
        disabled={props.disabled || stopped}
        data-issuing={issuing.kind}
        data-wait-sec={estimated && !estimated.noCounter ? estimated.estimateSec : undefined}
        onClick={() => props.onChoose(service.id, false, estimated)}
      >
        <span className="kiosk-service__prefix" aria-hidden="true">
          {service.prefix}
        </span>
        <span className="kiosk-service__text">
          <span className="kiosk-service__name">{name}</span>
          {stopped ? (
            <span className="kiosk-service__wait" data-testid={`service-hours-${service.id}`}>
              <IssuingStopped
                issuing={issuing}
                now={rt.eventTime()}
                timeZone={rt.config.store.timeZone}
              />
            </span>
          ) : (
            <span
              className="kiosk-service__wait"
              data-testid={`service-wait-${service.id}`}
              data-kind={wait?.kind ?? (checking ? 'checking' : undefined)}
            >
              {wait === undefined
                ? checking
                  ? t('kiosk.service.waitChecking')
                  : '\u00a0'
                : wait.kind === 'noCounter'
                  ? t('wait.noCounter')
                  : wait.kind === 'underMinute'
                    ? t('kiosk.service.waitShort')
                    : t('kiosk.service.waitAbout', { estimate: duration(wait.estimate) })}
            </span>
          )}
        </span>
      </button>
      {service.allowPriority && (
        <button
          type="button"
          className="button button--secondary kiosk-service__priority"
          data-testid={`service-priority-${service.id}`}
          disabled={props.disabled || stopped}
          onClick={() => props.onChoose(service.id, true, estimated)}
        >
          {t('kiosk.service.priority')}
          <span className="visually-hidden">: {name}</span>
        </button>
      )}
    </div>
  );
}
