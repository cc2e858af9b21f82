import { useEffect, useState } from 'react';
import type { TicketView } from '../../domain/kiosk/tracking.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { alertTexts } from './alert-message.ts';
import { askNotifyPermission, notifyPermission } from './alerts.ts';
import { unlockSound } from './chime.ts';
import { hubPushKey, subscribePush } from './push-client.ts';

/**
 * One tap turns the phone's alerts on: it lets the page chime (browsers keep it silent until
 * touched), asks for notifications, and, where the hub sends Web Push, subscribes so alerts
 * arrive with the page closed. Without Web Push the page says it must stay open.
 */
export function AlertsSwitch({ view }: { view: TicketView }) {
  const { t, text, language } = useT();
  const ticket = view.ticket;
  const [tapped, setTapped] = useState(false);
  const [permission, setPermission] = useState(notifyPermission);
  const [pushKey, setPushKey] = useState<string>();
  const [pushOn, setPushOn] = useState(false);
  useEffect(() => {
    let live = true;
    void hubPushKey(ticket).then((key) => {
      if (live) setPushKey(key);
    });
    return () => {
      live = false;
    };
  }, [ticket]);

  const turnOn = async () => {
    setTapped(true);
    await unlockSound();
    const now = await askNotifyPermission();
    setPermission(now);
    if (pushKey && now === 'granted') {
      const texts = alertTexts(t, view, language, text(view.store.name));
      setPushOn(await subscribePush(ticket, pushKey, texts));
    }
  };

  return (
    <div className="track__alerts" data-testid="track-alerts" data-push={pushOn}>
      {!tapped ? (
        <button
          type="button"
          className="button button--secondary track__notify"
          data-testid="track-notify"
          onClick={() => void turnOn()}
        >
          {t('track.notify')}
        </button>
      ) : (
        <p className="track__note">
          {permission === 'denied' ? t('track.notify.blocked') : t('track.notify.on')}
        </p>
      )}
      <p className="track__note" data-testid="track-alerts-reach">
        {pushOn ? t('track.notify.pushOn') : t('track.notify.stayOpen')}
      </p>
    </div>
  );
}
