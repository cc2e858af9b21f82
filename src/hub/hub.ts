import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { DEFAULT_PERSONAL_DATA_DAYS, localized, type StoreConfig } from '../domain/config/types.ts';
import { dayKey } from '../domain/queue/day.ts';
import { systemClock } from '../sync/ports.ts';
import { startAgent, type AgentOptions } from './agent.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker.ts';
import { configFilePath, loadStoreConfig } from './config-loader.ts';
import { removeStaleStaging } from './import-log.ts';
import { createHttpApp, type ApiConfig } from './http-app.ts';
import { createWelcomeStills } from './welcome-stills.ts';
import { HubStartError, closeServer, listen, withTimeout } from './listen.ts';
import { createConsoleLogger, type Logger } from './log.ts';
import { displayPath, resolveFromRepo } from './paths.ts';
import { phonePageOf, trackedTicket } from '../domain/kiosk/phone-pages.ts';
import { stillKioskOf } from '../domain/kiosk/first-paint.ts';
import type { TicketWaitSource } from '../domain/kiosk/tracking.ts';
import { createTracking, type TrackingSource } from './tracking.ts';
import { webPushFor } from './push/push-routes.ts';
import type { VapidKeys } from './push/web-push-sender.ts';
import { createJoinApi, type JoinSource } from './join-api.ts';
import { createBookApi } from './booking/book-api.ts';
import { startBookingDay, type BookingDay, type BookingReplica } from './booking/booking-day.ts';
import { openBookings } from './booking/open-bookings.ts';
import { createPersonalDataApi, type PersonalHistory } from './personal-data-api.ts';
import { scheduleRetention } from './retention.ts';
import { createReportsApi, type HistorySource } from './reports-api.ts';
import { join } from 'node:path';
import { DeviceRegistry, EnrollmentError } from './device-registry.ts';
import { createDevicesApi, isTrustedMachine } from './devices-api.ts';
import { createManagerAuth } from './manager-auth.ts';
import { createDropCounter } from './drop-counter.ts';
import { keepMosquittoFiles, mosquittoTlsPorts } from './mosquitto-config.ts';
import {
  chooseHubTls,
  isLoopbackHost,
  keepCertificateCurrent,
  lanAddresses,
  namesServed,
  servesStoreNetwork,
  type HubTls,
  type TlsMaterial,
} from './tls/hub-tls.ts';
import { createSetupHandler } from './setup/setup-server.ts';
import type { StoreTls } from './tls/store-authority.ts';
import type { HubNames } from './tls/hub-names.ts';
import { createForeignGuard, foreignRefusal } from './foreign-origin.ts';
import { createDiskHealth, probeFolder } from './disk-health.ts';
import { createSettingsApi } from './settings-api.ts';
import { createStoreSettings } from './store-settings.ts';
import { startWebhooks, type CommittedEvents } from './webhooks/webhooks.ts';
import { createWebhooksApi } from './webhooks/webhooks-api.ts';
import type { ChainLinkView } from '../domain/chain/link-report.ts';
import { createChainLinkApi } from './chain/chain-link-api.ts';
import { loadChainSettings, type ChainOptions } from './chain/chain-settings.ts';

export { isLoopbackHost };

export type { AgentOptions };

/** The part of the store agent the hub uses: a way to stop it, and its live queue. */
export interface AgentHandle {
  close(): Promise<void>;
  /** The agent's replica: ticket tracking (/api/track) reads it and cancels through it. */
  readonly replica?: TrackingSource &
    JoinSource &
    Partial<Pick<CommittedEvents, 'subscribeEvents' | 'vector' | 'events'>>;
  /** The agent's live wait estimates (the tracking page's wait). */
  readonly waits?: { estimate(service: string, ticket?: string): ReturnType<TicketWaitSource> };
  /** The agent's durable history: reports, export and import (/api/reports) read and write it. */
  readonly history?: HistorySource & PersonalHistory;
  /** Closes the counters a revoked device holds open (src/hub/agent.ts). */
  closeCountersOf?(device: string): Promise<readonly string[]>;
  /** The manager's settings changed the config (src/hub/agent.ts). */
  setConfig?(config: StoreConfig, version: string): void;
  /** The store link to the chain (`--chain`), for the manager board. */
  readonly chainLink?: { view(): ChainLinkView };
}

