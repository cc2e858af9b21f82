/**
 * One chain service instance (`nextup chain serve`): connects to the cluster, makes sure the
 * streams, the rollup bucket and the shared consumer exist, takes its share of the rollup work,
 * follows the rollups and live figures, and serves /chain, its API and each store's reports
 * API over HTTP. It keeps nothing of its own: any instance may die, and a new one starts from
 * the cluster alone.
 */
import { createServer } from 'node:http';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { ensureChainStreams } from '../streams.ts';
import { createHttpApp } from '../../hub/http-app.ts';
import { sendJson } from '../../hub/json-response.ts';
import { closeServer, listen, trackSockets } from '../../hub/listen.ts';
import type { Logger } from '../../hub/log.ts';
import { chainApiRoute } from './chain-api.ts';
import { chainData } from './chain-data.ts';
import { jetStreamDayReader } from './day-reader.ts';
import { startLiveView } from './live-view.ts';
import { openRollupBucket, RollupIndex, rollupBucket, watchRollups } from './rollup-bucket.ts';
import { startRollupWorker } from './rollup-worker.ts';
import type { StoreList } from './store-list.ts';
import { storeReportsRoute } from './store-reports-api.ts';

export interface ChainServiceOptions {
  readonly nc: NatsConnection;
  readonly stores: StoreList;
  readonly port: number;
  readonly host?: string;
  readonly distDir: string;
  readonly log: Logger;
  /** Replicas of the streams and the bucket: 3 on a chain's cluster (tests of one node: 1). */
  readonly replicas?: number;
  readonly debounceMs?: number;
  readonly ackWaitMs?: number;
  readonly now?: () => number;
}

export interface ChainService {
  readonly port: number;
  /** Store-day rollups this instance wrote. */
  rebuilds(): number;
  close(): Promise<void>;
}

export async function startChainService(opts: ChainServiceOptions): Promise<ChainService> {
  const { nc, log } = opts;
  const now = opts.now ?? Date.now;
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  await ensureChainStreams(jsm, opts.replicas);
  const kv = await openRollupBucket(nc, opts.replicas);
  const index = new RollupIndex();
  const watch = await watchRollups(kv, index, log);
  const live = startLiveView(js, log);
  const reader = jetStreamDayReader(js, jsm);
  const worker = await startRollupWorker({
    js,
    jsm,
    reader,
    bucket: rollupBucket(kv),
    timeZoneOf: (store) => opts.stores.info(store).timeZone,
    log,
    ...(opts.debounceMs !== undefined ? { debounceMs: opts.debounceMs } : {}),
    ...(opts.ackWaitMs !== undefined ? { ackWaitMs: opts.ackWaitMs } : {}),
    now,
  });
  await watch.initial;

  const data = chainData(index, live, opts.stores, now);
  const chainApi = chainApiRoute(data, now);
  const storeReports = storeReportsRoute(data, reader);
  const app = createHttpApp({
    distDir: opts.distDir,
    log,
    apiConfig: () => {
      throw new Error('the chain service has no store configuration');
    },
    health: () => ({ ok: true, store: '', uptimeSec: 0 }),
    routes: async (req, res, urlPath) => {
      if (chainApi(req, res, urlPath)) return true;
      if (await storeReports(req, res, urlPath)) return true;
      if (urlPath === '/api/health') {
        sendJson(res, 200, { ok: true, rebuilds: worker.rebuilds(), stores: data.stores().length });
        return true;
      }
      if (urlPath === '/api' || urlPath.startsWith('/api/')) {
        sendJson(res, 404, { error: `no API at ${urlPath}` });
        return true;
      }
      return false;
    },
  });
  const server = createServer(app.handle);
  const sockets = trackSockets(server);
  const port = await listen(server, opts.host ?? '127.0.0.1', opts.port, 'the chain service');
  log.info('chain', `serving /chain on http://${opts.host ?? '127.0.0.1'}:${port}/chain`);
  return {
    port,
    rebuilds: () => worker.rebuilds(),
    async close() {
      await closeServer(server, sockets.destroyAll);
      await worker.stop();
      await live.stop();
      await watch.stop();
    },
  };
}
