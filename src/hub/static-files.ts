import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Vite puts a content hash in every name under assets/, so those never change and may be
 * cached for a year. Everything else (index.html, sw.js, the manifest, icons) is revalidated
 * on each load, so a new build reaches the devices.
 */
export function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** True when the last path segment looks like a file name ("app.js"), not a route ("/kiosk"). */
export function hasFileExtension(urlPath: string): boolean {
  const last = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]+$/.test(last);
}

export type StaticLookup =
  | { readonly kind: 'file'; readonly file: string; readonly stats: Stats }
  | { readonly kind: 'missing' }
  | { readonly kind: 'forbidden' };

/**
 * Maps a decoded URL path to a regular file inside `root`. Anything that would leave the
 * root (.., encoded slashes, symlinks pointing out) or names a hidden file is refused.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticLookup> {
  if (urlPath.includes('\0') || urlPath.includes('\\')) return { kind: 'forbidden' };
  const segments = urlPath.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..')) return { kind: 'forbidden' };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'missing' };

  const file = path.join(root, ...segments);
  if (!isInside(root, file)) return { kind: 'forbidden' };
  try {
    const stats = await stat(file);
    if (!stats.isFile()) return { kind: 'missing' };
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInside(realRoot, realFile)) return { kind: 'forbidden' };
    return { kind: 'file', file, stats };
  } catch {
    return { kind: 'missing' };
  }
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A weak validator from size and modification time: cheap and good enough for a LAN. */
export function etagOf(stats: Stats): string {
  return `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
}
