import { useT } from './i18n/I18nProvider.tsx';
import './PriorityMark.css';

/** A small, discreet "Priority" tag for a ticket (clerk's line, kiosk ticket, tracking page). */
export function PriorityMark({ className = '' }: { className?: string }) {
  const { t } = useT();
  return (
    <span className={`priority-mark ${className}`} data-testid="priority-mark">
      {t('ticket.priority')}
    </span>
  );
}