export type AgentFactory = (opts: AgentOptions) => Promise<AgentHandle>;

export interface HubOptions {
  /** Config directory (its store.json) or file. Relative paths are taken from the repo root. */
  readonly configDir?: string;
  /** Where the agent keeps the event history. Default: <repo>/data. */
  readonly dataDir?: string;
  /** The built PWA. Default: <repo>/dist. */
  readonly distDir?: string;
  /** Address for HTTP and MQTT/TCP. Default 127.0.0.1; 0.0.0.0 for the store network. */
  readonly host?: string;
  /** HTTP port; 0 picks a free one. Default 8080. */
  readonly port?: number;
  /** Embedded broker's MQTT/TCP port; 0 picks a free one. Default 1883. */
  readonly mqttPort?: number;
  /** An external broker (e.g. mqtt://127.0.0.1:1883): no embedded broker is started. */
  readonly brokerUrl?: string;
  /** WebSocket URL browsers should use for the broker; overrides config mqtt.browserUrl. */
  readonly brokerWsUrl?: string;
  readonly log?: Logger;
  /**
   * With an external Mosquitto: the folder of its password_file and acl_file, which the hub
   * rewrites whenever a device is enrolled or revoked (Mosquitto rereads them on SIGHUP).
   */
  readonly brokerAclDir?: string;
  /** PEM certificate and key: the hub serves https and wss (and mqtts on the TCP port). */
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  /**
   * Names tablets use for the hub (besides its host name and addresses). With any of them, or
   * a --host other than loopback, the hub serves the store network: HTTPS with the store's
   * own authority, and the setup page on httpPort.
   */
  readonly hostnames?: readonly string[];
  /** Plain-HTTP port of the setup page in store network mode; 0 picks one. Default 8081. */
  readonly httpPort?: number;
  /** Store network mode without TLS (behind a TLS proxy): tablets then cannot start offline. */
  readonly plainHttp?: boolean;
  /** Starts the store agent; tests pass a fake. Default: startAgent from ./agent.ts. */
  readonly agent?: AgentFactory;
  /** Checks the data folder takes writes (default: writes a small file); tests make it fail. */
  readonly diskProbe?: () => Promise<void>;
  /** The chain's cluster and this store's credentials (`--chain`, `--chain-creds`). */
  readonly chain?: ChainOptions;
  /** VAPID keys (`--web-push`): the tracking page's alerts also arrive as Web Push. */
  readonly webPush?: VapidKeys;
}

export interface Hub {
  readonly httpUrl: string;
  /** mqtt://host:port of the embedded broker, or the external broker URL. */
  readonly mqttUrl: string;
  /** ws://host:port/mqtt of the embedded broker, or the external one's WebSocket URL ('' if unknown). */
  readonly wsUrl: string;
  /** The config as it is now (the manager's settings change it while the hub runs). */
  readonly config: StoreConfig;
  /** Enrolled devices and pairing codes. */
  readonly registry: DeviceRegistry;
  /** The plain-HTTP setup page (store network mode with the store authority), else ''. */
  readonly setupUrl: string;
  /** Stops the agent, then the broker, then the servers. Safe to call twice. */
  close(): Promise<void>;
}

export const SURFACES = ['/kiosk', '/clerk', '/board', '/manager', '/floor'] as const;

const AGENT_CLOSE_TIMEOUT_MS = 5000;

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** Host as it goes into a URL that works from this machine. */
function urlHost(host: string): string {
  const h = isWildcard(host) ? '127.0.0.1' : host;
  return h.includes(':') ? `[${h}]` : h;
}

