import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG_DIR, parseStoreConfig } from './config-loader.ts';

const DEFAULT_TEXT = readFileSync(path.join(DEFAULT_CONFIG_DIR, 'store.json'), 'utf8');
type Json = { store: Record<string, unknown>; services: Record<string, unknown>[] };

function problemsAfter(edit: (cfg: Json) => void): string[] {
  const cfg = JSON.parse(DEFAULT_TEXT) as Json;
  edit(cfg);
  try {
    parseStoreConfig(JSON.stringify(cfg), 'kiosk-config/store.json');
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

const week = { mon: { open: '09:00', close: '20:00' }, sat: { open: '10:00', close: '14:00' } };

describe('opening hours in the store config', () => {
  it('accept a week, a holiday, a late day and a daily cap', () => {
    expect(
      problemsAfter((c) => {
        c.store.hours = {
          weekly: week,
          exceptions: [
            { date: '2026-12-25', closed: true },
            { date: '2026-12-23', open: '09:00', close: '22:00' },
          ],
        };
        c.services[0]!.hours = { weekly: { mon: { open: '12:00', close: '24:00' } } };
        c.services[0]!.dailyCap = 120;
      }),
    ).toEqual([]);
  });

  it('name the field whose closing is not after its opening', () => {
    expect(
      problemsAfter((c) => {
        c.store.hours = { weekly: { ...week, tue: { open: '18:00', close: '09:00' } } };
        c.services[1]!.hours = { weekly: { mon: { open: '24:00', close: '24:00' } } };
      }),
    ).toEqual([
      'kiosk-config/store.json: store.hours.weekly.tue: "close" must be after "open" (got 18:00..09:00)',
      'kiosk-config/store.json: services[1].hours.weekly.mon: "open" must be before 24:00 (got 24:00)',
    ]);
  });

  it('name a wrong date, a date twice and an exception that is neither closed nor timed', () => {
    const problems = problemsAfter((c) => {
      c.store.hours = {
        weekly: week,
        exceptions: [
          { date: '2026-02-30', closed: true },
          { date: '2026-12-24' },
          { date: '2026-12-24', closed: true, open: '09:00' },
        ],
      };
    });
    expect(problems.map((p) => p.replace('kiosk-config/store.json: ', ''))).toEqual([
      'store.hours.exceptions[0].date: is not a date "YYYY-MM-DD" (got "2026-02-30")',
      'store.hours.exceptions[1]: give "closed": true, or both "open" and "close"',
      'store.hours.exceptions[2].date: "2026-12-24" already has exceptions[1]',
      'store.hours.exceptions[2]: a closed day has no "open" or "close"',
    ]);
  });

  it('leave times that are not HH:MM and a cap below one to the schema', () => {
    const problems = problemsAfter((c) => {
      c.store.hours = { weekly: { mon: { open: '9:00', close: '20:00' } } };
      c.services[0]!.dailyCap = 0;
    });
    expect(problems.some((p) => p.includes('store.hours.weekly.mon.open'))).toBe(true);
    expect(problems.some((p) => p.includes('services[0].dailyCap'))).toBe(true);
  });
});
