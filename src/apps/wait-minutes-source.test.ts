import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One rounding rule for waits (src/domain/wait/minutes.ts): no surface turns seconds into
 * minutes on its own, or two screens show different minutes for the same wait.
 */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SURFACES = ['src/apps', 'src/domain/public', 'src/domain/kiosk', 'src/hub'];
/** Durations that are measurements, not promises: the manager's statistics round to nearest. */
const MEASURED = new Set(['src/apps/manager/format.ts']);
/** Seconds to minutes: a division by 60 (not 60_000, not 600) in a rounding call. */
const SECONDS_TO_MINUTES = /Math\.(round|ceil|floor|trunc)\([^;]*\/\s*60(?![\d_])/;

function sources(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('wait minutes have one source', () => {
  it('no surface rounds seconds into minutes itself', () => {
    const offenders = SURFACES.flatMap(sources)
      .filter((path) => !MEASURED.has(path))
      .flatMap((path) =>
        readFileSync(join(REPO_ROOT, path), 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            SECONDS_TO_MINUTES.test(line)
              ? [`${relative('.', path)}:${i + 1}: ${line.trim()}`]
              : [],
          ),
      );
    expect(offenders).toEqual([]);
  });

  it('the guard would see the old code', () => {
    expect(SECONDS_TO_MINUTES.test('minutes(Math.round(a.targetSec / 60))')).toBe(true);
    expect(SECONDS_TO_MINUTES.test('const m = Math.round(sec / 60);')).toBe(true);
    expect(SECONDS_TO_MINUTES.test('Math.round((Date.now() - savedAt) / 60_000)')).toBe(false);
  });
});
