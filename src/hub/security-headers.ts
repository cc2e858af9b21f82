/**
 * The headers every answer of the hub carries: its content security policy and the rest. One
 * place, so the app, the JSON APIs and the tracking page cannot drift apart.
 */

/** Lets the app run (its scripts, styles, the broker WebSocket) and little else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  // MQTT.js keeps its keep-alive timer in a blob worker so background tabs are not throttled
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Ticket tracking URLs (/t/<id>) should not leak to other sites.
  'Referrer-Policy': 'same-origin',
};
