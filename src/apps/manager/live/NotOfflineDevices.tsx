import type { PresenceEntry } from '../../runtime/presence.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { notOfflineCapable } from './not-offline.ts';

/** Online tablets that said they would not start without the network, and what to do. */
export function NotOfflineDevices(props: {
  devices: readonly PresenceEntry[];
  setupUrl: string | undefined;
}) {
  const { t } = useT();
  const list = notOfflineCapable(props.devices);
  if (list.length === 0) return null;
  return (
    <section
      className="manager-devices__not-offline"
      data-testid="devices-not-offline"
      aria-labelledby="manager-devices-not-offline"
    >
      <h3 id="manager-devices-not-offline">{t('managerReports.live.notOfflineTitle')}</h3>
      <ul className="manager-devices__list">
        {list.map((d) => (
          <li
            key={d.device}
            className="manager-device"
            data-testid="device-not-offline"
            data-device={d.device}
          >
            <span className="manager-device__id">{d.device}</span>
            <span className="manager-device__role">{d.role}</span>
          </li>
        ))}
      </ul>
      <p>
        {props.setupUrl
          ? t('managerReports.live.notOfflineHint', { url: props.setupUrl })
          : t('managerReports.live.notOfflineHintGeneric')}
      </p>
    </section>
  );
}
