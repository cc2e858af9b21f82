import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import { usePresence } from '../usePresence.ts';
import { NotOfflineDevices } from './NotOfflineDevices.tsx';

/** Devices online and offline, from their presence messages on the broker. */
export function DevicesOnlinePanel() {
  const { t, time } = useT();
  const runtime = useRuntime();
  const devices = usePresence(runtime.presence);
  const online = devices.filter((d) => d.online).length;
  return (
    <section className="manager-panel manager-devices" aria-labelledby="manager-devices-title">
      <h2 id="manager-devices-title" className="manager-panel__title">
        {t('managerReports.live.devicesTitle')}
        <span className="manager-panel__count" data-testid="manager-devices-online">
          {t('managerReports.live.devicesOnline', { count: online })}
        </span>
      </h2>
      <NotOfflineDevices devices={devices} setupUrl={runtime.setupUrl} />
      {devices.length === 0 ? (
        <p className="manager-panel__empty">{t('managerReports.live.devicesNone')}</p>
      ) : (
        <ul className="manager-devices__list">
          {devices.map((d) => (
            <li
              key={d.device}
              className={`manager-device manager-device--${d.online ? 'online' : 'offline'}`}
              data-testid="manager-device"
              data-device={d.device}
              data-online={d.online}
            >
              <span className="manager-device__id">{d.device}</span>
              <span className="manager-device__role">{d.role}</span>
              <span className="manager-device__state">
                {d.online
                  ? t('managerReports.live.online')
                  : t('managerReports.live.offlineSince', { time: d.at ? time(d.at) : '–' })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
