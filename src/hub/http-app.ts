import { createReadStream, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import type { StoreConfig } from '../domain/config/types.ts';
import type { DiskStatus } from '../domain/health/disk.ts';
import {
  embeddableJson,
  PHONE_HTML,
  phonePageOf,
  TICKET_VIEW_ELEMENT_ID,
} from '../domain/kiosk/phone-pages.ts';
import { withFirstPaint, type FirstPaint } from '../domain/kiosk/first-paint.ts';
import { acceptsGzip, createGzipCache, isCompressible } from './gzip-cache.ts';
import type { Logger } from './log.ts';
import { sendJson } from './json-response.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import {
  cacheControl,
  contentType,
  etagOf,
  findStaticFile,
  hasFileExtension,
} from './static-files.ts';

/** Body of GET /api/config. An empty wsUrl means "ws(s)://<location.host>/mqtt". */
export interface ApiConfig {
  readonly config: StoreConfig;
  readonly broker: { readonly wsUrl: string };
  /** Changes with every settings change (devices hear it on the retained config topic). */
  readonly version?: string;
  /** In store network mode: the plain-HTTP setup page, for a tablet that cannot start offline. */
  readonly setup?: { readonly url: string };
}

/** Body of GET /api/health: 200 when ok, 503 when the hub cannot keep what it is sent. */
export interface ApiHealth {
  readonly ok: boolean;
  readonly store: string;
  readonly uptimeSec: number;
  /** The data folder: not ok while writes fail (full, read-only). */
  readonly disk?: DiskStatus;
  /** Why not ok, in words. */
  readonly reason?: string;
}

export interface HttpAppOptions {
  /** Absolute path of the built PWA. */
  readonly distDir: string;
  readonly log: Logger;
  apiConfig(): ApiConfig;
  health(): ApiHealth;
  /**
   * What the hub puts into a phone page (the tracked ticket's view on /t/<ticket>), or
   * undefined for nothing: the page then asks for it itself.
   */
  phonePageData?: (urlPath: string) => unknown;
  /**
   * A still of the page's first screen, put into the app's page a browser asks for (a first
   * visit: afterwards the service worker serves the page), or undefined for none.
   */
  firstPaint?: (
    req: IncomingMessage,
    urlPath: string,
    query: URLSearchParams,
  ) => Promise<FirstPaint | undefined> | undefined;
  /** More API routes (e.g. ticket tracking); resolves true when it answered the request. */
  routes?: (req: IncomingMessage, res: ServerResponse, urlPath: string) => Promise<boolean>;
}

export interface HttpApp {
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Logs (once) when the app is not built; the hub still starts and says so on GET /. */
  checkBuilt(): Promise<boolean>;
}

const PHONE_PATH = `/${PHONE_HTML}`;

export const NOT_BUILT_MESSAGE = 'The app is not built: run npm run build';

