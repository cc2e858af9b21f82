import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, createGzipCache, isCompressible } from './gzip-cache.ts';

describe('gzip for the built app', () => {
  it('compresses text files only', () => {
    expect(isCompressible('/dist/assets/index-abc.js')).toBe(true);
    expect(isCompressible('/dist/manifest.webmanifest')).toBe(true);
    expect(isCompressible('/dist/icon-192.png')).toBe(false);
    expect(isCompressible('/dist/assets/font.woff2')).toBe(false);
  });

  it('reads Accept-Encoding, including a refusal with q=0', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('compresses a file once per version and again after it changed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nextup-gz-')), 'a.js');
    writeFileSync(file, 'console.log(1);'.repeat(100));
    const cache = createGzipCache();
    const first = await cache(file, statSync(file));
    expect(await cache(file, statSync(file))).toBe(first);
    expect(gunzipSync(first).toString()).toBe('console.log(1);'.repeat(100));
    writeFileSync(file, 'console.log(2);'.repeat(300));
    const second = await cache(file, statSync(file));
    expect(gunzipSync(second).toString()).toBe('console.log(2);'.repeat(300));
  });
});
