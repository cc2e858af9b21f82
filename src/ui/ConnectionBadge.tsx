import type { DeviceStatus } from '../apps/runtime/types.ts';
import { useT } from './i18n/I18nProvider.tsx';
import './ConnectionBadge.css';

/** Small corner badge: is this device in touch with the store, and what is still unsent. */
export function ConnectionBadge({ status }: { status: DeviceStatus }) {
  const { t, language } = useT();
  const { connection, pending } = status;
  return (
    <div
      className={`connection-badge connection-badge--${connection}`}
      data-testid="connection"
      data-state={connection}
      data-pending={pending}
      role="status"
      lang={language}
      aria-label={t('connection.label')}
    >
      <span className="connection-badge__dot" aria-hidden="true" />
      <span className="connection-badge__state">{t(`connection.${connection}`)}</span>
      {pending > 0 && (
        <span className="connection-badge__pending">
          {t('connection.pending', { count: pending })}
        </span>
      )}
    </div>
  );
}
