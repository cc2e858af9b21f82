import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StoreConfig } from '../domain/config/types.ts';
import {
  WELCOME_STILL_MODULE,
  type FirstPaint,
  type WelcomeStillModule,
} from '../domain/kiosk/first-paint.ts';
import type { Logger } from './log.ts';

/**
 * The kiosk's welcome for a tablet's first visit (src/domain/kiosk/first-paint.ts), rendered by
 * the renderer the build puts beside the app. A build without one, or a render that fails,
 * costs only the early paint: the page comes plain, and the line in the log says why.
 */
export interface WelcomeStills {
  /** The still for a kiosk of this config, or undefined (then the page comes plain). */
  forKiosk(config: StoreConfig, version: string, kioskId: string): Promise<FirstPaint | undefined>;
}

/** A still shows "Opens at 9:00" and the like: rendered again each minute at most. */
const FRESH_MS = 60_000;
/** Renders kept: one per kiosk of the store is plenty, a flood of made-up ids is bounded. */
const KEPT = 16;

export function createWelcomeStills(opts: {
  readonly distDir: string;
  readonly log: Logger;
  readonly now?: () => number;
}): WelcomeStills {
  const file = path.join(opts.distDir, WELCOME_STILL_MODULE);
  const now = opts.now ?? Date.now;
  const kept = new Map<string, Promise<FirstPaint | undefined>>();
  let said = '';
  const sayOnce = (line: string): void => {
    if (line === said) return;
    said = line;
    opts.log.warn('http', line);
  };

  // loaded again after a new build (its modification time in the address), as index.html is
  async function renderer(): Promise<WelcomeStillModule | undefined> {
    let mtime: number;
    try {
      mtime = (await stat(file)).mtimeMs;
    } catch {
      sayOnce(`${file} is missing: a kiosk's first visit paints once the app has loaded`);
      return undefined;
    }
    const mod = (await import(`${pathToFileURL(file).href}?v=${mtime}`)) as Partial<
      Record<keyof WelcomeStillModule, unknown>
    >;
    if (typeof mod.renderWelcomeStill !== 'function') {
      sayOnce(
        `${file} has no renderWelcomeStill: a kiosk's first visit paints once the app has loaded`,
      );
      return undefined;
    }
    return mod as WelcomeStillModule;
  }

  async function render(config: StoreConfig, kioskId: string): Promise<FirstPaint | undefined> {
    try {
      return await (await renderer())?.renderWelcomeStill(config, kioskId, now());
    } catch (err) {
      sayOnce(`the kiosk's welcome for a first visit failed: ${(err as Error).message}`);
      return undefined;
    }
  }

  return {
    forKiosk(config, version, kioskId) {
      if (!config.kiosks.some((k) => k.id === kioskId)) return Promise.resolve(undefined);
      const key = `${version} ${kioskId} ${Math.floor(now() / FRESH_MS)}`;
      let paint = kept.get(key);
      if (!paint) {
        if (kept.size >= KEPT) kept.clear();
        paint = render(config, kioskId);
        kept.set(key, paint);
      }
      return paint;
    },
  };
}
