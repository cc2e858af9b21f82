import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadStoreConfig } from '../src/hub/config-loader.ts';
import { resolveFromRepo } from '../src/hub/paths.ts';
import { startTestHub } from '../test/support/hub.ts';
import { benchConfigDir } from './sim/bench-config.ts';
import { dayOfEvents, seedHubHistory } from './sim/day-history.ts';
import { WARM_DAY_KEEP_MS } from '../src/domain/sync/protocol/timing.ts';
import { summarize, type Summary } from './stats.ts';
import { installProbes } from './tap-latency.ts';

/**
 * Budgets 1 and 2 on a kiosk that holds today's busy history:
 * - the JavaScript the kiosk's first screen needs (gzipped), and what loads after it;
 * - offline cold start (service worker, no network) to a usable kiosk at 4x CPU throttle;
 * - tap to ticket number at 4x CPU throttle, online and offline.
 */
export interface KioskFigures {
  readonly ticketsInHistory: number;
  readonly eventsOnKiosk: number;
  readonly firstScreenJs: { readonly gzipKiB: number; readonly files: Record<string, number> };
  readonly laterJs: { readonly gzipKiB: number; readonly files: Record<string, number> };
  /**
   * The same on a later start of the installed kiosk, its database made (a first visit loads
   * Dexie to create it); absent from results written before this was measured.
   */
  readonly firstScreenJsInstalled?: {
    readonly gzipKiB: number;
    readonly files: Record<string, number>;
  };
  /**
   * The JavaScript that runs before the welcome's first paint (index.html's entry and its
   * static imports, src/boot.ts); absent from results written before the first paint existed.
   */
  readonly firstPaintJs?: { readonly gzipKiB: number; readonly files: Record<string, number> };
  /** Offline cold start to the frame that draws the store's welcome (5,000 tickets today). */
  readonly firstPaintOfflineMs?: Summary;
  readonly firstPaintOfflineEmptyDayMs?: Summary;
  /** Offline cold start with an empty day, and with the day's history on the kiosk. */
  readonly coldStartOfflineEmptyDayMs: Summary;
  readonly coldStartOfflineMs: Summary;
  /**
   * The same without today's kept state (src/domain/sync/warm-day.ts): the first start of a
   * new version, or one whose kept day does not fit, reads and folds the day before its first
   * screen. Absent from results written before the kept day existed.
   */
  readonly coldStartOfflineUnkeptMs?: Summary;
  /**
   * The same a moment after a tap, too soon for the day to be kept again: the start folds the
   * events stored since onto the kept day. Absent from results written before it could.
   */
  readonly coldStartOfflineFoldOnMs?: Summary;
  readonly tapOnlineMs: Summary;
  readonly tapOfflineMs: Summary;
  /**
   * The same taps to the frame that draws the number (the rAF after it entered the page);
   * absent from results written before this figure was measured.
   */
  readonly tapOnlineDrawnMs?: Summary;
  readonly tapOfflineDrawnMs?: Summary;
  /**
   * The same offline taps with every IndexedDB write flushed to disk before it completes
   * (`durability: 'strict'`), against the kiosk's own setting (relaxed, src/data/db.ts).
   */
  readonly tapOfflineStrictMs: Summary;
}

export const CPU_THROTTLE = 4;

const gzCache = new Map<string, number>();
/** Gzipped size of a built file (what a compressing server would send), in bytes. */
function gzipBytes(path: string): number {
  let v = gzCache.get(path);
  if (v === undefined) {
    v = gzipSync(readFileSync(join(resolveFromRepo('dist'), path)), { level: 9 }).length;
    gzCache.set(path, v);
  }
  return v;
}

const kib = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
}

/**
 * Marks when the service buttons first exist, relative to the navigation's time origin, and
 * resolves `window.__usable` then. A string, not a function: the TypeScript loader would add
 * helpers the page does not have.
 */
