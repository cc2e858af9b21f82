import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * A customer's phone: small touch screen, not a store device. Vibration and notifications are
 * recorded in `window.__alerts` so tests can see what the customer would feel and see.
 */
export async function newPhone(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
    locale: 'en-GB',
  });
  await context.grantPermissions(['notifications']);
  await context.addInitScript(() => {
    const alerts: { kind: string; detail: string }[] = [];
    (window as unknown as { __alerts: typeof alerts }).__alerts = alerts;
    Object.defineProperty(navigator, 'vibrate', {
      value: (pattern: number[]) => {
        alerts.push({ kind: 'vibrate', detail: JSON.stringify(pattern) });
        return true;
      },
    });
    const record = (title: string) => alerts.push({ kind: 'notification', detail: title });
    ServiceWorkerRegistration.prototype.showNotification = function (title: string) {
      record(title);
      return Promise.resolve();
    };
    const Real = window.Notification;
    class Recorded {
      static get permission() {
        return Real.permission;
      }
      static requestPermission() {
        return Real.requestPermission();
      }
      constructor(title: string) {
        record(title);
      }
    }
    (window as unknown as { Notification: unknown }).Notification = Recorded;
  });
  return context;
}

export async function alertsOn(page: Page): Promise<{ kind: string; detail: string }[]> {
  return page.evaluate(
    () => (window as unknown as { __alerts: { kind: string; detail: string }[] }).__alerts,
  );
}
