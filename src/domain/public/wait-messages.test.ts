import { describe, expect, it } from 'vitest';
import { testStore } from '../testing/store.ts';
import { waitAlertMessage, waitMessages } from './wait-messages.ts';

const wait = {
  service: 'advice',
  waiting: 6,
  estimateSec: 725,
  lowSec: 480,
  highSec: 1020,
  openCounters: 1,
  updatedAt: '2025-01-06T10:00:00.000Z',
};
const at = Date.parse('2025-01-06T10:00:00Z');

describe('wait messages (DESIGN.md section 4)', () => {
  it('publishes the retained wait payload with the contract fields, and minutes', () => {
    const [json, minutes] = waitMessages(wait);
    expect(json).toEqual({ subtopic: 'wait/advice', retain: true, payload: JSON.stringify(wait) });
    expect(Object.keys(JSON.parse(json!.payload) as object)).toEqual([
      'service',
      'waiting',
      'estimateSec',
      'lowSec',
      'highSec',
      'openCounters',
      'updatedAt',
    ]);
    // rounded up like every screen (725 s is 12 min 5 s: "about 13 minutes")
    expect(minutes).toEqual({ subtopic: 'wait/advice/minutes', retain: true, payload: '13' });
    expect(waitMessages({ ...wait, estimateSec: 29 })[1]!.payload).toBe('1');
    expect(waitMessages({ ...wait, estimateSec: 0 })[1]!.payload).toBe('0');
  });

  it('announces a wait above target and its recovery on the alerts topic', () => {
    const raised = waitAlertMessage(
      {
        kind: 'raised',
        service: 'advice',
        at,
        raisedAt: at,
        estimateSec: 725,
        targetSec: 300,
      },
      wait,
      testStore,
    );
    expect(raised.subtopic).toBe('alerts');
    expect(raised.retain).toBe(false);
    expect(JSON.parse(raised.payload)).toMatchObject({
      kind: 'waitAboveTarget',
      service: 'advice',
      status: 'open',
      at: '2025-01-06T10:00:00.000Z',
      targetSec: 300,
      estimateSec: 725,
      waiting: 6,
      openCounters: 1,
      message: 'Advice: wait about 13 min, above the 5 min target. Open another counter.',
    });
    const cleared = waitAlertMessage(
      {
        kind: 'cleared',
        service: 'advice',
        at: at + 600_000,
        raisedAt: at,
        estimateSec: 100,
        targetSec: 300,
      },
      { ...wait, estimateSec: 100, waiting: 1 },
      testStore,
    );
    const body = JSON.parse(cleared.payload) as Record<string, unknown>;
    expect(body).toMatchObject({
      kind: 'waitAboveTarget',
      status: 'cleared',
      raisedAt: '2025-01-06T10:00:00.000Z',
      message: 'Advice: wait back to about 2 min (target 5 min).',
    });
    expect(body['alert']).toBe((JSON.parse(raised.payload) as Record<string, unknown>)['alert']);
  });
});
