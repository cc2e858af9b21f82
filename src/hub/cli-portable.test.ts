import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { wallOf } from '../domain/clock/hlc.ts';
import { simulate } from '../domain/portable/engine.ts';
import { portableLog } from '../domain/portable/from-store.ts';
import { parseLog } from '../domain/portable/parse.ts';
import { formatReplayLine, replay } from '../domain/portable/replay.ts';
import { serializeLog } from '../domain/portable/serialize.ts';
import type { StoreEvent } from '../domain/queue/events.ts';
import { ev } from '../domain/testing/store.ts';
import { WaitEstimator } from '../domain/wait/estimator.ts';
import { mmsStore, randomStore } from '../domain/wait/testing.ts';
import { main } from './cli.ts';
import { EventFileStore } from './event-file-store.ts';
import { portableLogChunks } from './import-testing.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * A spawned command is killed after this long. Each test waits for its process to end (an
 * event), not for a guessed duration; this only stops a hung process. Starting Node with tsx
 * takes about a second on an idle machine and several on a busy one, hence the wide margin.
 */
const PROCESS_LIMIT_MS = 60_000;
/** Timeout of a test that runs one spawned command after another: the kill, then the checks. */
const SPAWN_TEST_MS = 2 * PROCESS_LIMIT_MS + 10_000;

/**
 * `npx nextup ...` as a person runs it: a separate Node process through the launcher, its
 * stdout a pipe (or the file `stdoutFd`), its stderr a pipe.
 */
