import { describe, expect, it } from 'vitest';
import {
  BOARD_COLOURS,
  boardPalette,
  boardProblems,
  changedSections,
  contrast,
  settingsView,
  withSettings,
} from './settings.ts';
import type { StoreConfig } from './types.ts';

const PIN = { salt: 'old', iterations: 1, sha256: 'a'.repeat(64) };
const hash = (pin: string) => ({ salt: 'new', iterations: 2, sha256: pin.padStart(64, '0') });

describe('settings into the config file', () => {
  const file = {
    $schema: './store.schema.json',
    visit: { recheckAfterSec: 180 },
    kiosk: { idleResetSec: 20, managerPin: PIN },
    staff: [{ id: 'anna', name: 'Anna', pin: PIN }],
    board: { announcement: { en: 'Old' } },
  };

  it('replaces only the sections sent; a member keeps their PIN unless given a new one', () => {
    const next = withSettings(
      file,
      {
        staff: [
          { id: 'anna', name: 'Anna K.' },
          { id: 'ben', name: 'Ben', pin: '1234' },
        ],
        kioskPin: '9876',
      },
      hash,
    );
    expect(next.$schema).toBe(file.$schema);
    expect(next.visit).toBe(file.visit);
    expect(next.board).toBe(file.board);
    expect(next.staff).toEqual([
      { id: 'anna', name: 'Anna K.', pin: PIN },
      { id: 'ben', name: 'Ben', pin: hash('1234') },
    ]);
    expect(next.kiosk).toEqual({ idleResetSec: 20, managerPin: hash('9876') });
    expect(file.staff[0]?.name).toBe('Anna'); // the file object itself is not changed
  });

  it('empty colours and lines leave the file; an empty board leaves no board', () => {
    expect(
      withSettings(file, { board: { colors: { text: '' }, announcement: { en: ' ' } } }, hash),
    ).not.toHaveProperty('board');
    expect(
      withSettings(
        file,
        { board: { colors: { text: '#ffffff', accent: '' }, announcement: { pl: 'Nowe' } } },
        hash,
      ).board,
    ).toEqual({ colors: { text: '#ffffff' }, announcement: { pl: 'Nowe' } });
  });

  it('names the sections changed, in one order, and never shows a PIN hash', () => {
    expect(changedSections({ board: {}, version: 'x', services: [] })).toEqual([
      'services',
      'board',
    ]);
    const config = {
      store: { languages: ['en'], customerLanguages: ['en', 'ar'] },
      services: [],
      counters: [],
      kiosk: { managerPin: PIN },
      staff: file.staff,
    } as unknown as StoreConfig;
    const view = settingsView(config, 'v');
    expect(view.languages).toEqual(['en', 'ar']);
    expect(JSON.stringify(view)).not.toContain(PIN.sha256);
    expect(view.kioskPinSet).toBe(true);
  });

  it('checks a board from the network whatever its shape', () => {
    expect(
      boardProblems({ colors: 'red', announcement: 7, logo: 'http://x/logo.png' } as never),
    ).toEqual([{ path: 'board.logo', rule: 'logo' }]);
    expect(boardProblems({ colors: { accent: 5 } } as never)).toEqual([
      { path: 'board.colors.accent', rule: 'colour' },
    ]);
  });

  it('keeps the board readable: text, muted text and numbers against the background and tiles', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(boardPalette(undefined)).toBeUndefined();
    // numbers alone: the board's own tiles stay
    expect(boardPalette({ accent: '#ff8800' })?.panel).toBe(BOARD_COLOURS.panel);
    expect(boardProblems({ colors: { accent: '#ff8800' } })).toEqual([]);
    expect(boardProblems({ colors: { text: '#1b2533' } })).toEqual([
      { path: 'board.colors.text', rule: 'contrast' },
    ]);
    // a white board with the board's own light text and yellow numbers: said once, at the colour set
    expect(boardProblems({ colors: { background: '#ffffff' } })).toEqual([
      { path: 'board.colors.background', rule: 'contrast' },
    ]);
    // a light board done right: its tiles are light too
    const light = { background: '#ffffff', text: '#111111', accent: '#b00020' };
    expect(boardProblems({ colors: light })).toEqual([]);
    expect(boardPalette(light)?.panel).toBe('#ececec');
  });
});
