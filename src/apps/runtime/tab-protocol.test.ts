import { describe, expect, it } from 'vitest';
import { emptyState } from '../../domain/queue/state.ts';
import {
  estimateKey,
  estimatesDue,
  ESTIMATE_REFRESH_MS,
  judgeCommand,
  MAX_ATTEMPTS,
  parseEstimateKey,
  runAsFollower,
  serialQueue,
  TabSyncError,
  type CommandReply,
  type Mirror,
} from './tab-protocol.ts';

const body = (n: number) =>
  ({ type: 'ticket.issued', ticket: `t${n}`, service: 'advice', number: `A${n}`, n }) as const;

describe('the leader’s version check', () => {
  it('commits only what was decided on this leader’s current version', () => {
    expect(judgeCommand('L', 7, { leader: 'L', version: 7 })).toBe('commit');
    expect(judgeCommand('L', 8, { leader: 'L', version: 7 })).toBe('stale');
    // versions are counted per leader: the same number from an earlier leader means nothing
    expect(judgeCommand('M', 7, { leader: 'L', version: 7 })).toBe('stale');
  });
});

describe('a follower’s change', () => {
  it('is decided again on the newer mirror while the leader says stale', async () => {
    let mirror: Mirror = { leader: 'L', version: 1, state: emptyState(), at: 0 };
    const seen: number[] = [];
    const outcome = await runAsFollower(
      (_s, at) => ({ ok: true, event: body(at) }),
      () => mirror,
      (_leader, version, b): Promise<CommandReply> => {
        seen.push(version);
        if (version < 3) {
          mirror = { ...mirror, version: version + 1, at: version + 1 };
          return Promise.resolve({ kind: 'stale' });
        }
        return Promise.resolve({ kind: 'done', outcome: { ok: true, event: { ...b } as never } });
      },
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(outcome.ok && outcome.event).toMatchObject({ n: 3 });
  });

  it('is refused on the mirror without asking the leader', async () => {
    let sent = 0;
    const outcome = await runAsFollower(
      () => ({ ok: false, error: 'queueEmpty' }),
      () => ({ leader: 'L', version: 1, state: emptyState(), at: 0 }),
      () => {
        sent++;
        return Promise.resolve({ kind: 'stale' });
      },
    );
    expect(outcome).toEqual({ ok: false, error: 'queueEmpty' });
    expect(sent).toBe(0);
  });

  it('gives up with a clear error when other changes keep landing first', async () => {
    let sent = 0;
    const attempt = runAsFollower(
      () => ({ ok: true, event: body(1) }),
      () => ({ leader: 'L', version: sent, state: emptyState(), at: 0 }),
      () => {
        sent++;
        return Promise.resolve({ kind: 'stale' });
      },
    );
    await expect(attempt).rejects.toBeInstanceOf(TabSyncError);
    expect(sent).toBe(MAX_ATTEMPTS);
  });
});

describe('estimates in a follower', () => {
  it('round-trips a key with and without a ticket', () => {
    expect(parseEstimateKey(estimateKey('advice'))).toEqual({ serviceId: 'advice' });
    expect(parseEstimateKey(estimateKey('a|b', 't1'))).toEqual({
      serviceId: 'a|b',
      ticketId: 't1',
    });
  });

  it('are asked again after a change or once they are old', () => {
    expect(estimatesDue(undefined, 1, 0)).toBe(true);
    expect(estimatesDue({ version: 1, at: 0 }, 1, ESTIMATE_REFRESH_MS - 1)).toBe(false);
    expect(estimatesDue({ version: 1, at: 0 }, 2, 1)).toBe(true);
    expect(estimatesDue({ version: 1, at: 0 }, 1, ESTIMATE_REFRESH_MS)).toBe(true);
  });
});

describe('the serial queue', () => {
  it('starts a task only after the one before it settled, failed or not', async () => {
    const serial = serialQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 0));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
      };
    const a = serial(task('a', true));
    const b = serial(task('b'));
    await expect(a).rejects.toThrow('a');
    await b;
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
