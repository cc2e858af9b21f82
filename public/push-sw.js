/*
 * Web Push in the service worker (imported by the generated worker, vite.config.ts): shows the
 * hub's "soon" and "called" alerts (src/hub/push) while the tracking page is closed, and opens
 * the page on a tap. When the ticket's page is on screen it alerts by itself (with sound), so
 * the push adds nothing there.
 */
self.addEventListener('push', (event) => {
  let message;
  try {
    message = event.data.json();
  } catch {
    return;
  }
  if (!message || typeof message.title !== 'string') return;
  event.waitUntil(
    (async () => {
      const target = new URL(message.url, self.location.origin).pathname;
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const onScreen = windows.some(
        (c) => c.visibilityState === 'visible' && new URL(c.url).pathname === target,
      );
      if (onScreen) return;
      await self.registration.showNotification(message.title, {
        body: message.body,
        tag: message.tag,
        renotify: true,
        icon: '/icon-192.png',
        vibrate: message.kind === 'called' ? [400, 150, 400, 150, 400] : [300, 150, 300],
        data: { url: message.url },
      });
    })(),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/', self.location.origin);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((c) => new URL(c.url).pathname === url.pathname);
      if (open) return open.focus();
      return self.clients.openWindow(url.href);
    })(),
  );
});
