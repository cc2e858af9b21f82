import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Text files worth compressing (fonts and PNGs are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|webmanifest|svg|txt)$/i;

export function isCompressible(file: string): boolean {
  return COMPRESSIBLE.test(file);
}

export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const v = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  return /(^|[\s,])gzip(?!;q=0(\.0+)?(\s|,|$))/i.test(v);
}

/**
 * Gzipped copies of the built app's text files, made once per file version (size and mtime)
 * and kept in memory: the whole app is about a megabyte, and a tablet on store Wi-Fi gets a
 * third of the bytes (the kiosk's first screen: ~135 KB instead of ~420 KB).
 */
export function createGzipCache(maxEntries = 200): (file: string, stats: Stats) => Promise<Buffer> {
  const cache = new Map<string, { version: string; body: Promise<Buffer> }>();
  return (file, stats) => {
    const version = `${stats.size}-${stats.mtimeMs}`;
    const hit = cache.get(file);
    if (hit && hit.version === version) return hit.body;
    const body = readFile(file).then((b) => gzipAsync(b, { level: 9 }));
    body.catch(() => cache.delete(file));
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(file, { version, body });
    return body;
  };
}
