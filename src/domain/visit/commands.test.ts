import { describe, expect, it } from 'vitest';
import { applyEvent, fold } from '../queue/fold.ts';
import type { CommandResult } from '../queue/commands.ts';
import type { QueueState } from '../queue/state.ts';
import { ev } from '../testing/store.ts';
import { acknowledgedAlerts, alertForVisit, openAlerts } from './alerts.ts';
import {
  acknowledgeAlert,
  cleanReason,
  raiseManagerAlert,
  recordVisitFeedback,
  recordVisitStep,
} from './commands.ts';

const T = 1_750_000_000_000;

/** Commits a command's event as `device` would, like the replica does. */
function commit(state: QueueState, r: CommandResult, device = 'tab', seq = state.applied + 1) {
  if (!r.ok) throw new Error(r.error);
  applyEvent(state, ev(device, seq, T + seq * 1000, r.event));
}

describe('visit commands', () => {
  it('writes a step once: a second write of the same n is refused', () => {
    const s = fold([]);
    const rec = { visitId: 'v1', clerk: 'tab', n: 1, step: 'greeting' as const, at: T + 0.4 };
    const first = recordVisitStep(s, rec, { counter: 'c1', ticket: 't1' });
    expect(first).toEqual({
      ok: true,
      event: {
        type: 'visit.step',
        visit: 'v1',
        clerk: 'tab',
        counter: 'c1',
        ticket: 't1',
        step: 'greeting',
        n: 1,
        at: T,
      },
    });
    commit(s, first);
    expect(recordVisitStep(s, rec)).toEqual({ ok: false, error: 'alreadyRecorded' });
    const walkIn = recordVisitStep(s, { ...rec, visitId: 'v2' });
    expect(walkIn.ok && walkIn.event).not.toHaveProperty('ticket');
  });

  it('writes a rating once, for a visit the log knows, dropping a malformed NPS', () => {
    const s = fold([]);
    expect(recordVisitFeedback(s, 'v1', 'tab', { satisfaction: 'good' })).toEqual({
      ok: false,
      error: 'unknownVisit',
    });
    commit(s, recordVisitStep(s, { visitId: 'v1', clerk: 'tab', n: 1, step: 'thanking', at: T }));
    const r = recordVisitFeedback(s, 'v1', 'tab', { satisfaction: 'good', nps: 42 });
    expect(r).toEqual({
      ok: true,
      event: { type: 'visit.feedback', visit: 'v1', clerk: 'tab', satisfaction: 'good' },
    });
    commit(s, r);
    expect(recordVisitFeedback(s, 'v1', 'tab', { satisfaction: 'bad', nps: 1 })).toEqual({
      ok: false,
      error: 'alreadyRecorded',
    });
  });

  it('raises a manager alert with a cleaned reason, once per id', () => {
    const s = fold([]);
    const r = raiseManagerAlert(s, 'a1', {
      counter: 'c1',
      visit: 'v1',
      reason: '  shouts\u0000 at staff  ',
    });
    expect(r).toEqual({
      ok: true,
      event: {
        type: 'alert.raised',
        alert: 'a1',
        kind: 'manager',
        counter: 'c1',
        visit: 'v1',
        reason: 'shouts at staff',
      },
    });
    commit(s, r);
    expect(raiseManagerAlert(s, 'a1', {})).toEqual({ ok: false, error: 'alreadyRecorded' });
    const bare = raiseManagerAlert(s, 'a2', { reason: '   ' });
    expect(bare.ok && bare.event).toEqual({ type: 'alert.raised', alert: 'a2', kind: 'manager' });
  });

  it('caps a reason at 280 characters', () => {
    expect(cleanReason('x'.repeat(500))).toHaveLength(280);
    expect(cleanReason(undefined)).toBeUndefined();
  });

  it('acknowledges only an open alert', () => {
    const s = fold([]);
    expect(acknowledgeAlert(s, 'a1')).toEqual({ ok: false, error: 'unknownAlert' });
    commit(s, raiseManagerAlert(s, 'a1', { counter: 'c1', visit: 'v1' }));
    commit(s, raiseManagerAlert(s, 'a2', { counter: 'c2' }));
    expect(openAlerts(s).map((a) => a.id)).toEqual(['a1', 'a2']);
    const ack = acknowledgeAlert(s, 'a1');
    expect(ack).toEqual({ ok: true, event: { type: 'alert.acknowledged', alert: 'a1' } });
    commit(s, ack, 'boss', 1);
    expect(acknowledgeAlert(s, 'a1')).toEqual({ ok: false, error: 'alertClosed' });
    expect(openAlerts(s).map((a) => a.id)).toEqual(['a2']);
    expect(acknowledgedAlerts(s).map((a) => [a.id, a.acknowledgedBy])).toEqual([['a1', 'boss']]);
    expect(alertForVisit(s, 'v1')?.id).toBe('a1');
    expect(alertForVisit(s, 'v9')).toBeUndefined();
  });
});
