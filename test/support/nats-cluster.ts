// A real 3-node NATS JetStream cluster on loopback (Debian nats-server), each node with its own
// ports and store folder, written by the product's own node configuration (src/chain).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  nodeConfig,
  type ClusterNode,
  type NodeConfigOptions,
} from '../../src/chain/cluster-config.ts';
import { freePort } from './ports.ts';

export const NATS_SERVER = '/usr/sbin/nats-server';

export interface NatsCluster {
  readonly nodes: readonly ClusterNode[];
  /** Client URLs of every node, as a store's `--chain` lists them. */
  readonly servers: readonly string[];
  /** MQTT gateway URL of node i. */
  mqttUrl(i: number): string;
  /** SIGKILL node i, as a crashed machine: whatever it held in memory is gone. */
  kill9(i: number): Promise<void>;
  /** Start node i again on the same ports and store folder. */
  restart(i: number): Promise<void>;
  /** Wait until node i answers /healthz with JetStream ready (a metadata leader is known). */
  ready(i: number): Promise<void>;
  /** SIGHUP every node: each rereads its configuration (e.g. the chain's users). */
  reload(): void;
  /** Process id of node i (benchmarks read its memory). */
  pid(i: number): number;
  stop(): Promise<void>;
  readonly dir: string;
}

async function healthy(node: ClusterNode): Promise<boolean> {
  try {
    const res = await fetch(`http://${node.host}:${node.monitorPort}/healthz`);
    return res.ok;
  } catch {
    return false;
  }
}

interface ClusterOptions {
  size?: number;
  /** Options of each node; its `authFile` relative to `dir` (the nodes' configuration folder). */
  config?: (node: ClusterNode, dir: string) => NodeConfigOptions | Promise<NodeConfigOptions>;
}

/**
 * Start 3 (or `size`) nodes and wait until JetStream answers on every one. A free port can be
 * taken by another test between choosing it and the node binding it: a node that says so
 * ("address already in use") is started again, on new ports, up to three times in all.
 */
export async function startNatsCluster(opts: ClusterOptions = {}): Promise<NatsCluster> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(opts);
    } catch (err) {
      if (attempt >= 3 || !String((err as Error).message).includes('address already in use')) {
        throw err;
      }
    }
  }
}

async function startOnce(opts: ClusterOptions): Promise<NatsCluster> {
  const size = opts.size ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'nextup-nats-'));
  const nodes: ClusterNode[] = [];
  for (let i = 0; i < size; i++) {
    const storeDir = join(dir, `n${i + 1}`);
    mkdirSync(storeDir);
    nodes.push({
      name: `n${i + 1}`,
      host: '127.0.0.1',
      clientPort: await freePort(),
      clusterPort: await freePort(),
      monitorPort: await freePort(),
      mqttPort: await freePort(),
      storeDir,
    });
  }
  const procs: (ChildProcess | undefined)[] = [];
  const logs: string[] = nodes.map(() => '');
  const confs: string[] = [];
  for (const n of nodes) {
    const file = join(dir, `${n.name}.conf`);
    writeFileSync(file, nodeConfig(n, nodes, (await opts.config?.(n, dir)) ?? {}));
    confs.push(file);
  }
  const at = <T>(list: readonly T[], i: number): T => {
    const v = list[i];
    if (v === undefined) throw new Error(`no node ${i + 1} in a cluster of ${size}`);
    return v;
  };
  const launch = (i: number): void => {
    const p = spawn(NATS_SERVER, ['-c', at(confs, i)], { stdio: ['ignore', 'ignore', 'pipe'] });
    p.stderr?.on('data', (d: Buffer) => (logs[i] = (logs[i] + d.toString()).slice(-4000)));
    procs[i] = p;
  };
  const ready = async (i: number): Promise<void> => {
    // bounded by the event (the node says it is healthy), with a limit that names the node
    for (let tries = 0; tries < 600; tries++) {
      const p = procs[i];
      if (p && (p.exitCode !== null || p.signalCode !== null))
        throw new Error(`nats-server ${at(nodes, i).name} exited: ${logs[i]}`);
      if (await healthy(at(nodes, i))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nats-server ${at(nodes, i).name} not ready after 60 s: ${logs[i]}`);
  };
  const stopOne = (i: number, sig: NodeJS.Signals): Promise<void> =>
    new Promise((resolve) => {
      const p = procs[i];
      if (!p || p.exitCode !== null || p.signalCode !== null) return resolve();
      p.once('exit', () => resolve());
      p.kill(sig);
    });
  nodes.forEach((_, i) => launch(i));
  try {
    for (let i = 0; i < size; i++) await ready(i);
  } catch (err) {
    await Promise.all(nodes.map((_, i) => stopOne(i, 'SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    nodes,
    dir,
    servers: nodes.map((n) => `nats://${n.host}:${n.clientPort}`),
    mqttUrl: (i) => `mqtt://${at(nodes, i).host}:${at(nodes, i).mqttPort}`,
    kill9: (i) => stopOne(i, 'SIGKILL'),
    restart: async (i) => {
      await stopOne(i, 'SIGKILL');
      launch(i);
      await ready(i);
    },
    ready,
    pid: (i) => procs[i]?.pid ?? 0,
    reload: () => procs.forEach((p) => p?.kill('SIGHUP')),
    stop: async () => {
      await Promise.all(nodes.map((_, i) => stopOne(i, 'SIGTERM')));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
