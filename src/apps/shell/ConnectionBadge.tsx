import { waitsKnown } from '../../domain/sync/protocol/freshness.ts';
import type { DeviceStatus } from '../runtime/types.ts';
import { cannotStartOffline, type OfflineCapability } from './offline-capability.ts';
import { usePageT } from '../../ui/i18n/I18nProvider.tsx';
import './ConnectionBadge.css';

/**
 * Small corner badge: is this device in touch with the store, is it still catching up on what
 * happened while it was away, what is still unsent, and (in a few words, the kiosk's only
 * sign of it) whether it would start without the network.
 * It sits beside the screen, in the language the screen shows now (the kiosk customer's).
 */
export function ConnectionBadge(props: { status: DeviceStatus; offline: OfflineCapability }) {
  const { status, offline } = props;
  const { t, language } = usePageT();
  const { connection, pending, freshness } = status;
  // connected, with the hub's catch-up still on its way: waits are held back meanwhile
  const catchingUp = connection === 'online' && !waitsKnown(freshness);
  return (
    <div
      className={`connection-badge connection-badge--${connection}`}
      data-testid="connection"
      data-state={connection}
      data-pending={pending}
      data-freshness={freshness}
      data-offline-ready={offline === 'ready'}
      data-offline={offline}
      role="status"
      lang={language}
      aria-label={t('connection.label')}
    >
      <span className="connection-badge__dot" aria-hidden="true" />
      <span className="connection-badge__state">{t(`connection.${connection}`)}</span>
      {catchingUp && (
        <span className="connection-badge__pending">{t('connection.catchingUp')}</span>
      )}
      {pending > 0 && (
        <span className="connection-badge__pending">
          {t('connection.pending', { count: pending })}
        </span>
      )}
      {cannotStartOffline(offline) && (
        <span className="connection-badge__offline">{t('connection.noOfflineStart')}</span>
      )}
    </div>
  );
}
