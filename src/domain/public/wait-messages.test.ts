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
  noCounter: false,
  longestWaitSec: 400,
};
const at = Date.parse('2025-01-06T10:00:00Z');
const quiet = { alert: false, serviceLevelToday: null };

describe('wait messages (DESIGN.md section 4)', () => {
  it('adds remoteWaiting and nextSlot after the earlier fields, and only when known', () => {
    const channels = { ...wait, remoteWaiting: 2, nextSlot: '2025-01-06T10:20:00.000Z' };
    const body = JSON.parse(waitMessages(channels, quiet)[0]!.payload) as Record<string, unknown>;
    expect(Object.keys(body).slice(-4)).toEqual([
      'alert',
      'serviceLevelToday',
      'remoteWaiting',
      'nextSlot',
    ]);
    expect(body).toMatchObject({ ...wait, remoteWaiting: 2, nextSlot: channels.nextSlot });
    const none = JSON.parse(
      waitMessages({ ...wait, remoteWaiting: 0 }, quiet)[0]!.payload,
    ) as Record<string, unknown>;
    expect(none['remoteWaiting']).toBe(0);
    expect(none).not.toHaveProperty('nextSlot');
  });

  it('publishes the retained wait payload with the contract fields, and minutes', () => {
    const [json, minutes] = waitMessages(wait, quiet);
    expect(json).toEqual({
      subtopic: 'wait/advice',
      retain: true,
      payload: JSON.stringify({ ...wait, minutes: 13, ...quiet }),
    });
    // the contract's fields first, in their order; the extensions after (README)
    expect(Object.keys(JSON.parse(json!.payload) as object)).toEqual([
      'service',
      'waiting',
      'estimateSec',
      'lowSec',
      'highSec',
      'openCounters',
      'updatedAt',
      'noCounter',
      'longestWaitSec',
      'minutes',
      'alert',
      'serviceLevelToday',
    ]);
    // rounded up like every screen (725 s is 12 min 5 s: "about 13 minutes")
    expect(minutes).toEqual({ subtopic: 'wait/advice/minutes', retain: true, payload: '13' });
    expect(waitMessages({ ...wait, estimateSec: 29 }, quiet)[1]!.payload).toBe('1');
    expect(waitMessages({ ...wait, estimateSec: 0 }, quiet)[1]!.payload).toBe('0');
  });

  it('adds closed, issuing and opensAt for a service with hours, keeping every other field', () => {
    const opensAt = Date.parse('2025-01-07T08:00:00Z');
    const payload = (hours: Parameters<typeof waitMessages>[1]['hours']) =>
      JSON.parse(waitMessages(wait, { ...quiet, hours })[0]!.payload) as Record<string, unknown>;
    expect(payload({ kind: 'lineFull', opensAt })).toEqual({
      ...wait,
      minutes: 13,
      ...quiet,
      closed: false,
      issuing: 'lineFull',
      opensAt: '2025-01-07T08:00:00.000Z',
    });
    expect(payload({ kind: 'closed', opensAt })).toMatchObject({ closed: true, issuing: 'closed' });
    expect(payload({ kind: 'open' })).toMatchObject({ closed: false, opensAt: null });
    expect(payload(undefined)).not.toHaveProperty('issuing');
  });

  it('publishes no minutes while no counter serves the service (never a rosy number)', () => {
    const none = { ...wait, openCounters: 0, noCounter: true, estimateSec: 60 };
    expect(waitMessages(none, quiet)[1]).toEqual({
      subtopic: 'wait/advice/minutes',
      retain: true,
      payload: '',
    });
    expect(JSON.parse(waitMessages(none, quiet)[0]!.payload)).toMatchObject({
      noCounter: true,
      minutes: null,
    });
    const raised = { alert: true, serviceLevelToday: 62 };
    expect(JSON.parse(waitMessages(none, raised)[0]!.payload)).toMatchObject(raised);
  });

  it('announces a wait above target and its recovery on the alerts topic', () => {
    const raised = waitAlertMessage(
      {
        kind: 'raised',
        service: 'advice',
        at,
        raisedAt: at,
        reason: 'estimate',
        estimateSec: 725,
        longestWaitSec: 400,
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
      reason: 'estimate',
      noCounter: false,
      longestWaitSec: 400,
      message: 'Advice: wait about 13 min, above the 5 min target. Open another counter.',
    });
    const cleared = waitAlertMessage(
      {
        kind: 'cleared',
        service: 'advice',
        at: at + 600_000,
        raisedAt: at,
        reason: 'estimate',
        estimateSec: 100,
        longestWaitSec: 60,
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

  it('says why a service needs a counter: nobody serves those who wait, or a long wait', () => {
    const change = {
      kind: 'raised' as const,
      service: 'advice',
      at,
      raisedAt: at,
      estimateSec: undefined,
      longestWaitSec: 1080,
      targetSec: 600,
    };
    const noCounter = { ...wait, openCounters: 0, noCounter: true, waiting: 2 };
    const none = JSON.parse(
      waitAlertMessage({ ...change, reason: 'noCounter' }, noCounter, testStore).payload,
    ) as Record<string, unknown>;
    expect(none).toMatchObject({
      status: 'open',
      reason: 'noCounter',
      noCounter: true,
      openCounters: 0,
      waiting: 2,
      message: 'Advice: 2 waiting and no counter is open for it. Open a counter.',
    });
    const long = JSON.parse(
      waitAlertMessage({ ...change, reason: 'longestWait', estimateSec: 200 }, wait, testStore)
        .payload,
    ) as Record<string, unknown>;
    expect(long).toMatchObject({
      reason: 'longestWait',
      message:
        'Advice: a customer has waited 18 min, above the 10 min target. Open another counter.',
    });
    const gone = JSON.parse(
      waitAlertMessage(
        { ...change, kind: 'cleared', reason: 'noCounter' },
        { ...noCounter, waiting: 0, longestWaitSec: 0 },
        testStore,
      ).payload,
    ) as Record<string, unknown>;
    expect(gone).toMatchObject({
      status: 'cleared',
      message: 'Advice: nobody is waiting for it now (no counter open).',
    });
  });
});