export function createHttpApp(opts: HttpAppOptions): HttpApp {
  const { distDir, log } = opts;
  const indexFile = path.join(distDir, 'index.html');
  let warnedNotBuilt = false;
  const gzipped = createGzipCache();

  function send(
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      ...headers,
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }

  const text = (
    res: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ) => send(res, status, 'text/plain; charset=utf-8', `${body}\n`, headers);

  const json = (res: ServerResponse, status: number, body: unknown) => sendJson(res, status, body);

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    urlPath: string,
    query: URLSearchParams,
  ): Promise<void> {
    const found = await findStaticFile(distDir, urlPath);
    if (found.kind === 'forbidden') return text(res, 403, 'Forbidden');
    if (found.kind === 'file') return streamFile(req, res, found.file, found.stats, urlPath);
    if (hasFileExtension(urlPath)) return text(res, 404, 'Not found');
    if (phonePageOf(urlPath)) return sendPhonePage(req, res, urlPath);
    return sendIndex(req, res, urlPath, query);
  }

  // The customer's phone pages have their own light entry; a build without it gets index.html,
  // which routes to the same pages.
  async function sendPhonePage(
    req: IncomingMessage,
    res: ServerResponse,
    urlPath: string,
  ): Promise<void> {
    const found = await findStaticFile(distDir, PHONE_PATH);
    if (found.kind !== 'file') return sendIndex(req, res);
    const data = opts.phonePageData?.(urlPath);
    if (data === undefined) return streamFile(req, res, found.file, found.stats, PHONE_PATH);
    const html = await readFile(found.file, 'utf8');
    const script = `<script type="application/json" id="${TICKET_VIEW_ELEMENT_ID}">${embeddableJson(data)}</script>`;
    // the view is of this moment: never from a cache
    send(res, 200, 'text/html; charset=utf-8', html.replace('</head>', `${script}</head>`), {
      'Cache-Control': 'no-store',
    });
  }

  function warnNotBuilt(): void {
    if (warnedNotBuilt) return;
    warnedNotBuilt = true;
    log.warn('http', `${indexFile} is missing. ${NOT_BUILT_MESSAGE}`);
  }

  // Routes such as /kiosk or /t/<id> belong to the app: the browser gets index.html.
  // Looked up on each request, so building while the hub runs needs no restart.
  async function sendIndex(
    req: IncomingMessage,
    res: ServerResponse,
    urlPath = '/',
    query = new URLSearchParams(),
  ): Promise<void> {
    const found = await findStaticFile(distDir, '/index.html');
    if (found.kind !== 'file') {
      warnNotBuilt();
      return text(res, 503, NOT_BUILT_MESSAGE, { 'Cache-Control': 'no-store' });
    }
    const paint = await opts.firstPaint?.(req, urlPath, query);
    let page: string | undefined;
    try {
      if (paint) page = withFirstPaint(await readFile(found.file, 'utf8'), paint);
    } catch (err) {
      log.warn('http', `${urlPath} served without its first paint: ${(err as Error).message}`);
    }
    if (!page) return streamFile(req, res, found.file, found.stats, '/index.html');
    // the still is of this config and moment: never from a cache
    const headers = { 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
    if (!acceptsGzip(req.headers['accept-encoding'])) {
      return send(res, 200, 'text/html; charset=utf-8', page, headers);
    }
    const body = gzipSync(page);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...headers,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Encoding': 'gzip',
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function streamFile(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    stats: Stats,
    urlPath: string,
  ): Promise<void> {
    const etag = etagOf(stats);
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': contentType(file),
      'Cache-Control': cacheControl(urlPath),
      ETag: etag,
      'Last-Modified': stats.mtime.toUTCString(),
    };
    if (isCompressible(file)) {
      // one URL, two encodings: caches must keep them apart, and so must the ETag
      Object.assign(headers, { Vary: 'Accept-Encoding' });
      if (acceptsGzip(req.headers['accept-encoding'])) {
        const gzEtag = `${etag.slice(0, -1)}-gz"`;
        Object.assign(headers, { ETag: gzEtag, 'Content-Encoding': 'gzip' });
        if (req.headers['if-none-match'] === gzEtag) {
          res.writeHead(304, headers);
          res.end();
          return;
        }
        const body = await gzipped(file, stats);
        res.writeHead(200, { ...headers, 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': stats.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(file), res);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let urlPath: string;
    let query: URLSearchParams;
    try {
      const url = new URL(req.url ?? '/', 'http://hub');
      urlPath = decodeURIComponent(url.pathname);
      query = url.searchParams;
    } catch {
      return text(res, 400, 'Bad request');
    }
    if (opts.routes && (await opts.routes(req, res, urlPath))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return text(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }

    if (urlPath === '/api/config') return json(res, 200, opts.apiConfig());
    if (urlPath === '/api/health') {
      const health = opts.health();
      return json(res, health.ok ? 200 : 503, health);
    }
    if (urlPath === '/api' || urlPath.startsWith('/api/')) {
      return json(res, 404, { error: `no API at ${urlPath}` });
    }
    if (urlPath === '/mqtt') {
      return text(res, 426, 'MQTT over WebSocket only: connect with an MQTT client', {
        Upgrade: 'websocket',
      });
    }
    if (urlPath === '/' || urlPath === '/index.html') return sendIndex(req, res);
    return sendFile(req, res, urlPath, query);
  }

  async function checkBuilt(): Promise<boolean> {
    const built = (await findStaticFile(distDir, '/index.html')).kind === 'file';
    if (!built) warnNotBuilt();
    return built;
  }

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).catch((err: unknown) => {
      // A client that goes away mid-download is normal; anything else is worth a line.
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        log.error(
          'http',
          `${req.method ?? '?'} ${req.url ?? ''} failed: ${(err as Error).message}`,
        );
      }
      if (!res.headersSent) text(res, 500, 'Internal error');
      else res.destroy();
    });
  };

  return { handle, checkBuilt };
}
