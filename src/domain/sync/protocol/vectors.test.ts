import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENT_POLICY, DEVICE_POLICY } from './policy.ts';
import {
  ANNOUNCE_DELAY_MS,
  ANSWER_DELAY_MS,
  CATCH_UP_QUIET_MS,
  OFFSET_TOLERANCE_MS,
  SKEW_REPORT_EVERY_MS,
} from './timing.ts';
import { askDelay, followAgentClock, initialPeers, onVector, type VectorInput } from './vectors.ts';

const input = (over: Partial<VectorInput>): VectorInput => ({
  self: 'kiosk-a',
  from: 'agent-s',
  theirs: {},
  now: 1_000_000,
  behind: false,
  budgetWait: 0,
  maxDriftMs: 60_000,
  ...over,
});

const kinds = (effects: readonly { kind: string }[]) => effects.map((e) => e.kind);

describe("a peer's vector, as a pure step", () => {
  it('a device hears the agent: its events leave the outbox, held-back ones may come in, it sends the agent what it lacks of its own', () => {
    const step = onVector(
      DEVICE_POLICY,
      initialPeers,
      input({ theirs: { 'kiosk-a': 4, 'agent-s': 9 }, at: 1_000_000, behind: true }),
    );
    expect(step.effects).toEqual([
      { kind: 'acknowledge', upTo: 4 },
      { kind: 'settleQuarantine' },
      { kind: 'ask' },
      { kind: 'answer', key: 'agent-s:own', delayMs: ANSWER_DELAY_MS, part: 'own' },
    ]);
    expect(step.state.agentSaid).toEqual({
      device: 'agent-s',
      vector: { 'kiosk-a': 4, 'agent-s': 9 },
    });
    expect(initialPeers.agentSaid).toBeUndefined();
  });

  it('a device answers no other device: a vector from anyone would make every tablet send its day', () => {
    const step = onVector(
      DEVICE_POLICY,
      initialPeers,
      input({ from: 'clerk-b', theirs: { 'clerk-b': 3 } }),
    );
    expect(kinds(step.effects)).toEqual(['contact']);
  });

  it('the agent answers every announcement with its vector and the events missing, within the budget', () => {
    const step = onVector(
      AGENT_POLICY,
      initialPeers,
      input({ self: 'agent-s', from: 'clerk-b', budgetWait: 5_000 }),
    );
    expect(step.effects).toContainEqual({ kind: 'announce', delayMs: ANNOUNCE_DELAY_MS });
    expect(step.effects).toContainEqual({
      kind: 'answer',
      key: 'clerk-b:all',
      delayMs: 5_000,
      part: 'all',
    });
    expect(kinds(step.effects)).not.toContain('acknowledge');
  });

  it('the agent reports a skewed clock once per period, and the step leaves its input as it was', () => {
    const skewed = input({ self: 'agent-s', from: 'clerk-b', at: 1_000_000 + 120_000 });
    const first = onVector(AGENT_POLICY, initialPeers, skewed);
    expect(first.effects).toContainEqual({
      kind: 'clockSkew',
      device: 'clerk-b',
      driftMs: 120_000,
    });
    const again = onVector(AGENT_POLICY, first.state, { ...skewed, now: skewed.now + 1_000 });
    expect(kinds(again.effects)).not.toContain('clockSkew');
    const later = {
      ...skewed,
      now: skewed.now + SKEW_REPORT_EVERY_MS,
      at: skewed.now + SKEW_REPORT_EVERY_MS + 120_000,
    };
    expect(kinds(onVector(AGENT_POLICY, first.state, later).effects)).toContain('clockSkew');
    expect(initialPeers.skewReported.size).toBe(0);
  });

  it('a device follows the agent clock only when off by more than the tolerance', () => {
    expect(followAgentClock(0, 1_000 + OFFSET_TOLERANCE_MS, 1_000)).toBeUndefined();
    expect(followAgentClock(0, 1_000 + 3 * OFFSET_TOLERANCE_MS, 1_000)).toEqual({
      offset: 3 * OFFSET_TOLERANCE_MS,
    });
    expect(followAgentClock(5_000, 1_000, 1_000)).toEqual({ offset: 0 });
  });

  it('the followed offset stays within half the tolerance of what the agent says, and is 0 when ours is right (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20_000, max: 20_000 }), { maxLength: 30 }),
        (offs) => {
          let offset = 0;
          for (const measured of offs) {
            offset = followAgentClock(offset, 1_000_000 + measured, 1_000_000)?.offset ?? offset;
            const target = Math.abs(measured) > OFFSET_TOLERANCE_MS ? measured : 0;
            expect(Math.abs(offset - target)).toBeLessThanOrEqual(OFFSET_TOLERANCE_MS / 2);
            if (target === 0) expect(offset).toBe(0);
          }
        },
      ),
    );
  });

  it('asks for missing events only once none arrived for CATCH_UP_QUIET_MS (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (last, since) => {
        const now = last + since;
        const wait = askDelay(last, now);
        if ('announceIn' in wait) {
          expect(since).toBeGreaterThanOrEqual(CATCH_UP_QUIET_MS);
          expect(wait.announceIn).toBe(ANNOUNCE_DELAY_MS);
        } else {
          expect(wait.askAgainIn).toBeGreaterThan(0);
          expect(now + wait.askAgainIn - last).toBe(CATCH_UP_QUIET_MS);
        }
      }),
    );
  });
});