function nextup(
  args: string[],
  stdoutFd?: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['src/hub/bin.mjs', ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
      env: { ...process.env, NEXTUP_CONFIG: '', NEXTUP_DATA: '' },
    });
    let stdout = '';
    let stderr = '';
    p.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), PROCESS_LIMIT_MS);
    p.on('error', reject);
    // 'close', not 'exit': the pipes are read to their end
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The same command in this process (quicker; for the many error cases). */
async function inProcess(args: string[], opts: { stderrIsTerminal?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    env: {},
    ...opts,
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'nextup-cli-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

/** A small simulated store (3 services, counters coming and going, leavers, transfers). */
const logText = (() => {
  const { customers, shifts } = randomStore(11, 160);
  return serializeLog(simulate(customers, shifts).events);
})();
const logLines = logText.trim().split('\n');

describe('nextup replay', () => {
  let log: string;
  let full: Record<string, unknown>[];
  beforeAll(async () => {
    log = file('store.jsonl', logText);
    const r = await nextup(['replay', log]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    full = jsonLines(r.stdout);
  }, SPAWN_TEST_MS);

  it('writes one prediction per issued ticket, then the summary', () => {
    const { events } = parseLog(logText);
    const issued = events.filter((e) => e.type === 'ticket.issued');
    expect(full).toHaveLength(issued.length + 1);
    const firstCall = new Map<string, number>();
    for (const e of events) {
      if (e.type === 'ticket.called' && !firstCall.has(e.ticket)) firstCall.set(e.ticket, e.at);
    }
    issued.forEach((e, i) => {
      const line = full[i]!;
      expect(Object.keys(line)).toEqual([
        'ticket',
        'predictedSec',
        'lowSec',
        'highSec',
        'actualSec',
      ]);
      expect(line['ticket']).toBe(e.ticket);
      const { predictedSec, lowSec, highSec } = line as Record<string, number>;
      expect(predictedSec).toBeGreaterThanOrEqual(0);
      expect(lowSec).toBeGreaterThanOrEqual(0);
      expect(highSec).toBeGreaterThanOrEqual(lowSec!);
      const call = firstCall.get(e.ticket);
      expect(line['actualSec']).toBe(call === undefined ? null : (call - e.at) / 1000);
    });
    const summary = full[full.length - 1]!['summary'] as Record<string, number>;
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining(['n', 'maeSec', 'rmseSec', 'rase', 'coverage80']),
    );
    expect(summary['n']).toBe(issued.filter((e) => firstCall.has(e.ticket)).length);
    // the CLI is the library: the same lines as replaying in process
    const inProcess = replay(logLines, new WaitEstimator()).results.map(formatReplayLine);
    expect(full.slice(0, -1).map((l) => JSON.stringify(l))).toEqual(inProcess);
  });

  it('never looks ahead: a prediction is the same when the log ends right after its issue', async () => {
    const issuedAt = logLines.flatMap((l, i) => (l.includes('"ticket.issued"') ? [i] : []));
    const cuts = [5, 60, 140];
    // in this process: the launcher is tested above, here only the predictions matter
    const runs = [];
    for (const k of cuts) {
      const cut = file(`cut-${k}.jsonl`, logLines.slice(0, issuedAt[k]! + 1).join('\n'));
      runs.push(await inProcess(['replay', cut]));
    }
    runs.forEach((r, c) => {
      expect(r.code).toBe(0);
      const lines = jsonLines(r.stdout).slice(0, -1);
      expect(lines).toHaveLength(cuts[c]! + 1);
      lines.forEach((l, i) => {
        const { ticket, predictedSec, lowSec, highSec } = full[i]!;
        expect(l).toMatchObject({ ticket, predictedSec, lowSec, highSec });
      });
    });
  });

  it('uses the store configuration when given, and writes --out', async () => {
    const out = join(dir, 'replay-out.jsonl');
    const r = await inProcess(['replay', log, '--config', 'kiosk-config', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(jsonLines(readFileSync(out, 'utf8'))).toHaveLength(full.length);
  });

  it(
    'names the file and line of bad input, without a stack trace',
    async () => {
      const head = logLines.slice(0, 4);
      const cases: [string, string, RegExp][] = [
        ['missing', join(dir, 'nope.jsonl'), /cannot read .*nope\.jsonl: no such file/],
        ['a directory', dir, /is a directory/],
        [
          'malformed',
          file('malformed.jsonl', [...head, '{"at":"2025-01-06T12:00:00Z","type":'].join('\n')),
          /malformed\.jsonl: line 5: malformed JSON/,
        ],
        [
          'out of order',
          file(
            'backwards.jsonl',
            [...head, '{"at":"2000-01-01T00:00:00Z","type":"counter.closed","counter":"c1"}'].join(
              '\n',
            ),
          ),
          /backwards\.jsonl: line 5: time goes backwards/,
        ],
        [
          'a bad field',
          file(
            'field.jsonl',
            [...head, '{"at":"2030-01-01T00:00:00Z","type":"ticket.issued","ticket":7}'].join('\n'),
          ),
          /field\.jsonl: line 5: "ticket" must be a non-empty string/,
        ],
      ];
      // one through the launcher (no stack trace from the real process), the rest in process
      const runs = await Promise.all(
        cases.map(([name, path]) => (name === 'malformed' ? nextup : inProcess)(['replay', path])),
      );
      for (const [i, [, , message]] of cases.entries()) {
        const r = runs[i]!;
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        noStackTrace(r.stderr);
      }
    },
    SPAWN_TEST_MS,
  );

  it('skips what is safe to skip with a warning naming the line', async () => {
    const lines = [
      ...logLines.slice(0, 4),
      '{"at":"2030-01-01T00:00:00Z","type":"ticket.called","ticket":"ghost","counter":"c1"}',
      '{"at":"2030-01-01T00:00:01Z","type":"coffee.break","counter":"c1"}',
    ];
    const r = await inProcess(['replay', file('warn.jsonl', lines.join('\n'))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warn\.jsonl: line 5: ticket\.called for unknown ticket "ghost"/);
    expect(r.stderr).toMatch(/warn\.jsonl: line 6: unknown type "coffee\.break"/);
    expect(jsonLines(r.stdout).at(-1)).toHaveProperty('summary');
  });

  it('refuses a wrong command line with exit code 2 and the usage', async () => {
    const runs = await Promise.all(
      [['replay'], ['replay', 'a', 'b'], ['replay', log, '--speed', '2']].map((args) =>
        inProcess(args),
      ),
    );
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Usage:/);
    }
  });
});

describe('nextup replay of a long log', () => {
  let path: string;
  let issued: number;
  beforeAll(() => {
    // 12,000 customers: a 3 MB log, 12,001 lines of output, far more than a pipe holds at once
    const big = mmsStore(5, 12_000, 3, 0.85);
    const bigLog = serializeLog(simulate(big.customers, big.shifts).events);
    issued = parseLog(bigLog).events.filter((e) => e.type === 'ticket.issued').length;
    path = file('big.jsonl', bigLog);
  }, 60_000);
  const lineCount = (text: string) => text.split('\n').filter(Boolean).length;

  it(
    'writes every line into a pipe and into a file before it exits',
    async () => {
      expect(issued).toBeGreaterThan(10_000);
      const piped = await nextup(['replay', path]);
      expect(piped.code).toBe(0);
      expect(lineCount(piped.stdout)).toBe(issued + 1);
      expect(jsonLines(piped.stdout).at(-1)).toHaveProperty('summary');
      // stderr is a pipe too: no progress lines for a script to wade through
      expect(piped.stderr).toBe('');

      const into = join(dir, 'big-stdout.jsonl');
      const fd = openSync(into, 'w');
      try {
        const filed = await nextup(['replay', path], fd);
        expect(filed.code).toBe(0);
      } finally {
        closeSync(fd);
      }
      expect(readFileSync(into, 'utf8')).toBe(piped.stdout);
    },
    SPAWN_TEST_MS,
  );

  it('reports progress on stderr when it is a terminal', async () => {
    const out = join(dir, 'big-out.jsonl');
    const r = await inProcess(['replay', path, '--out', out], { stderrIsTerminal: true });
    expect(r.code).toBe(0);
    const steps = [...r.stderr.matchAll(/replay .*big\.jsonl: (\d+)%/g)].map((m) => Number(m[1]));
    expect(steps).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(lineCount(readFileSync(out, 'utf8'))).toBe(issued + 1);
  }, 60_000);
});

describe('nextup whatif', () => {
  // One counter, busy: 200 customers in three hours, three minutes each.
  const busy = (() => {
    const s = mmsStore(9, 200, 1, 1.05);
    return serializeLog(simulate(s.customers, s.shifts).events);
  })();

  it(
    'compares waits per service and hour under another counter schedule',
    async () => {
      const log = file('busy.jsonl', busy);
      const r = await nextup([
        'whatif',
        log,
        '--counters',
        '+1 A 00:00-23:59',
        '--target-sec',
        '300',
        '--json',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as {
        changes: string[];
        rows: {
          service: string;
          hour: number;
          targetSec: number;
          current: { avgWaitSec: number; p90WaitSec: number; withinTarget: number };
          whatIf: { avgWaitSec: number; p90WaitSec: number; withinTarget: number };
        }[];
      };
      expect(report.changes).toEqual(['+1 counter serving A 00:00-23:59']);
      const day = report.rows.find((row) => row.hour === -1)!;
      expect(day.targetSec).toBe(300);
      expect(day.whatIf.avgWaitSec).toBeLessThan(day.current.avgWaitSec / 2);
      expect(day.whatIf.p90WaitSec).toBeLessThan(day.current.p90WaitSec);
      expect(day.whatIf.withinTarget).toBeGreaterThan(day.current.withinTarget);
      expect(report.rows.filter((row) => row.hour >= 0).length).toBeGreaterThan(1);

      const text = await inProcess([
        'whatif',
        log,
        '--counters',
        file('s.txt', '+1 A 10:00-12:00\n'),
      ]);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/avg wait +p90 wait +within target/);
    },
    SPAWN_TEST_MS,
  );

  it('names the change of a bad schedule', async () => {
    const log = file('busy2.jsonl', busy);
    const r = await inProcess(['whatif', log, '--counters', '+1 A 10:00-11:00; +1 A 14:00-13:00']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--counters: change 2: the window 14:00-13:00 ends before it starts/);
    noStackTrace(r.stderr);
    expect((await inProcess(['whatif', log])).code).toBe(2);
  });
});

describe('nextup export', () => {
  const day = (d: number, h: number, m = 0) => Date.UTC(2025, 2, d, h, m);
  /** Three store days in store-001's history, with a visit event that has no portable form. */
  function history(): StoreEvent[] {
    const out: StoreEvent[] = [];
    let seq = 0;
    for (const d of [10, 11, 12]) {
      const e = (wall: number, body: Parameters<typeof ev>[3]) =>
        out.push(ev('hub-test', ++seq, wall, body, 'store-001'));
      e(day(d, 8), { type: 'counter.opened', counter: 'counter-1', services: ['advice'] });
      e(day(d, 9), {
        type: 'ticket.issued',
        ticket: `t${d}`,
        service: 'advice',
        number: `A00${d}`,
        n: d,
      });
      e(day(d, 9, 5), { type: 'ticket.called', ticket: `t${d}`, counter: 'counter-1' });
      e(day(d, 9, 6), { type: 'alert.raised', alert: `al${d}`, kind: 'manager' });
      e(day(d, 9, 12), { type: 'ticket.completed', ticket: `t${d}`, counter: 'counter-1' });
    }
    return out;
  }
  let data: string;
  let events: StoreEvent[];
  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'nextup-export-'));
    events = history();
    mkdirSync(join(data, 'store-001', 'events'), { recursive: true });
    const store = new EventFileStore(join(data, 'store-001'), 'Europe/Warsaw', {
      info: () => undefined,
      warn: () => undefined,
    });
    await store.appendRemote(events);
    await store.close();
  });

  it(
    'writes the portable log of a day range from the history',
    async () => {
      const r = await nextup([
        'export',
        '--from',
        '2025-03-10',
        '--to',
        '2025-03-11',
        '--data',
        data,
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const expected = serializeLog(portableLog(events.filter((e) => wallOf(e.hlc) < day(12, 0))));
      expect(r.stdout).toBe(expected);
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(8);

      // and what it writes replays
      const out = join(dir, 'export.jsonl');
      const w = await inProcess([
        'export',
        '--from',
        '2025-03-01',
        '--to',
        '2025-03-31',
        '--data',
        data,
        '--out',
        out,
      ]);
      expect(w.code).toBe(0);
      expect(w.stderr).toMatch(/exported 12 events of 3 days/);
      const replayed = await inProcess(['replay', out]);
      expect(replayed.code).toBe(0);
      expect(jsonLines(replayed.stdout).map((l) => l['actualSec'] ?? 'summary')).toEqual([
        300,
        300,
        300,
        'summary',
      ]);
    },
    SPAWN_TEST_MS,
  );

  it(
    'explains a missing history or bad dates',
    async () => {
      const none = await nextup([
        'export',
        '--from',
        '2025-03-10',
        '--to',
        '2025-03-11',
        '--data',
        dir,
      ]);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/no event history for store store-001/);
      noStackTrace(none.stderr);
      const empty = await inProcess([
        'export',
        '--from',
        '2024-01-01',
        '--to',
        '2024-01-02',
        '--data',
        data,
      ]);
      expect(empty.code).toBe(0);
      expect(empty.stderr).toMatch(/no history between 2024-01-01 and 2024-01-02/);
      const bad = [
        ['--from', '2025-02-30', '--to', '2025-03-01'],
        ['--from', '2025-03-02', '--to', '2025-03-01'],
        ['--to', '2025-03-01'],
      ];
      const runs = await Promise.all(
        bad.map((args) => inProcess(['export', ...args, '--data', data])),
      );
      for (const r of runs) expect(r.code).toBe(2);
    },
    SPAWN_TEST_MS,
  );
});

describe('nextup import', () => {
  it('imports a portable log into a fresh data folder, exports it back the same, refuses a second time', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nextup-import-'));
    const log = file('to-import.jsonl', logText);
    const r = await inProcess(['import', log, '--data', data]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/imported \d+ events of \d+ days? .* as device import-/);
    noStackTrace(r.stderr);
    const days = parseLog(logText).events.map((e) => e.at);
    const from = new Date(Math.min(...days) - 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Math.max(...days) + 86_400_000).toISOString().slice(0, 10);
    const out = await inProcess(['export', '--from', from, '--to', to, '--data', data]);
    expect(out.code).toBe(0);
    // same events, same order, same times (display numbers the log had none of are made up)
    const strip = (text: string) => jsonLines(text).map(({ number: _n, ...rest }) => rest);
    expect(strip(out.stdout)).toEqual(strip(logText));

    const again = await inProcess(['import', log, '--data', data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has history for/);
  });

  it('a broken line is named and nothing is imported', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nextup-import-'));
    const broken = [...logLines.slice(0, 4), '{"at": nope', ...logLines.slice(4)].join('\n');
    const r = await inProcess(['import', file('broken.jsonl', broken), '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.jsonl: line 5: .*\(nothing was imported\)/);
    noStackTrace(r.stderr);
  });

  it('streams a large log with progress on a terminal; broken on its last line, nothing is imported', async () => {
    const big = Buffer.concat([...portableLogChunks(3 * 1024 * 1024)]).toString();
    const lines = big.split('\n').length - 1;
    const broken = join(dir, 'big-broken.jsonl');
    writeFileSync(broken, `${big}{"at":"2099-01-01T00:00:00Z","type"`);
    const data = mkdtempSync(join(tmpdir(), 'nextup-import-'));
    const bad = await inProcess(['import', broken, '--data', data], { stderrIsTerminal: true });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`big-broken.jsonl: line ${lines + 1}: malformed JSON`);
    expect(bad.stderr).toContain('(nothing was imported)');
    const events = join(data, 'store-001', 'events');
    expect(existsSync(events) ? readdirSync(events) : []).toEqual([]);

    const ok = await inProcess(['import', file('big.jsonl', big), '--data', data], {
      stderrIsTerminal: true,
    });
    expect(ok.code).toBe(0);
    const checked = [...ok.stderr.matchAll(/import: checked .*\((\d+)%\)/g)].map((m) => m[1]);
    expect(checked.length).toBeGreaterThanOrEqual(8);
    expect(ok.stderr).toMatch(/import: wrote .*\(\d+%\)/);
    expect(ok.stderr).toContain(`imported ${lines} events`);
    // the staging file is gone
    expect(readdirSync(join(data, 'store-001')).filter((n) => n.includes('staging'))).toEqual([]);
  }, 60_000);
});
