import { fork } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startHub } from '../src/hub/hub.ts';
import { BROKEN_LAST_LINE, portableLogChunks } from '../src/hub/import-testing.ts';
import { formatLogLine } from '../src/hub/log.ts';
import { mergeResults } from './results.ts';

/**
 * A portable-log import through the real hub (HTTP, embedded broker, agent) in a child
 * process of its own (issue 15: a 100 MB log held the event loop 20 s and reached 2 GB):
 * a valid log of --mb MB, then the same broken on its last line, each into a fresh hub.
 * Measured: the import's wall time (upload to answer), the hub's peak RSS (VmHWM, Linux),
 * /api/health polled one request after another during the import (max and p99 latency), and
 * whether the agent lost its broker.
 *
 *   node --import tsx bench/import.ts [--mb 100]      (also `npm run bench -- --only import`)
 */
export interface ImportRun {
  readonly status: number;
  readonly wallMs: number;
  readonly peakRssMiB: number;
  readonly baselineRssMiB: number;
  readonly healthAnswers: number;
  readonly healthMaxMs: number;
  readonly healthP99Ms: number;
  readonly agentLostBroker: number;
  readonly answer: string;
}

export interface ImportFigures {
  readonly mb: number;
  /** The machine's 1-minute load average at the end (a shared machine slows every figure). */
  readonly loadAverage: number;
  readonly valid: ImportRun;
  readonly brokenLastLine: ImportRun;
}

type FromHub = { type: 'ready'; httpUrl: string; auth: string } | { type: 'log'; line: string };

async function serve(): Promise<void> {
  const dataDir = process.argv[process.argv.indexOf('--serve') + 1]!;
  const send = (m: FromHub) => void process.send?.(m);
  const say = (level: 'INFO' | 'WARN' | 'ERROR') => (component: string, msg: string) =>
    send({ type: 'log', line: formatLogLine(new Date(), level, component, msg) });
  const hub = await startHub({
    port: 0,
    mqttPort: 0,
    httpPort: 0,
    dataDir,
    log: { info: say('INFO'), warn: say('WARN'), error: say('ERROR') },
  });
  const m = hub.registry.enroll({ role: 'manager', trusted: true });
  const auth = `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`;
  send({ type: 'ready', httpUrl: hub.httpUrl, auth });
  process.on('message', (msg) => {
    if (msg === 'close') void hub.close().then(() => process.exit(0));
  });
}

/** VmRSS and VmHWM (the peak) of a process, in MiB (Linux). */
function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

function post(url: string, auth: string, file: string, length: number) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { Authorization: auth, 'Content-Length': length } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

async function oneImport(file: string, length: number, log: (l: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'nextup-bench-import-'));
  const child = fork(fileURLToPath(import.meta.url), ['--serve', dataDir], {
    execArgv: ['--import', 'tsx'],
  });
  let lost = 0;
  try {
    // the import starts once the hub answers and its agent has loaded its (empty) history
    const ready = await new Promise<Extract<FromHub, { type: 'ready' }>>((resolve) => {
      let hub: Extract<FromHub, { type: 'ready' }> | undefined;
      let loaded = false;
      child.on('message', (m: FromHub) => {
        if (m.type === 'ready') hub = m;
        else {
          if (/agent\s+history loaded/.test(m.line)) loaded = true;
          if (/agent\s+lost the broker/.test(m.line)) lost++;
          if (/import|WARN|ERROR/.test(m.line)) log(`    hub: ${m.line}`);
        }
        if (hub && loaded) resolve(hub);
      });
    });
    const baseline = rssOf(child.pid!).rss;
    const started = performance.now();
    let done = false;
    const answer = post(`${ready.httpUrl}/api/reports/import`, ready.auth, file, length).finally(
      () => (done = true),
    );
    const latencies: number[] = [];
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${ready.httpUrl}/api/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
    }
    const { status, text } = await answer;
    const wallMs = Math.round(performance.now() - started);
    const peak = rssOf(child.pid!).peak;
    latencies.sort((a, b) => a - b);
    const run: ImportRun = {
      status,
      wallMs,
      peakRssMiB: peak,
      baselineRssMiB: baseline,
      healthAnswers: latencies.length,
      healthMaxMs: Math.round(latencies.at(-1) ?? 0),
      healthP99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
      agentLostBroker: lost,
      answer: text.slice(0, 160),
    };
    return run;
  } finally {
    child.send('close');
    await once(child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function writeLog(path: string, bytes: number, broken: boolean): Promise<number> {
  const out = createWriteStream(path);
  let size = 0;
  for (const chunk of portableLogChunks(bytes)) {
    size += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  if (broken) {
    out.write(BROKEN_LAST_LINE);
    size += BROKEN_LAST_LINE.length;
  }
  out.end();
  await once(out, 'finish');
  return size;
}

export async function measureImport(
  opts: { mb?: number; log?: (line: string) => void } = {},
): Promise<ImportFigures> {
  const mb = opts.mb ?? 100;
  const log = opts.log ?? ((l: string) => console.log(l));
  const dir = mkdtempSync(join(tmpdir(), 'nextup-bench-log-'));
  try {
    const runs: ImportRun[] = [];
    for (const broken of [false, true]) {
      const file = join(dir, broken ? 'broken.jsonl' : 'valid.jsonl');
      const size = await writeLog(file, mb * 1e6, broken);
      log(`  importing ${(size / 1e6).toFixed(1)} MB${broken ? ', broken on its last line' : ''}`);
      const run = await oneImport(file, size, log);
      log(
        `  -> ${run.status} in ${(run.wallMs / 1000).toFixed(1)} s; hub RSS ${run.baselineRssMiB} MiB before, peak ${run.peakRssMiB} MiB; ` +
          `/api/health ${run.healthAnswers} answers, max ${run.healthMaxMs} ms, p99 ${run.healthP99Ms} ms; agent lost its broker ${run.agentLostBroker} times`,
      );
      runs.push(run);
    }
    const loadAverage = Math.round(loadavg()[0]! * 10) / 10;
    return { mb, loadAverage, valid: runs[0]!, brokenLastLine: runs[1]! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve')) {
  await serve();
} else if (process.argv[1]?.endsWith('import.ts')) {
  const i = process.argv.indexOf('--mb');
  const figures = await measureImport({ mb: i >= 0 ? Number(process.argv[i + 1]) : 100 });
  mergeResults({ importStream: { at: new Date().toISOString(), ...figures } });
  console.log('written to bench/results.json (importStream)');
  process.exit(0);
}
