import type { JetStreamManager } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { chainStreamConfigs, ensureChainStreams } from './streams.ts';

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** Stream management whose add times out `timeouts` times, the stream made by the first of them. */
function cluster(timeouts: number, fail?: Error) {
  const made = new Set<string>();
  const calls: string[] = [];
  let left = timeouts;
  const jsm = {
    streams: {
      info: (name: string) => {
        calls.push(`info ${name}`);
        return made.has(name) ? Promise.resolve({}) : Promise.reject(new Error('not found'));
      },
      update: (name: string) => {
        calls.push(`update ${name}`);
        return Promise.resolve({});
      },
      add: (cfg: { name: string }) => {
        calls.push(`add ${cfg.name}`);
        if (fail) return Promise.reject(fail);
        made.add(cfg.name);
        return left-- > 0 ? Promise.reject(new TimeoutError('timeout')) : Promise.resolve({});
      },
    },
  } as unknown as JetStreamManager;
  return { jsm, made, calls };
}

describe("the chain's streams at start", () => {
  const names = chainStreamConfigs().map((c) => c.name);

  it('are asked about again after a timeout, and the one made meanwhile is brought up to date', async () => {
    const c = cluster(1);
    await ensureChainStreams(c.jsm);
    expect([...c.made]).toEqual(names);
    expect(c.calls).toEqual([
      `info ${names[0]}`,
      `add ${names[0]}`,
      `info ${names[0]}`,
      `update ${names[0]}`,
      `info ${names[1]}`,
      `add ${names[1]}`,
    ]);
  });

  it('stop at the third timeout in a row, and at once on any other error', async () => {
    const down = failingAdds();
    await expect(ensureChainStreams(down.jsm)).rejects.toThrow(
      /did not answer for stream \S+ in 3 tries \(timeout\)/,
    );
    expect(down.adds()).toBe(3);
    const refused = cluster(0, new Error('insufficient resources'));
    await expect(ensureChainStreams(refused.jsm)).rejects.toThrow('insufficient resources');
    expect(refused.calls.filter((c) => c.startsWith('add'))).toHaveLength(1);
  });
});

/** A cluster whose every add times out, without making the stream. */
function failingAdds(): { jsm: JetStreamManager; adds: () => number } {
  let adds = 0;
  const jsm = {
    streams: {
      info: () => Promise.reject(new Error('not found')),
      add: () => {
        adds++;
        return Promise.reject(new TimeoutError('timeout'));
      },
    },
  } as unknown as JetStreamManager;
  return { jsm, adds: () => adds };
}
