import { describe, expect, it } from 'vitest';
import { measureReports } from './reports.ts';

/**
 * The report benchmark, bounded for CI: a month of a small store through the real HTTP API,
 * every report type answered (the full year is `npm run bench:reports`).
 */
describe('report benchmark, CI bound', () => {
  it('answers every report over a generated month', async () => {
    const r = await measureReports({ tickets: 3000, days: 30, rounds: 2 });
    expect(r.tickets).toBe(3000);
    expect(Object.keys(r.warm)).toHaveLength(10);
    for (const s of Object.values(r.warm)) expect(s.n).toBe(2);
    // generous: a loaded CI machine, but a month must never take seconds
    expect(r.warmWorstP95Ms).toBeLessThan(2000);
  }, 60_000);
});