export async function startHub(opts: HubOptions = {}): Promise<Hub> {
  const log = opts.log ?? createConsoleLogger();
  const host = opts.host ?? '127.0.0.1';
  const startedAt = Date.now();
  const distDir = resolveFromRepo(opts.distDir ?? 'dist');
  const dataDir = resolveFromRepo(opts.dataDir ?? 'data');

  const configFile = await configFilePath(resolveFromRepo(opts.configDir ?? 'kiosk-config'));
  // `config` is the config the hub started with: what cannot change while it runs (store id,
  // MQTT, time zone) is read from it; the rest from `settings`, which the manager may change
  const config = await loadStoreConfig(configFile);
  const settings = createStoreSettings(configFile, config);
  const { id, name, defaultLanguage } = config.store;
  log.info('hub', `store ${id} (${localized(name, defaultLanguage, defaultLanguage)})`);

  try {
    await mkdir(dataDir, { recursive: true });
  } catch (err) {
    throw new HubStartError(
      `cannot create the data directory ${displayPath(dataDir)}: ${(err as Error).message}`,
    );
  }

  const stale = await removeStaleStaging(join(dataDir, config.store.id));
  if (stale.length > 0) {
    log.warn(
      'import',
      `removed ${stale.length} unfinished import(s) left by a stop: ${stale.join(', ')}`,
    );
  }

  const chain = opts.chain ? await loadChainSettings(opts.chain, config.store.id) : undefined;
  const webhooks = await startWebhooks({ dir: join(dataDir, config.store.id, 'webhooks'), log });
  const disk = createDiskHealth({ log, probe: opts.diskProbe ?? probeFolder(dataDir) });
  let registry: DeviceRegistry;
  try {
    registry = new DeviceRegistry({
      dataDir,
      store: config.store.id,
      onSaveError: (err) => disk.failed('devices', err),
      onSaved: () => disk.succeeded('devices'),
    });
  } catch (err) {
    if (err instanceof EnrollmentError) throw new HubStartError(err.message);
    throw err;
  }
  const agentCredentials = registry.agentCredentials();
  const tlsChoice = {
    host,
    hostnames: opts.hostnames ?? [],
    tlsCert: opts.tlsCert,
    tlsKey: opts.tlsKey,
    plainHttp: opts.plainHttp,
  };
  // devices from the hub's own machine enroll themselves, unless the hub serves the store
  // network: then a proxy or a name mapped to loopback could bring anyone in through it
  const storeNetwork = servesStoreNetwork(tlsChoice);

  const external = opts.brokerUrl !== undefined;
  if (external && storeNetwork && opts.brokerAclDir === undefined) {
    throw new HubStartError(
      `--host ${host} with an external broker needs --broker-acl <dir>: the hub must keep that broker's password_file and acl_file (see npx nextup mosquitto-config), or devices on the network would reach an open broker`,
    );
  }
  const storeName = localized(name, defaultLanguage, defaultLanguage);
  const hubTls: HubTls = await chooseHubTls(tlsChoice, { dataDir, storeName, log });
  let tls: TlsMaterial | undefined = hubTls.kind === 'none' ? undefined : hubTls.material;
  let storeTls: StoreTls | undefined = hubTls.kind === 'store' ? hubTls.store : undefined;
  const mosquitto =
    opts.brokerAclDir !== undefined
      ? await keepMosquittoFiles({
          registry,
          topicPrefix: config.mqtt.topicPrefix,
          dir: resolveFromRepo(opts.brokerAclDir),
          log,
          tls: () => tls,
          tlsPorts: mosquittoTlsPorts(opts.brokerUrl, opts.brokerWsUrl),
        })
      : undefined;
  const drops = createDropCounter(log);
  const browserWsUrl =
    opts.brokerWsUrl ?? (config.mqtt.browserUrl || externalWsUrl(opts.brokerUrl));
  if (external && !browserWsUrl) {
    log.warn(
      'hub',
      'external broker without --broker-ws: browsers will not reach it (they will try this hub /mqtt)',
    );
  }
  // Browsers read one answer: the broker section and the config agree on the URL.
  const apiConfig = (): ApiConfig => {
    const current = settings.current();
    return {
      config: { ...current, mqtt: { ...current.mqtt, browserUrl: browserWsUrl } },
      broker: { wsUrl: browserWsUrl },
      version: settings.version(),
      ...(setupUrl ? { setup: { url: setupUrl } } : {}),
    };
  };

  let agent: AgentHandle | undefined;
  let setupUrl = '';
  // the names this hub answers to, for the Host and Origin allow-list
  const publicHost = urlHostname(config.kiosk.publicUrl);
  const servedNames = (): HubNames => {
    const names = namesServed(
      tlsChoice,
      storeTls?.names ?? (hubTls.kind === 'provided' ? hubTls.names : undefined),
    );
    return publicHost ? { ...names, dns: [...names.dns, publicHost] } : names;
  };
  const refuseForeign = createForeignGuard(servedNames, log);
  const tracking = createTracking({
    config: () => settings.current(),
    log,
    source: () => agent?.replica,
    ...(opts.webPush ? { push: webPushFor(opts.webPush, log) } : {}),
    wait: () => {
      const waits = agent?.waits;
      return waits ? (service, ticket) => waits.estimate(service, ticket) : undefined;
    },
  });
  const joinApi = createJoinApi({
    config: () => settings.current(),
    log,
    source: () => agent?.replica,
    wait: () => {
      const waits = agent?.waits;
      return waits ? (service) => waits.estimate(service) : undefined;
    },
  });
  const bookings = await openBookings(join(dataDir, config.store.id), log);
  let bookingDay: BookingDay | undefined;
  const bookApi = createBookApi({
    config: () => settings.current(),
    log,
    store: bookings,
    source: () => agent?.replica as unknown as BookingReplica | undefined,
    day: () => bookingDay,
  });
  const personalData = createPersonalDataApi({
    log,
    history: () => agent?.history,
    state: () => agent?.replica?.state,
    timeZone: () => settings.current().store.timeZone,
    keepDays: () => settings.current().retention?.personalDataDays ?? DEFAULT_PERSONAL_DATA_DAYS,
  });
  const manager = createManagerAuth({
    authenticate: (u, p) => registry.authenticate(u, p),
    log,
  });
  const reports = createReportsApi({
    config: () => settings.current(),
    log,
    manager,
    storeDir: join(dataDir, config.store.id),
    history: () => agent?.history,
  });
  const devicesApi = createDevicesApi({
    registry,
    log,
    manager,
    trustLoopback: !storeNetwork,
    dropped: () => drops.counts(),
    onRevoked: (device) => void closeCountersOfRevoked(agent, device, log),
  });
  const settingsApi = createSettingsApi({ settings, log, manager });
  const webhooksApi = createWebhooksApi({ webhooks: () => webhooks, log, manager });
  const chainLinkApi = createChainLinkApi({
    view: () => agent?.chainLink?.view() ?? { enabled: false },
    manager,
  });
  const welcomeStills = createWelcomeStills({ distDir, log });
  const app = createHttpApp({
    distDir,
    log,
    phonePageData: (urlPath) =>
      phonePageOf(urlPath) === 'track' ? tracking.view(trackedTicket(urlPath)) : undefined,
    firstPaint: (req, urlPath, query) => {
      const kioskId = stillKioskOf(urlPath, query, isTrustedMachine(!storeNetwork, req));
      if (kioskId === undefined) return undefined;
      const { config: current, version } = apiConfig();
      return welcomeStills.forKiosk(current, version ?? '', kioskId);
    },
    routes: async (req, res, urlPath) =>
      refuseForeign(req, res) ||
      (await devicesApi(req, res, urlPath)) ||
      (await settingsApi(req, res, urlPath)) ||
      (await webhooksApi(req, res, urlPath)) ||
      chainLinkApi(req, res, urlPath) ||
      (await personalData.handle(req, res, urlPath)) ||
      (await tracking.handle(req, res, urlPath)) ||
      (await joinApi(req, res, urlPath)) ||
      (await bookApi(req, res, urlPath)) ||
      (await reports.handle(req, res, urlPath)),
    apiConfig,
    health: () => ({
      ...disk.health(),
      store: config.store.id,
      uptimeSec: Math.floor((Date.now() - startedAt) / 1000),
    }),
  });
  await app.checkBuilt();
  const server: Server | HttpsServer = tls
    ? createHttpsServer(tls, app.handle)
    : createServer(app.handle);
  let broker: EmbeddedBroker | undefined;

  const closeServers = async () => {
    disk.close();
    tracking.close();
    await webhooks.close();
    await registry.flushed();
    await bookings.close();
    await broker?.close();
    if (setupServer) await closeServer(setupServer, () => setupServer?.closeAllConnections());
    await closeServer(server, () => server.closeAllConnections());
  };
  let setupServer: Server | undefined;
  let stopRenewing = (): void => undefined;

  try {
    if (!external) {
      broker = await startEmbeddedBroker({
        host,
        port: opts.mqttPort ?? 1883,
        log,
        ...(tls ? { tls } : {}),
        access: {
          topicPrefix: config.mqtt.topicPrefix,
          authenticate: (u, p) => registry.authenticate(u, p),
          isActive: (id) => registry.get(id)?.revoked === false,
        },
      });
      const b = broker;
      registry.onChange(() => b.dropRevoked());
    }
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      routeUpgrade(req, socket, head, broker, servedNames()),
    );
    const httpPort = await listen(server, host, opts.port ?? 8080, tls ? 'HTTPS' : 'HTTP');
    if (hubTls.kind === 'store') {
      setupServer = createServer(
        createSetupHandler({
          storeId: id,
          storeName,
          defaultLanguage,
          tls: () => storeTls ?? hubTls.store,
          httpsPort: httpPort,
          publicName: hubTls.publicName,
        }),
      );
      const setupPort = await listen(setupServer, host, opts.httpPort ?? 8081, 'the setup page');
      setupUrl = `http://${urlHost(hubTls.publicName)}:${setupPort}/`;
      stopRenewing = keepCertificateCurrent(tlsChoice, { dataDir, storeName, log }, (fresh) => {
        tls = fresh.material;
        storeTls = fresh.store;
        (server as HttpsServer).setSecureContext(fresh.material);
        broker?.setTls(fresh.material);
        void mosquitto?.rewrite();
      });
    }

    const s = tls ? 's' : '';
    const httpUrl = `http${s}://${urlHost(host)}:${httpPort}`;
    const mqttUrl = broker ? `mqtt${s}://${urlHost(host)}:${broker.port}` : (opts.brokerUrl ?? '');
    const wsUrl =
      opts.brokerWsUrl ?? (broker ? `ws${s}://${urlHost(host)}:${httpPort}/mqtt` : browserWsUrl);

    try {
      agent = await (opts.agent ?? startAgent)({
        // the settings may have changed while the servers came up
        config: settings.current(),
        brokerUrl: mqttUrl,
        dataDir,
        log,
        credentials: agentCredentials,
        onDropped: (reason) => drops.record(reason),
        disk,
        configVersion: settings.version(),
        ...(tls ? { tlsCa: tls.ca } : {}),
        ...(chain ? { chain } : {}),
      });
      const running = agent;
      if (running.replica) webhooks.follow(running.replica);
      bookingDay = running.replica
        ? startBookingDay({
            config: () => settings.current(),
            store: bookings,
            // the agent's replica commits with the event's time: bookings decide on it
            replica: running.replica as unknown as BookingReplica,
            clock: systemClock,
            log,
          })
        : undefined;
      settings.onChange((fresh, version) => running.setConfig?.(fresh, version));
    } catch (err) {
      throw new HubStartError(`the store agent could not start: ${(err as Error).message}`, {
        cause: err,
      });
    }

    printUrls(log, host, httpUrl, httpPort, mqttUrl, wsUrl, broker !== undefined);
    const publicOrigin =
      hubTls.kind === 'store' ? `https://${urlHost(hubTls.publicName)}:${httpPort}` : httpUrl;
    if (setupUrl) {
      log.info('hub', `set up each tablet: open ${setupUrl} on it (trust the store authority)`);
      log.info('hub', `tablets open the store at ${publicOrigin}/`);
    }
    // day rollups for reports are built once in the background, so the first report is quick
    const warming = setTimeout(() => {
      reports.warm().catch((err: unknown) => {
        log.warn('reports', `could not prepare the reports: ${(err as Error).message}`);
      });
    }, 1000);
    warming.unref();
    // personal text leaves the history once old enough, checked at start and then daily
    const history = agent?.history;
    const stopRetention = history
      ? scheduleRetention({
          history,
          keepDays: config.retention?.personalDataDays ?? DEFAULT_PERSONAL_DATA_DAYS,
          today: () => dayKey(Date.now(), config.store.timeZone),
          log,
          // a booking's day is its slot's: names go with that day's other personal text
          forgetBookingNames: (cutoff) =>
            bookings.forgetNames((b) => dayKey(b.at, config.store.timeZone) < cutoff),
        })
      : () => undefined;
    log.info('hub', `data in ${displayPath(dataDir)}, app from ${displayPath(distDir)}`);
    if (!registry.hasManager()) {
      // first run: one link, printed here only, enrolls the first manager (like a setup token)
      const { code } = registry.createPairingCode('manager', 24 * 3_600_000);
      log.info('hub', `first manager: open ${publicOrigin}/manager?pair=${code} (one use, 24 h)`);
    }

    let closing: Promise<void> | undefined;
    return {
      httpUrl,
      mqttUrl,
      wsUrl,
      get config() {
        return settings.current();
      },
      registry,
      setupUrl,
      close() {
        closing ??= (async () => {
          clearTimeout(warming);
          stopRetention();
          stopRenewing();
          bookingDay?.close();
          await closeAgent(agent, log);
          await closeServers();
          log.info('hub', 'stopped');
        })();
        return closing;
      },
    };
  } catch (err) {
    await closeServers();
    throw err;
  }
}

