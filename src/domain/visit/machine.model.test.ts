import { createActor, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { visitMachine } from './machine.ts';
import { stepOf } from './steps.ts';
import {
  canFinish,
  eventsAt,
  invalidEvents,
  probeEvents,
  stateKey,
  walkPaths,
  type VisitSnapshot,
} from './testing.ts';
import { lastTime } from './rules.ts';
import { VISIT_STEPS } from './types.ts';

const MAX_DEPTH = 10;

function roundTrip(snapshot: VisitSnapshot): VisitSnapshot {
  const live = createActor(visitMachine, { snapshot, input: undefined }).start();
  const persisted: unknown = JSON.parse(JSON.stringify(live.getPersistedSnapshot()));
  live.stop();
  const restored = createActor(visitMachine, {
    snapshot: persisted as typeof snapshot,
    input: undefined,
  }).start();
  const out = restored.getSnapshot();
  restored.stop();
  return out;
}

const behaviourChecked = new Set<string>();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Returns what is wrong at this prefix (plain comparisons: thousands of prefixes). */
function violations(s: VisitSnapshot): string[] {
  const out: string[] = [];
  const step = stepOf(s.value);
  const fail = (what: string) => out.push(`${step}: ${what}`);
  if (!canFinish(s)) fail('cannot reach a final state');

  const at = lastTime(s.context) + 1000;
  const feedback = { type: 'FEEDBACK', at, satisfaction: 'neutral', nps: 7 } as const;
  const afterFeedback = transition(visitMachine, s, feedback)[0];
  const accepted = !same(
    [afterFeedback.value, afterFeedback.context.feedback],
    [s.value, s.context.feedback],
  );
  if (accepted !== (step === 'thanking') || s.can(feedback) !== accepted) {
    fail(`FEEDBACK accepted=${accepted}`);
  }
  for (const bad of invalidEvents(at)) {
    if (!same(transition(visitMachine, s, bad)[0].context, s.context)) {
      fail(`accepted malformed ${JSON.stringify(bad)}`);
    }
  }

  if (step === 'escalated') {
    const back = transition(visitMachine, s, { type: 'MANAGER_RESOLVED', at })[0];
    const due = at >= (s.context.reminderAt ?? Infinity) ? 'browsing.reminderDue' : null;
    const expected =
      s.context.escalation?.from === 'browsing.looking' && due ? due : s.context.escalation?.from;
    if (stepOf(back.value) !== expected) fail('resolved to another step');
  }

  const restored = roundTrip(s);
  if (!same(restored.value, s.value)) fail('value changed by persist/restore');
  if (!same(restored.context, s.context)) fail('context changed by persist/restore');
  // History survives too: every next event leads where it led before the round trip. This
  // depends on the state alone, not the path, so it runs once per distinct state.
  if (!behaviourChecked.has(stateKey(s))) {
    behaviourChecked.add(stateKey(s));
    for (const event of eventsAt(s)) {
      const a = transition(visitMachine, restored, event)[0];
      const b = transition(visitMachine, s, event)[0];
      if (!same(a.value, b.value)) fail(`after restore ${event.type} leads elsewhere`);
    }
  }

  const times = s.context.steps.map((e) => e.at);
  if (
    !same(
      times,
      [...times].sort((x, y) => x - y),
    )
  )
    fail('step times run backwards');
  return out;
}

/** Reported by the test run (console) so the number of covered paths is visible. */
export let modelPathCount = 0;

describe('visit machine, model-based', () => {
  it('keeps its invariants on every path, reaching every step with every event', () => {
    const steps = new Set<string>();
    const used = new Set<string>();
    const problems: string[] = [];
    const stats = walkPaths(MAX_DEPTH, (s, path) => {
      problems.push(...violations(s).map((v) => `${v} after ${path.map((e) => e.type).join(' ')}`));
      steps.add(stepOf(s.value));
      path.forEach((e) => used.add(e.type));
    });
    modelPathCount = stats.paths;
    console.log(
      `visit model: ${stats.paths} distinct paths (${stats.endedFinal} end in a final state), ` +
        `${stats.nodes} prefixes checked, depth <= ${MAX_DEPTH}`,
    );
    expect(problems.slice(0, 5)).toEqual([]);
    expect([...steps].sort()).toEqual([...VISIT_STEPS].sort());
    // RESUMED re-arms in place, so no path sees it change anything.
    const types = probeEvents(0)
      .map((e) => e.type)
      .filter((t) => t !== 'RESUMED');
    for (const t of types) expect(used, t).toContain(t);
  }, 120_000);
});
