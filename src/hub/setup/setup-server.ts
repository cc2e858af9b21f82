/**
 * The hub's plain-HTTP port in store network mode: the setup page and the store authority
 * (PEM, DER, Apple profile); every other path is sent to the same path over HTTPS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubNames } from '../tls/hub-names.ts';
import type { StoreTls } from '../tls/store-authority.ts';
import { APPLE_PROFILE_TYPE, appleProfile } from './apple-profile.ts';
import { renderSetupPage } from './setup-page.ts';
import { setupLanguage } from './setup-text.ts';

export interface SetupServerOptions {
  readonly storeId: string;
  readonly storeName: string;
  readonly defaultLanguage: string;
  /** The store authority and the names the hub certificate covers, as they are now. */
  readonly tls: () => StoreTls;
  readonly httpsPort: number;
  /** The name to send tablets to when they came by one the certificate does not cover. */
  readonly publicName: string;
}

const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The host the tablet typed, when the certificate covers it; else the store's public name. */
export function secureHost(
  hostHeader: string | undefined,
  names: HubNames,
  fallback: string,
): string {
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader ?? ''}`).hostname.toLowerCase();
  } catch {
    hostname = '';
  }
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (names.dns.includes(bare)) return bare;
  if (names.ips.includes(bare)) return bare.includes(':') ? `[${bare}]` : bare;
  return fallback.includes(':') ? `[${fallback}]` : fallback;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

export function createSetupHandler(
  opts: SetupServerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    const store = opts.tls();
    const host = secureHost(req.headers.host, store.names, opts.publicName);
    const secureOrigin = `https://${host}${opts.httpsPort === 443 ? '' : `:${opts.httpsPort}`}`;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Only GET here: the store runs over HTTPS.\n', {
        Allow: 'GET, HEAD',
      });
      return;
    }
    switch (url.pathname) {
      case '/':
      case '/setup': {
        const language = setupLanguage(
          url.searchParams.get('lang'),
          req.headers['accept-language'],
          opts.defaultLanguage,
        );
        const html = renderSetupPage({
          language,
          storeName: opts.storeName,
          caFingerprint: store.caFingerprint,
          secureOrigin,
        });
        send(res, 200, 'text/html; charset=utf-8', html, {
          'Content-Security-Policy': PAGE_POLICY,
          'Referrer-Policy': 'no-referrer',
        });
        return;
      }
      case '/ca.crt':
      case '/ca.pem':
        send(res, 200, 'application/x-pem-file', store.caPem, {
          'Content-Disposition': 'attachment; filename="nextup-store-ca.crt"',
        });
        return;
      case '/ca.cer':
      case '/ca.der':
        send(res, 200, 'application/pkix-cert', store.caDer, {
          'Content-Disposition': 'attachment; filename="nextup-store-ca.cer"',
        });
        return;
      case '/ca.mobileconfig':
        send(
          res,
          200,
          APPLE_PROFILE_TYPE,
          appleProfile({
            storeId: opts.storeId,
            storeName: opts.storeName,
            caDer: store.caDer,
            caFingerprint: store.caFingerprint,
          }),
          { 'Content-Disposition': 'attachment; filename="nextup-store.mobileconfig"' },
        );
        return;
      default:
        res.writeHead(302, {
          Location: `${secureOrigin}${url.pathname}${url.search}`,
          'Cache-Control': 'no-store',
          'Content-Length': 0,
        });
        res.end();
    }
  };
}
