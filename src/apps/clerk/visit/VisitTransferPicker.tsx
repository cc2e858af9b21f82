import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';

/** Hands the customer to another service (their ticket joins that line). */
export function VisitTransferPicker(props: {
  ticketService: string | null;
  onTransfer: (serviceId: string) => void;
  onCancel: () => void;
}) {
  const { config } = useRuntime();
  const { t, text } = useT();
  const others = config.services.filter((s) => s.id !== props.ticketService);
  return (
    <div className="clerk-transfer" role="group" aria-labelledby="visit-transfer-title">
      <h3 id="visit-transfer-title" className="clerk-transfer__title">
        {t('clerk.visit.transfer.title')}
      </h3>
      <div className="clerk-transfer__options">
        {others.map((service) => (
          <button
            key={service.id}
            type="button"
            className="button button--secondary"
            data-testid={`visit-transfer-to-${service.id}`}
            onClick={() => props.onTransfer(service.id)}
          >
            {text(service.name)}
          </button>
        ))}
        <button type="button" className="button clerk-transfer__cancel" onClick={props.onCancel}>
          {t('clerk.visit.transfer.cancel')}
        </button>
      </div>
    </div>
  );
}
