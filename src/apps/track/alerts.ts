/**
 * Making "you are next" and "please go to counter 3" noticeable on a phone in a pocket:
 * vibration where the browser allows it, and a system notification once the customer agreed.
 * Both need a secure page (https, or the hub on localhost) on most phones.
 */
export type NotifyPermission = 'unsupported' | 'default' | 'granted' | 'denied';

export function notifyPermission(): NotifyPermission {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

export async function askNotifyPermission(): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return notifyPermission();
  }
}

export function vibrate(pattern: number[]): void {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    // not allowed here: the screen and the sound still tell
  }
}

/** Shows a notification (through the service worker where there is one: Android needs it). */
export async function notify(title: string, body: string, tag: string): Promise<void> {
  if (notifyPermission() !== 'granted') return;
  const options: NotificationOptions = { body, tag, icon: '/icon-192.png' };
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration) {
      await registration.showNotification(title, options);
      return;
    }
    new Notification(title, options);
  } catch (error) {
    console.warn('Notification not shown', error);
  }
}
