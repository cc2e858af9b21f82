import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialFreshness,
  nextFreshness,
  waitsKnown,
  type Freshness,
  type FreshnessInput,
} from './freshness.ts';

const run = (inputs: readonly FreshnessInput[], from: Freshness = 'starting'): Freshness =>
  inputs.reduce(nextFreshness, from);

const input: fc.Arbitrary<FreshnessInput> = fc.oneof(
  fc.constant({ kind: 'online' } as const),
  fc.constant({ kind: 'offline' } as const),
  fc.constant({ kind: 'noContact' } as const),
  fc.boolean().map((behind) => ({ kind: 'agentSaid', behind }) as const),
  fc.boolean().map((behind) => ({ kind: 'progress', behind }) as const),
);

describe("a device's freshness, as a pure step", () => {
  it('a start holds the waits until the catch-up is in, then shows them', () => {
    const steps: FreshnessInput[] = [
      { kind: 'online' },
      { kind: 'agentSaid', behind: true },
      { kind: 'progress', behind: true },
    ];
    expect(initialFreshness('device')).toBe('starting');
    expect(waitsKnown('starting')).toBe(false);
    expect(run(steps)).toBe('catchingUp');
    expect(waitsKnown(run(steps))).toBe(false);
    expect(run([...steps, { kind: 'progress', behind: false }])).toBe('current');
  });

  it('an agent already holding what we hold makes us current at its first word', () => {
    expect(run([{ kind: 'online' }, { kind: 'agentSaid', behind: false }])).toBe('current');
  });

  it("offline, or no word from the hub in time, shows the device's own view", () => {
    expect(run([{ kind: 'offline' }])).toBe('ownView');
    expect(run([{ kind: 'noContact' }])).toBe('ownView');
    expect(run([{ kind: 'online' }, { kind: 'noContact' }])).toBe('ownView');
    // a catch-up on its way is no silence: it stays held
    expect(
      run([{ kind: 'online' }, { kind: 'agentSaid', behind: true }, { kind: 'noContact' }]),
    ).toBe('catchingUp');
  });

  it('a reconnection holds the waits again until the agent has spoken', () => {
    expect(run([{ kind: 'online' }], 'current')).toBe('awaitingAgent');
    expect(run([{ kind: 'online' }], 'ownView')).toBe('awaitingAgent');
  });

  it('once current, a vector ahead of ours (a relay in flight) does not hide the waits', () => {
    expect(run([{ kind: 'agentSaid', behind: true }], 'current')).toBe('current');
  });

  it('the hub agent is the durable history: always current', () => {
    expect(initialFreshness('agent')).toBe('current');
  });

  it('never shows a wait from a view the agent has not confirmed since connecting, unless offline or unheard', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 40 }), (inputs) => {
        let f = initialFreshness('device');
        // what has happened since the last connection (or the start)
        let confirmed = false;
        let fallback = false;
        for (const i of inputs) {
          f = nextFreshness(f, i);
          if (i.kind === 'online') {
            confirmed = false;
            fallback = false;
          } else if (i.kind === 'offline') fallback = true;
          else if (i.kind === 'noContact' && !confirmed) fallback ||= f === 'ownView';
          else if ((i.kind === 'agentSaid' || i.kind === 'progress') && !i.behind) {
            confirmed ||= i.kind === 'agentSaid' || f === 'current';
          }
          if (f === 'current') expect(confirmed).toBe(true);
          if (waitsKnown(f)) expect(confirmed || fallback).toBe(true);
          if (i.kind === 'offline') expect(waitsKnown(f)).toBe(true);
        }
      }),
    );
  });
});
