import type { ServiceConfig } from '../../domain/config/types.ts';
import { estimateWait } from '../../domain/wait/simple.ts';
import { waitInMinutes } from '../../ui/i18n/format.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice } from '../shell/device-context.ts';

/** A service to take a ticket for, with the wait a new ticket can expect. */
export function ServiceButton(props: {
  service: ServiceConfig;
  disabled: boolean;
  onChoose: (serviceId: string) => void;
}) {
  const { service } = props;
  const { t, text } = useT();
  const { state } = useDevice();
  const wait = waitInMinutes(estimateWait(state, service));
  return (
    <button
      type="button"
      className="kiosk-service"
      data-testid={`service-${service.id}`}
      disabled={props.disabled}
      onClick={() => props.onChoose(service.id)}
    >
      <span className="kiosk-service__prefix" aria-hidden="true">
        {service.prefix}
      </span>
      <span className="kiosk-service__text">
        <span className="kiosk-service__name">{text(service.name)}</span>
        <span className="kiosk-service__wait">
          {wait.kind === 'underMinute'
            ? t('kiosk.service.waitShort')
            : t('kiosk.service.waitAbout', { estimate: wait.estimate })}
        </span>
      </span>
    </button>
  );
}
