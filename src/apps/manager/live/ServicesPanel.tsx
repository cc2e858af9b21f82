import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { ServiceCard } from './ServiceCard.tsx';
import type { LiveService } from './useLiveBoard.ts';

/** Every service's line and today's figures, side by side. */
export function ServicesPanel({ services }: { services: readonly LiveService[] }) {
  const { t } = useT();
  return (
    <section
      className="manager-panel manager-services"
      aria-labelledby="manager-services-title"
      data-testid="manager-services"
    >
      <h2 id="manager-services-title" className="manager-panel__title">
        {t('managerReports.live.servicesTitle')}
      </h2>
      <ul className="manager-services__list">
        {services.map((s) => (
          <ServiceCard key={s.service.id} item={s} />
        ))}
      </ul>
    </section>
  );
}