/** A revoked tablet's open counters are closed by the agent, in one log line. */
async function closeCountersOfRevoked(
  agent: AgentHandle | undefined,
  device: string,
  log: Logger,
): Promise<void> {
  if (!agent?.closeCountersOf) return;
  try {
    const closed = await agent.closeCountersOf(device);
    if (closed.length > 0) {
      log.info('agent', `closed ${closed.join(', ')}: held open by ${device}, which was revoked`);
    }
  } catch (err) {
    log.warn('agent', `could not close the counters of ${device}: ${(err as Error).message}`);
  }
}

function urlHostname(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function externalWsUrl(brokerUrl: string | undefined): string {
  return brokerUrl && /^wss?:\/\//.test(brokerUrl) ? brokerUrl : '';
}

function routeUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  broker: EmbeddedBroker | undefined,
  names: HubNames,
): void {
  const pathname = new URL(req.url ?? '/', 'http://hub').pathname;
  if (foreignRefusal(req, names, true) !== undefined) {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  if (pathname === '/mqtt' && broker) {
    broker.handleUpgrade(req, socket, head);
    return;
  }
  socket.on('error', () => socket.destroy());
  socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

async function closeAgent(agent: AgentHandle | undefined, log: Logger): Promise<void> {
  if (!agent) return;
  const closing = agent.close().catch((err: unknown) => {
    log.error('agent', `close failed: ${(err as Error).message}`);
  });
  await withTimeout(closing, AGENT_CLOSE_TIMEOUT_MS, () =>
    log.warn('agent', 'did not close in time; stopping anyway'),
  );
}

function printUrls(
  log: Logger,
  host: string,
  httpUrl: string,
  httpPort: number,
  mqttUrl: string,
  wsUrl: string,
  embedded: boolean,
): void {
  for (const surface of SURFACES) {
    log.info('hub', `${surface.slice(1).padEnd(8)} ${httpUrl}${surface}`);
  }
  log.info('hub', `${'MQTT TCP'.padEnd(8)} ${mqttUrl}${embedded ? '' : ' (external)'}`);
  log.info('hub', `${'MQTT WS'.padEnd(8)} ${wsUrl || '(none: set --broker-ws)'}`);
  if (isWildcard(host)) {
    for (const ip of lanAddresses()) {
      log.info('hub', `on the store network: http://${ip}:${httpPort}/`);
    }
  }
}
