import { serviceById } from '../../../domain/config/types.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import type { VisitCard } from './visit-desk.ts';

/** Which customer: the ticket and its service, or a walk-in; and since when. */
export function VisitWho({ card }: { card: VisitCard }) {
  const { config } = useRuntime();
  const { t, text, time } = useT();
  const { ticket, startedAt } = card.context;
  const service = ticket ? serviceById(config, ticket.service) : undefined;
  return (
    <p className="visit__who">
      <span className="visit__customer" data-testid="visit-customer">
        {ticket ? t('clerk.visit.ticket', { number: ticket.number }) : t('clerk.visit.walkIn')}
      </span>
      {service && <span className="clerk-tag">{text(service.name)}</span>}
      <span className="visit__since">{t('clerk.visit.since', { time: time(startedAt) })}</span>
    </p>
  );
}
