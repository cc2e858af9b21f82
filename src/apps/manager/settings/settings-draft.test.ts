import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../domain/config/settings.ts';
import { changeOf, draftOf, draftProblems, hasChanges, settingsReducer } from './settings-draft.ts';

const VIEW: SettingsView = {
  version: 'v1',
  languages: ['en', 'pl'],
  services: [
    {
      id: 'advice',
      prefix: 'A',
      name: { en: 'Advice', pl: 'Porady' },
      targetWaitSec: 600,
      avgServiceSec: 300,
    },
    { id: 'returns', prefix: 'R', name: { en: 'Returns' }, targetWaitSec: 900, avgServiceSec: 300 },
  ],
  counters: [{ id: 'c1', name: { en: 'Counter 1' }, services: ['advice'] }],
  staff: [{ id: 'anna', name: 'Anna' }],
  kioskPinSet: true,
  board: {},
};

describe('the settings form', () => {
  it('sends only the sections the manager touched, on the version it loaded', () => {
    let d = draftOf(VIEW);
    expect(hasChanges(d)).toBe(false);
    d = settingsReducer(d, { type: 'serviceName', index: 1, language: 'pl', value: 'Zwroty' });
    d = settingsReducer(d, { type: 'boardAnnouncement', language: 'en', value: 'Closing at 6' });
    expect(changeOf(d)).toEqual({
      version: 'v1',
      services: [VIEW.services[0], { ...VIEW.services[1], name: { en: 'Returns', pl: 'Zwroty' } }],
      board: { announcement: { en: 'Closing at 6' } },
    });
    expect(draftProblems(d)).toEqual([]);
  });

  it('an emptied name drops its language; all emptied is one problem for the name', () => {
    let d = draftOf(VIEW);
    d = settingsReducer(d, { type: 'serviceName', index: 0, language: 'pl', value: '' });
    expect(changeOf(d).services?.[0]?.name).toEqual({ en: 'Advice' });
    expect(draftProblems(d)).toEqual([]);
    d = settingsReducer(d, { type: 'serviceName', index: 0, language: 'en', value: '' });
    expect(draftProblems(d)).toEqual([{ path: 'services[0].name', rule: 'required' }]);
  });

  it('keeps a counter’s services in the services’ order', () => {
    let d = draftOf(VIEW);
    d = settingsReducer(d, { type: 'counterService', index: 0, service: 'returns', on: true });
    d = settingsReducer(d, { type: 'counterService', index: 0, service: 'advice', on: false });
    d = settingsReducer(d, { type: 'counterService', index: 0, service: 'advice', on: true });
    expect(changeOf(d).counters?.[0]?.services).toEqual(['advice', 'returns']);
  });

  it('checks the hub’s rules: a new member needs a PIN of 4 to 8 digits, names are not empty', () => {
    let d = draftOf(VIEW);
    d = settingsReducer(d, { type: 'staffAdd' });
    expect(d.staff[1]?.id).toBe('staff-2');
    expect(draftProblems(d)).toEqual([
      { path: 'staff[1].name', rule: 'required' },
      { path: 'staff[1].pin', rule: 'pinNeeded' },
    ]);
    d = settingsReducer(d, { type: 'staffName', index: 1, value: 'Ben' });
    d = settingsReducer(d, { type: 'staffPin', index: 1, value: '12' });
    expect(draftProblems(d)).toEqual([{ path: 'staff[1].pin', rule: 'pin' }]);
    d = settingsReducer(d, { type: 'staffPin', index: 1, value: '1234' });
    d = settingsReducer(d, { type: 'serviceName', index: 0, language: 'en', value: ' ' });
    d = settingsReducer(d, { type: 'service', index: 0, patch: { prefix: 'a' } });
    expect(draftProblems(d)).toEqual([
      { path: 'services[0].name.en', rule: 'required' },
      { path: 'services[0].prefix', rule: 'prefix' },
    ]);
  });

  it('never gives a new member the id of one removed in the same edit (they would keep that PIN)', () => {
    let d = draftOf({
      ...VIEW,
      staff: [
        { id: 'staff-1', name: 'A' },
        { id: 'staff-2', name: 'B' },
      ],
    });
    d = settingsReducer(d, { type: 'staffRemove', index: 1 });
    d = settingsReducer(d, { type: 'staffAdd' });
    expect(d.staff.map((m) => m.id)).toEqual(['staff-1', 'staff-3']);
  });

  it('an empty kiosk PIN changes nothing; a colour reset leaves the board', () => {
    let d = draftOf({ ...VIEW, board: { colors: { accent: '#112233' } } });
    d = settingsReducer(d, { type: 'kioskPin', value: '' });
    expect(hasChanges(d)).toBe(false);
    d = settingsReducer(d, { type: 'boardColour', key: 'accent', value: undefined });
    expect(JSON.parse(JSON.stringify(changeOf(d)))).toEqual({
      version: 'v1',
      board: { colors: {} },
    });
  });
});