const MARK_FIRST_SCREEN = `
  window.__usable = new Promise((resolve) => (window.__resolveUsable = resolve));
  new MutationObserver(() => {
    if (window.__usableAt === undefined && document.querySelector('[data-testid^="service-"]')) {
      window.__usableAt = performance.now();
      window.__resolveUsable();
    }
    // the welcome's first paint: the still copy (src/boot.ts) or else the live screen, drawn
    if (window.__welcomeAt === undefined && document.querySelector('.kiosk-welcome')) {
      window.__welcomeAt = performance.now();
      requestAnimationFrame(() => (window.__welcomeDrawnAt = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Makes every IndexedDB transaction of the page ask for strict durability, and records the
 * durability of each read-write transaction, so the run can show it was in effect.
 */
const FORCE_STRICT = `
  const open = IDBDatabase.prototype.transaction;
  window.__durabilities = [];
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = open.call(this, stores, mode, { ...options, durability: 'strict' });
    if (mode === 'readwrite') window.__durabilities.push(tx.durability);
    return tx;
  };
`;

/** The durabilities of the page's read-write transactions so far (see FORCE_STRICT). */
async function durabilities(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __durabilities?: string[] };
    return w.__durabilities ?? [];
  });
}

export async function countEvents(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          const db = req.result;
          try {
            const c = db.transaction('events').objectStore('events').count();
            c.onsuccess = () => {
              resolve(c.result);
              db.close();
            };
          } catch {
            resolve(0);
            db.close();
          }
        };
        req.onerror = () => resolve(0);
      }),
    `nextup-${store}`,
  );
}

/** Whether the kiosk's kept day (src/domain/sync/warm-day.ts) was folded from all it holds. */
async function dayKept(page: Page, store: string): Promise<boolean> {
  return page.evaluate(
    (name) =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['events', 'kv']);
          const held = tx.objectStore('events').count();
          const kept = tx.objectStore('kv').get('warmDayMark');
          tx.oncomplete = () => {
            const row = kept.result as { value?: { inWindow?: number } } | undefined;
            resolve(row?.value?.inWindow === held.result);
            db.close();
          };
        };
        req.onerror = () => resolve(false);
      }),
    `nextup-${store}`,
  );
}

/**
 * Waits until the kiosk has kept today's state folded from every event it holds, and it stays
 * so for longer than a kiosk waits to keep it again (events still arriving would undo it):
 * what a kiosk has seconds after the day's last change.
 */
export async function keptDay(page: Page, store: string): Promise<void> {
  const until = Date.now() + 120_000;
  let since: number | undefined;
  while (since === undefined || Date.now() - since < WARM_DAY_KEEP_MS + 2_000) {
    if (Date.now() > until) throw new Error('the kiosk did not keep its day within 2 minutes');
    if (!(await dayKept(page, store))) since = undefined;
    else since ??= Date.now();
    await page.waitForTimeout(500);
  }
}

/**
 * Moves the kept day's rows aside (`away`), so the next start reads and folds the day before
 * its first screen, or back. In the page: the rows hold Maps, which stay IndexedDB's copies.
 */
export async function setKeptDayAside(page: Page, store: string, away: boolean): Promise<void> {
  await page.evaluate(
    ([name, away]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('kv', 'readwrite');
          const kv = tx.objectStore('kv');
          for (const key of ['warmDayMark', 'warmDay']) {
            const [from, to] = away ? [key, `aside:${key}`] : [`aside:${key}`, key];
            const get = kv.get(from);
            get.onsuccess = () => {
              const row = get.result as { value: unknown } | undefined;
              if (!row) return tx.abort();
              kv.put({ key: to, value: row.value });
              kv.delete(from);
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onabort = () => reject(new Error('the kept day was not there to move'));
        };
      }),
    [`nextup-${store}`, away] as const,
  );
}

/** Tap to the number in the page, and to the frame that draws it. */
async function tapOnce(kiosk: Page, service: string): Promise<[number, number]> {
  await kiosk.evaluate(() => {
    const w = window as unknown as { __tapAt?: number; __shownAt?: number; __drawnAt?: number };
    delete w.__tapAt;
    delete w.__shownAt;
    delete w.__drawnAt;
  });
  await kiosk.getByTestId(`service-${service}`).click();
  await kiosk.getByTestId('ticket-number').waitFor();
  await kiosk.waitForFunction(() => (window as { __drawnAt?: number }).__drawnAt !== undefined);
  const ms = await kiosk.evaluate(() => {
    const w = window as unknown as { __tapAt: number; __shownAt: number; __drawnAt: number };
    return [w.__shownAt - w.__tapAt, w.__drawnAt - w.__tapAt] as [number, number];
  });
  await kiosk.getByTestId('ticket-done').click();
  await kiosk.getByTestId(`service-${service}`).waitFor();
  return ms;
}

async function taps(kiosk: Page, samples: number): Promise<{ shown: Summary; drawn: Summary }> {
  await kiosk.evaluate(installProbes.kiosk);
  const shown: number[] = [];
  const drawn: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    const [s, d] = await tapOnce(kiosk, 'advice');
    if (i < 3) continue;
    shown.push(s);
    drawn.push(d);
  }
  return { shown: summarize(shown), drawn: summarize(drawn) };
}

/**
 * The JS the first screen needed: scripts whose fetch started before the service buttons
 * showed (from the page's resource timing); and the scripts fetched in the seconds after.
 */
export async function firstScreenJs(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.addInitScript(MARK_FIRST_SCREEN);
  await page.goto(url);
  await page.getByTestId('service-advice').waitFor();
  await page.waitForTimeout(4000);
  const { usableAt, scripts } = await page.evaluate(() => ({
    usableAt: (window as unknown as { __usableAt: number }).__usableAt,
    scripts: performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ path: new URL(e.name).pathname.slice(1), start: e.startTime })),
  }));
  await page.close();
  const group = (list: { path: string }[]) => {
    const paths = [...new Set(list.map((s) => s.path))].filter((p) => p.startsWith('assets/'));
    return {
      gzipKiB: kib(paths.reduce((a, p) => a + gzipBytes(p), 0)),
      files: Object.fromEntries(paths.map((p) => [p, kib(gzipBytes(p))])),
    };
  };
  return {
    firstScreenJs: group(scripts.filter((s) => s.start < usableAt)),
    laterJs: group(scripts.filter((s) => s.start >= usableAt)),
  };
}

/** Takes the context offline with the first screen's marks in every page (startOnce). */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.addInitScript(MARK_FIRST_SCREEN);
}

/**
 * One start of the kiosk in a new page of `context` (goOffline first) at 4x CPU: when its
 * service buttons existed and when the frame that drew its welcome began.
 */
export async function startOnce(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; usable: number; painted: number }> {
  const page = await context.newPage();
  await throttle(page);
  await page.goto(url);
  // not a locator: Playwright's page script would run on the throttled thread inside the
  // measured start (about 50 ms at 4x, measured); an awaited promise adds almost nothing
  await page.evaluate('window.__usable');
  await page.waitForFunction(() => '__welcomeDrawnAt' in window);
  const [usable, painted] = await page.evaluate(() => {
    const w = window as unknown as { __usableAt: number; __welcomeDrawnAt: number };
    return [w.__usableAt, w.__welcomeDrawnAt];
  });
  return { page, usable, painted };
}

interface ColdStarts {
  starts: Summary;
  firstPaints: Summary;
  /** With `unkeptOf`: the starts that found no kept day, taken in turn with the others. */
  unkept?: Summary;
  last: Page;
}

/**
 * New pages of an offline context whose service worker holds the app, at 4x CPU. With
 * `unkeptOf` (the store), every other start finds no kept day (moved aside before it, back
 * after it): both kinds of start measured in turn, so the machine's drift falls on both.
 */
async function coldStarts(
  context: BrowserContext,
  url: string,
  count: number,
  unkeptOf?: string,
): Promise<ColdStarts> {
  await goOffline(context);
  const starts: number[] = [];
  const unkept: number[] = [];
  const paints: number[] = [];
  let page: Page | undefined;
  const total = unkeptOf === undefined ? count + 1 : 2 * count + 1;
  for (let i = 0; i < total; i++) {
    await page?.close();
    const start = await startOnce(context, url);
    page = start.page;
    const { usable, painted } = start;
    const withoutKeptDay = unkeptOf !== undefined && i % 2 === 1;
    if (unkeptOf !== undefined) {
      // the app marks a start that resumed the kept day: each start must be the kind it counts as
      const resumed = await page.evaluate(
        () => performance.getEntriesByName('nextup:kept-day').length > 0,
      );
      if (resumed === withoutKeptDay) {
        throw new Error(`start ${i} ${resumed ? 'resumed' : 'did not resume'} the kept day`);
      }
      // before the next start: the kept day aside for an odd one, back after it
      if (i + 1 < total) await setKeptDayAside(page, unkeptOf, !withoutKeptDay);
    }
    // the first start after going offline warms the disk cache
    if (i === 0) continue;
    if (withoutKeptDay) {
      unkept.push(usable);
    } else {
      starts.push(usable);
      paints.push(painted);
    }
  }
  return {
    starts: summarize(starts),
    firstPaints: summarize(paints),
    ...(unkeptOf === undefined ? {} : { unkept: summarize(unkept) }),
    last: page!,
  };
}

/**
 * Starts a moment after a change (a restart within a minute of a tap, too soon for the day to
 * be kept again): before each, a ticket taken on the page before it, which closes at once. The
 * n-th start folds the n tickets taken since the day was kept onto it; the app's mark says how
 * many it folded on, and the run fails if a start did not.
 */
async function foldOnStarts(
  context: BrowserContext,
  url: string,
  count: number,
  previous: Page,
): Promise<{ starts: Summary; last: Page }> {
  const starts: number[] = [];
  let page = previous;
  for (let i = 0; i < count; i++) {
    await page.getByTestId('service-advice').click();
    await page.getByTestId('ticket-number').waitFor();
    await page.close();
    page = await context.newPage();
    await throttle(page);
    await page.goto(url);
    await page.evaluate('window.__usable');
    const [usable, foldedOn] = await page.evaluate(() => {
      const mark = performance.getEntriesByName('nextup:kept-day')[0] as
        PerformanceMark | undefined;
      const detail = mark?.detail as { foldedOn?: number } | undefined;
      return [(window as unknown as { __usableAt: number }).__usableAt, detail?.foldedOn ?? 0];
    });
    if (foldedOn !== i + 1) {
      throw new Error(`start ${i} folded ${foldedOn} events on the kept day, not ${i + 1}`);
    }
    starts.push(usable);
  }
  return { starts: summarize(starts), last: page };
}

/** Installs the service worker and lets it take control of the kiosk page. */
export async function installApp(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.getByTestId('service-advice').waitFor();
  // what a kiosk keeps once idle after its first screen, for its next start: the welcome's copy
  // for the first paint, and the store zone's offsets (without them a start asks Intl, which
  // loads ICU's data: 50-110 ms at 4x)
  await page.waitForFunction(
    () =>
      localStorage.getItem('nextup.kiosk.welcome') !== null &&
      localStorage.getItem('nextup.zoneOffsets') !== null,
  );
  return page;
}

/** index.html's entry script and its static imports: what runs before the first paint. */
function firstPaintJs(): { gzipKiB: number; files: Record<string, number> } {
  const dist = resolveFromRepo('dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html has no module entry script');
  const files = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // static imports only (import(...) loads after): `import{a}from"./x.js"`, `import"./y.js"`
    for (const m of code.matchAll(/import(?:[^"'()]*?from)?\s*["']\.\/([^"']+\.js)["']/g)) {
      visit(`assets/${m[1]}`);
    }
  };
  visit(entry);
  const paths = [...files];
  return {
    gzipKiB: kib(paths.reduce((a, p) => a + gzipBytes(p), 0)),
    files: Object.fromEntries(paths.map((p) => [p, kib(gzipBytes(p))])),
  };
}

async function emptyDayColdStarts(
  browser: Browser,
  count: number,
): Promise<{ starts: Summary; firstPaints: Summary }> {
  const hub = await startTestHub({ configDir: benchConfigDir() });
  const context = await browser.newContext();
  try {
    const url = `${hub.httpUrl}/kiosk?kiosk=kiosk-1`;
    await (await installApp(context, url)).close();
    const { starts, firstPaints } = await coldStarts(context, url, count);
    return { starts, firstPaints };
  } finally {
    await context.close();
    await hub.close();
  }
}

export async function measureKiosk(
  browser: Browser,
  opts: { tickets?: number; taps?: number; coldStarts?: number } = {},
): Promise<KioskFigures> {
  const tickets = opts.tickets ?? 5000;
  // first, on its own: a kiosk with an empty day is alone on its tablet, not beside a browser
  // context and a hub busy with a 5,000-ticket day
  const emptyDay = await emptyDayColdStarts(browser, opts.coldStarts ?? 10);
  const configDir = benchConfigDir();
  const config = await loadStoreConfig(configDir);
  const dataDir = mkdtempSync(join(tmpdir(), 'nextup-bench-kiosk-'));
  const events = dayOfEvents({
    store: config.store.id,
    tickets,
    startWall: Date.now() - tickets * 3 - 60_000,
  });
  await seedHubHistory(dataDir, config.store.id, config.store.timeZone, events);
  const hub = await startTestHub({ configDir, dataDir });
  const url = `${hub.httpUrl}/kiosk?kiosk=kiosk-1`;
  const context = await browser.newContext();
  try {
    const js = await firstScreenJs(context, url);
    // install the service worker, let it take control, and catch up the day's history
    let page = await installApp(context, url);
    const until = Date.now() + 120_000;
    let held = 0;
    while ((held = await countEvents(page, config.store.id)) < events.length) {
      if (Date.now() > until)
        throw new Error(`the kiosk caught up only ${held} of ${events.length} events`);
      await page.waitForTimeout(250);
    }
    // and knows it (its waits show): the taps render the place and the wait
    await page.locator('[data-testid="connection"][data-freshness="current"]').waitFor();
    await throttle(page);
    const online = await taps(page, opts.taps ?? 100);
    await page.close();
    const installed = await firstScreenJs(context, url);
    // a kiosk keeps its day seconds after the last change: here after the agent's verdicts on
    // the taps, which come after them
    page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-testid="connection"][data-freshness="current"]').waitFor();
    await page.locator('[data-testid="connection"][data-pending="0"]').waitFor();
    await keptDay(page, config.store.id);
    await page.close();

    // each with the kept day and without it (as the first start of a version with a new fold), in turn
    const cold = await coldStarts(context, url, opts.coldStarts ?? 10, config.store.id);
    // then each a moment after a tap: the kept day and the taps since
    const foldOn = await foldOnStarts(context, url, opts.coldStarts ?? 10, cold.last);
    page = foldOn.last;
    const eventsOnKiosk = await countEvents(page, config.store.id);
    await page.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    const offline = await taps(page, opts.taps ?? 100);
    await page.close();

    // the same offline taps, every write flushed to disk first (the init script stays last)
    await context.addInitScript(FORCE_STRICT);
    page = (await coldStarts(context, url, 1)).last;
    const tapOfflineStrictMs = (await taps(page, opts.taps ?? 100)).shown;
    const seen = new Set(await durabilities(page));
    if (seen.size !== 1 || !seen.has('strict')) {
      throw new Error(`strict durability was not in effect: ${[...seen].join(', ')}`);
    }
    return {
      ticketsInHistory: tickets,
      eventsOnKiosk,
      ...js,
      firstScreenJsInstalled: installed.firstScreenJs,
      firstPaintJs: firstPaintJs(),
      firstPaintOfflineMs: cold.firstPaints,
      firstPaintOfflineEmptyDayMs: emptyDay.firstPaints,
      coldStartOfflineEmptyDayMs: emptyDay.starts,
      coldStartOfflineMs: cold.starts,
      ...(cold.unkept ? { coldStartOfflineUnkeptMs: cold.unkept } : {}),
      coldStartOfflineFoldOnMs: foldOn.starts,
      tapOnlineMs: online.shown,
      tapOfflineMs: offline.shown,
      tapOnlineDrawnMs: online.drawn,
      tapOfflineDrawnMs: offline.drawn,
      tapOfflineStrictMs,
    };
  } finally {
    await context.close();
    await hub.close();
  }
}
