/*
 * The built app's files (/assets/*: content-hashed, precached at install by the generated
 * worker, vite.config.ts) are served by the browser straight from the cache, without running
 * the worker's fetch handler for each: on a cheap tablet at 4x CPU the handler took 100-200 ms
 * a file at a start, and a start asks for about 30. Static routing (Chromium 123+); a browser
 * without it goes through the fetch handler as before.
 */
self.addEventListener('install', (event) => {
  if (typeof event.addRoutes !== 'function') return;
  event.waitUntil(
    event
      .addRoutes([
        {
          condition: {
            urlPattern: new URLPattern({ pathname: '/assets/*' }),
            requestMethod: 'GET',
          },
          source: 'cache',
        },
      ])
      .catch((error) => console.warn('[nextup] static routes not added:', error)),
  );
});
