import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outboxOf, seqOf, type OutboxState } from './outbox.ts';
import { outboxStep, type OutboxEffect, type OutboxInput } from './outbox-step.ts';
import { ANTI_ENTROPY_MS, IN_FLIGHT_MS, RETRY_FIRST_MS } from './timing.ts';

/** A driver in miniature: performs the step's effects on a lossy wire and a perfect store. */
class Model {
  box: OutboxState = outboxOf([]);
  now = 0;
  next = 1;
  /** What the agent received (seq), and what storage still holds in the outbox. */
  readonly agent = new Set<number>();
  stored: string[] = [];
  retryAt: number | undefined;
  online = true;

  feed(input: OutboxInput): readonly OutboxEffect[] {
    const step = outboxStep(this.box, input);
    this.box = step.state;
    return step.effects;
  }

  perform(effects: readonly OutboxEffect[], deliver: () => boolean): void {
    for (const e of effects) {
      if (e.kind === 'remove') {
        this.stored = this.stored.filter((id) => !e.ids.includes(id));
        this.feed({ kind: 'removed', ids: e.ids });
      } else if (e.kind === 'retryIn') this.retryAt = this.now + e.ms;
      else if (e.kind === 'send') this.send(deliver);
    }
  }

  send(deliver: () => boolean): void {
    for (let guard = 0; guard < 1000 && this.online; guard++) {
      const effects = this.feed({ kind: 'canSend', limit: 3 });
      const publish = effects.find((e) => e.kind === 'publish');
      if (!publish) return this.perform(effects, deliver);
      for (const id of publish.ids) if (deliver()) this.agent.add(seqOf(id));
      this.feed({ kind: 'published', ids: publish.ids, now: this.now });
    }
  }

  /** The agent's vector: the highest seq it holds with every earlier one. */
  agentUpTo(): number {
    let n = 0;
    while (this.agent.has(n + 1)) n++;
    return n;
  }
}

type Action =
  | { kind: 'commit' }
  | { kind: 'vector' }
  | { kind: 'disconnect' }
  | { kind: 'connect' }
  | { kind: 'wait'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'commit' as const }), weight: 3 },
  fc.constant({ kind: 'vector' as const }),
  fc.constant({ kind: 'disconnect' as const }),
  fc.constant({ kind: 'connect' as const }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(20_000) }),
);

describe('the outbox step', () => {
  it('asks to send what is committed, to remove what the agent holds, and to retry the rest', () => {
    let s = outboxStep(outboxOf([]), { kind: 'committed', id: 'k:1' });
    expect(s.effects).toEqual([{ kind: 'send' }]);
    s = outboxStep(s.state, { kind: 'canSend', limit: 10 });
    expect(s.effects).toEqual([{ kind: 'publish', ids: ['k:1'] }]);
    s = outboxStep(s.state, { kind: 'published', ids: ['k:1'], now: 0 });
    s = outboxStep(s.state, { kind: 'canSend', limit: 10 });
    expect(s.effects).toEqual([{ kind: 'retryIn', ms: RETRY_FIRST_MS }]);
    s = outboxStep(s.state, { kind: 'retryDue', now: IN_FLIGHT_MS, capMs: ANTI_ENTROPY_MS });
    expect(s.effects).toEqual([{ kind: 'send' }]);
    expect(outboxStep(s.state, { kind: 'canSend', limit: 10 }).effects).toEqual([
      { kind: 'publish', ids: ['k:1'] },
    ]);
    s = outboxStep(s.state, { kind: 'agentHolds', upTo: 1, held: () => true });
    expect(s.effects).toEqual([{ kind: 'remove', ids: ['k:1'] }]);
    s = outboxStep(s.state, { kind: 'removed', ids: ['k:1'] });
    expect(s.state.ids).toEqual([]);
    expect(outboxStep(s.state, { kind: 'retryDue', now: 0, capMs: 1 }).effects).toEqual([]);
    expect(outboxStep(s.state, { kind: 'paused' }).effects).toEqual([]);
  });

  it('loses nothing: under any loss, disconnects and timing, the agent ends up holding every event', () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 60 }),
        fc.infiniteStream(fc.boolean()),
        (actions, coin) => {
          const m = new Model();
          const lossy = (): boolean => coin.next().value === true;
          const act = (a: Action) => {
            if (a.kind === 'commit') {
              const id = `k:${m.next++}`;
              m.stored.push(id);
              m.perform(m.feed({ kind: 'committed', id }), lossy);
            } else if (a.kind === 'vector') {
              m.perform(
                m.feed({ kind: 'agentHolds', upTo: m.agentUpTo(), held: () => true }),
                lossy,
              );
            } else if (a.kind === 'disconnect') m.online = false;
            else if (a.kind === 'connect') {
              m.online = true;
              m.perform(m.feed({ kind: 'connected' }), lossy);
            } else {
              m.now += a.ms;
              if (m.retryAt !== undefined && m.retryAt <= m.now && m.online) {
                m.retryAt = undefined;
                m.perform(m.feed({ kind: 'retryDue', now: m.now, capMs: ANTI_ENTROPY_MS }), lossy);
              }
            }
          };
          actions.forEach(act);
          // the network heals: connect, then resend timers and the agent's vectors until idle
          m.online = true;
          m.perform(m.feed({ kind: 'connected' }), () => true);
          for (let round = 0; round < 20 && m.box.ids.length > 0; round++) {
            m.now += ANTI_ENTROPY_MS + IN_FLIGHT_MS;
            m.perform(m.feed({ kind: 'retryDue', now: m.now, capMs: ANTI_ENTROPY_MS }), () => true);
            m.perform(
              m.feed({ kind: 'agentHolds', upTo: m.agentUpTo(), held: () => true }),
              () => true,
            );
          }
          expect(m.box.ids).toEqual([]);
          expect(m.stored).toEqual([]);
          expect(m.agentUpTo()).toBe(m.next - 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
