import type { Ticket } from '../../domain/queue/state.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';

/** Sends the customer to another service's line, keeping their place in time. */
export function TransferPicker(props: {
  ticket: Ticket;
  busy: boolean;
  onTransfer: (serviceId: string) => void;
  onCancel: () => void;
}) {
  const { config } = useRuntime();
  const { t, text } = useT();
  const others = config.services.filter((s) => s.id !== props.ticket.service);
  return (
    <div className="clerk-transfer" role="group" aria-labelledby="clerk-transfer-title">
      <h3 id="clerk-transfer-title" className="clerk-transfer__title">
        {t('clerk.transfer.title', { number: props.ticket.number })}
      </h3>
      <div className="clerk-transfer__options">
        {others.map((service) => (
          <button
            key={service.id}
            type="button"
            className="button button--secondary"
            data-testid={`transfer-to-${service.id}`}
            disabled={props.busy}
            onClick={() => props.onTransfer(service.id)}
          >
            {text(service.name)}
          </button>
        ))}
        <button type="button" className="button clerk-transfer__cancel" onClick={props.onCancel}>
          {t('clerk.transfer.cancel')}
        </button>
      </div>
    </div>
  );
}
