import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { WELCOME_STILL_MODULE } from './src/domain/kiosk/first-paint.ts';
import { PHONE_HTML } from './src/domain/kiosk/phone-pages.ts';
import { fileSource, foldDigest } from './src/hub/fold-digest.ts';
import { KIOSK_HINTS, RUNTIME_HINTS } from './src/apps/shell/runtime-hints.ts';

/**
 * index.html's entry (src/boot.ts) loads the app (src/main.tsx), which starts the device
 * runtime (storage and sync) right away, but the browser only learns of their chunks as each
 * runs: hint them in index.html so they download alongside the app (one round trip instead
 * of four on store Wi-Fi). The hints sit in an inert <template> that src/boot.ts moves into
 * the head after the kiosk's first paint: issued by the parser, their requests and responses
 * took the main thread 70-170 ms before that paint at 4x CPU. The kiosk's screen has hints of
 * its own, released on its page only: without them its chunks start only once React runs.
 * Dexie has none: every start loads it after the first screen (src/data/device-db.ts).
 */
function preloadDeviceRuntime(): Plugin {
  return {
    name: 'nextup-preload-device-runtime',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // the phone's pages never run the device runtime
        if (ctx.filename.endsWith(PHONE_HTML)) return [];
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const of = (...modules: string[]) =>
          chunks.filter((c) => modules.some((m) => c.facadeModuleId?.endsWith(m)));
        const started = of('/src/main.tsx', '/src/apps/runtime/create.ts');
        const kiosk = of('/src/apps/kiosk/KioskSurface.tsx');
        if (started.length !== 2 || kiosk.length !== 1) return [];
        const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        // (and not those Vite preloads already as the entry's own imports, nor twice)
        const hinted = new Set<string>();
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        // a chunk and every chunk it imports statically, however deep
        const closure = (from: typeof chunks): string[] => {
          const seen = new Set<string>();
          const visit = (file: string): void => {
            if (seen.has(file)) return;
            seen.add(file);
            for (const f of byFile.get(file)?.imports ?? []) visit(f);
          };
          for (const c of from) visit(c.fileName);
          return [...seen];
        };
        const template = (id: string, from: typeof chunks) => {
          const files = closure(from).filter(
            (f) => !entries.has(f) && !html.includes(`/${f}"`) && !hinted.has(f),
          );
          for (const f of files) hinted.add(f);
          const hints = files.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` },
          }));
          return { tag: 'template', attrs: { id }, children: hints, injectTo: 'head' as const };
        };
        return [template(RUNTIME_HINTS, started), template(KIOSK_HINTS, kiosk)];
      },
    },
  };
}

/**
 * The hub's renderer of the kiosk's welcome for a tablet's first visit (src/domain/kiosk/
 * first-paint.ts), built for Node beside the app once the app is built. Under a hidden folder:
 * the hub neither serves nor precaches it.
 */
function welcomeStillRenderer(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'nextup-welcome-still',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = config.build.outDir;
    },
    async closeBundle() {
      if (this.environment.name !== 'client') return;
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        plugins: [react()],
        // self-contained (React included): the hub loads it wherever the built app is put
        ssr: { noExternal: true },
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          ssr: 'src/apps/kiosk/welcome-still.tsx',
          outDir: `${outDir}/${dirname(WELCOME_STILL_MODULE)}`,
          emptyOutDir: true,
          rollupOptions: { output: { entryFileNames: basename(WELCOME_STILL_MODULE) } },
        },
      });
    },
  };
}

/**
 * The small modules every device surface's first screen loads (with the runtime, before the
 * screen) that lazily loaded code shares too, in one chunk: by default each set of sharers got a
 * chunk of its own, six files under 1.2 KB gzip on the kiosk's first screen. Only modules the
 * kiosk, clerk, board, manager and floor all load at the start already, and neither the first
 * paint (src/boot.ts) nor the phone's pages: those would load the whole chunk for one of them.
 * Their imports stay where they are (zone-offset.ts, which the phone's join page shares).
 */
const DEVICE_START_SHARED = [
  'src/data/schema.ts',
  'src/domain/kiosk/rate-limit.ts',
  'src/domain/queue/day.ts',
  'src/domain/queue/events.ts',
  'src/domain/security/roles.ts',
  'src/domain/topics/names.ts',
  'src/domain/visit/types.ts',
  'src/ui/useNow.ts',
];

/**
 * The same for the modules the first paint (src/boot.ts) shares with the app and the phone's
 * pages: one script and one stylesheet before the first paint, not three and two. With their
 * styles, base.css then shell.css (left out, their stylesheets came after the kiosk's). The
 * phone's pages load them all but local-setting.ts (half a KB), shell.css now at the start.
 */
const FIRST_PAINT_SHARED = [
  'src/apps/shell/first-paint-layer.ts',
  'src/apps/shell/first-screen.ts',
  'src/domain/kiosk/first-paint.ts',
  'src/domain/kiosk/phone-pages.ts',
  'src/ui/after-frame.ts',
  'src/ui/base.css',
  'src/apps/shell/shell.css',
  'src/ui/local-setting.ts',
  'src/ui/script-fonts.ts',
];

// a renamed or removed module would silently leave its group (and the first screen grow)
const unknownShared = [...DEVICE_START_SHARED, ...FIRST_PAINT_SHARED].filter(
  (m) => !existsSync(resolve(import.meta.dirname, m)),
);
if (unknownShared.length > 0) {
  throw new Error(`vite.config.ts groups modules that do not exist: ${unknownShared.join(', ')}`);
}

const HUB = 'http://127.0.0.1:8080';

export default defineConfig({
  define: {
    'import.meta.env.VITE_FOLD_DIGEST': JSON.stringify(foldDigest(fileSource(import.meta.dirname))),
  },
  plugins: [
    react(),
    preloadDeviceRuntime(),
    welcomeStillRenderer(),
    VitePWA({
      // A new version waits for the device's moment (kiosk idle, or a tap on the other
      // surfaces): never skipWaiting in the middle of a customer's visit.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Nextup',
        short_name: 'Nextup',
        description: 'Take a ticket, see who is called, serve the next customer.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d6f68',
        background_color: '#f4f6f5',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        globIgnores: [`${dirname(WELCOME_STILL_MODULE)}/**`],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/mqtt/],
        cleanupOutdatedCaches: true,
        // Web Push for the tracking page's alerts (public/push-sw.js)
        importScripts: ['/push-sw.js', '/routes-sw.js'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname === '/api/config',
            handler: 'NetworkFirst',
            options: {
              cacheName: 'nextup-config',
              networkTimeoutSeconds: 3,
              expiration: { maxEntries: 1 },
            },
          },
        ],
      },
    }),
  ],
  server: {
    proxy: {
      '/api': { target: HUB, changeOrigin: true },
      '/mqtt': { target: HUB, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // every browser the app supports knows <link rel="modulepreload">: no polyfill in the
    // kiosk's first load
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { main: 'index.html', phone: PHONE_HTML },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'device-start',
              test: (id) => DEVICE_START_SHARED.some((m) => id === resolve(import.meta.dirname, m)),
              includeDependenciesRecursively: false,
            },
            {
              name: 'first-paint',
              test: (id) =>
                id.endsWith('vite/preload-helper.js') ||
                FIRST_PAINT_SHARED.some((m) => id === resolve(import.meta.dirname, m)),
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
});
