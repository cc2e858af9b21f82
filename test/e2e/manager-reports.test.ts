import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportYear } from '../../bench/report-history.ts';
import { wallOf } from '../../src/domain/clock/hlc.ts';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import type { AccuracyReport } from '../../src/domain/reports/accuracy.ts';
import { parseCsv } from '../../src/domain/reports/csv.ts';
import type {
  FeedbackReport,
  QueueReport,
  QueueRow,
  StepReport,
} from '../../src/domain/reports/query.ts';
import { addDays } from '../../src/domain/reports/request.ts';
import { EventFileStore } from '../../src/hub/event-file-store.ts';
import { runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { deviceCredentials, startTestHub, type TestHub } from '../support/hub.ts';
import { callTicket, hubConfig, seedTicket } from '../support/seed.ts';
import { waitOnline } from '../support/surfaces.ts';

/**
 * The manager's board and history on a seeded store: a week of generated history in the hub's
 * day files, a few customers today. What the screen shows must be what the hub's API says.
 */
describe('manager board and reports', () => {
  let browser: Browser;
  let context: BrowserContext;
  let hub: TestHub;
  let config: StoreConfig;
  let page: Page;
  /** This test's own reads of the API, as a script would: an enrolled manager device. */
  let asManager: string;
  /** The day the seeded kiosks promised too little. */
  let brokenDay: string;
  const DAY = 86_400_000;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nextup-manager-'));
    const history = new EventFileStore(join(dataDir, 'store-001'), 'Europe/Warsaw', {
      info: () => undefined,
      warn: () => undefined,
    });
    await history.days();
    // a week ending yesterday (UTC days, 9:00-21:00 UTC: inside the Warsaw store days)
    // each ticket with the wait its kiosk promised: a fair range, except yesterday, when the
    // kiosks promised a minute or so and people waited minutes (the audit must flag that day)
    brokenDay = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    // every fifth customer joined from a phone (the reports split by channel)
    let issued = 0;
    const week = reportYear(700, 7, Date.now() - DAY).map((e) =>
      e.type !== 'ticket.issued'
        ? e
        : {
            ...e,
            ...(issued++ % 5 === 0 ? { channel: 'phone' as const } : {}),
            promised: new Date(wallOf(e.hlc)).toISOString().startsWith(brokenDay)
              ? { sec: 60, low: 30, high: 90 }
              : { sec: 200, low: 30, high: 600 },
          },
    );
    await history.appendRemote(week);
    await history.close();
    hub = await startTestHub({ dataDir });
    config = await hubConfig(hub);
    const who = deviceCredentials(hub, 'manager', 'manager-report-reader');
    asManager = `Basic ${Buffer.from(`${who.username}:${who.password}`).toString('base64')}`;
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      bypassCSP: true, // axe is injected as an inline script
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await hub?.close();
  });

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${hub.httpUrl}${path}`, { headers: { Authorization: asManager } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  it('live board: lines, counters and devices from the store as it is now', async () => {
    const a = await seedTicket(hub, config, 'advice');
    await seedTicket(hub, config, 'advice');
    await seedTicket(hub, config, 'returns');
    await callTicket(hub, a.id, 'counter-1');
    await page.goto(`${hub.httpUrl}/manager`);
    await waitOnline(page);
    // the page enrolled itself as a manager (a hub on loopback trusts this machine)
    const enrolled = hub.registry.list().filter((d) => d.role === 'manager' && !d.revoked);
    expect(enrolled.map((d) => d.id).filter((id) => id !== 'manager-report-reader')).toHaveLength(
      1,
    );
    const advice = page.getByTestId('manager-service-advice');
    await expect.poll(() => advice.getAttribute('data-waiting')).toBe('1');
    expect(await page.getByTestId('manager-service-returns').getAttribute('data-waiting')).toBe(
      '1',
    );
    // the called customer counts in today's service level: called at once, within target
    expect(await advice.getAttribute('data-service-level')).toBe('100');
    // the hub's agent and this manager device announce themselves
    await expect
      .poll(() => page.locator('[data-testid="manager-device"][data-online="true"]').count())
      .toBeGreaterThanOrEqual(2);
    expect(await runAxe(page, 'manager: live board')).toEqual([]);
  });

  it('history: charts and tables show the API numbers, CSV downloads and parses', async () => {
    // the history is the manager's only: the guest Wi-Fi gets nothing
    const open = await fetch(`${hub.httpUrl}/api/reports/days`);
    expect(open.status).toBe(401);
    await page.getByTestId('manager-view-history').click();
    await page.getByTestId('manager-range-30').click();
    const today = (await api<{ today: string }>('/api/reports/days')).today;
    const from = addDays(today, -29);
    const range = `&from=${from}&to=${today}`;
    const byHour = await api<{ report: QueueReport }>(`/api/reports/queue?by=hour${range}`);
    expect(byHour.report.total.arrivals).toBeGreaterThan(700);

    const arrivals = page.getByTestId('manager-total-arrivals').locator('dd');
    await expect.poll(() => arrivals.textContent()).toBe(String(byHour.report.total.arrivals));
    for (const chart of ['arrivals', 'wait', 'service-level', 'feedback']) {
      await page.locator(`[data-testid="manager-chart-${chart}"] canvas`).first().waitFor();
    }
    const hourRows = page.locator('[data-testid="manager-table-hour"] tbody tr');
    expect(await hourRows.count()).toBe(byHour.report.rows.length);
    for (const [i, row] of byHour.report.rows.entries()) {
      expect(await hourRows.nth(i).locator('[data-col="arrivals"]').textContent()).toBe(
        String(row.arrivals),
      );
    }
    const feedback = await api<{ report: FeedbackReport }>(`/api/reports/feedback?by=day${range}`);
    expect(await page.getByTestId('manager-feedback-nps').locator('dd').textContent()).toBe(
      String(feedback.report.total.nps),
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('manager-csv-day').click(),
    ]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    const byDay = await api<{ report: QueueReport }>(`/api/reports/queue?by=day${range}`);
    expect(csv[0]!.slice(0, 2)).toEqual(['day', 'arrivals']);
    expect(csv.slice(1).map((r) => [r[0], Number(r[1])])).toEqual([
      ...byDay.report.rows.map((r) => [r.key, r.arrivals]),
      ['total', byDay.report.total.arrivals],
    ]);
    // visit steps per clerk: one row per clerk and step, as the API says
    await page.getByTestId('manager-steps-clerk').click();
    const steps = await api<{ report: StepReport }>(`/api/reports/steps?by=clerk${range}`);
    expect(steps.report.rows.length).toBeGreaterThan(3);
    const stepRows = page.locator('[data-testid="manager-table-steps"] tbody tr');
    await expect.poll(() => stepRows.count()).toBe(steps.report.rows.length);
    // per channel: the kiosk's and the phones' customers, named in the screen's language
    await page.getByTestId('manager-breakdown-channel').click();
    const channels = await api<{ report: QueueReport }>(`/api/reports/queue?by=channel${range}`);
    expect(channels.report.rows.map((r) => r.key)).toEqual(['kiosk', 'phone']);
    const [kiosk, phone] = channels.report.rows;
    expect(phone!.arrivals).toBeGreaterThan(100);
    expect(kiosk!.arrivals + phone!.arrivals).toBe(channels.report.total.arrivals);
    const channelRows = page.locator('[data-testid="manager-table-channel"] tbody tr');
    await expect.poll(() => channelRows.count()).toBe(2);
    const named: [string, QueueRow][] = [
      ['Kiosk', kiosk!],
      ['Phone', phone!],
    ];
    for (const [i, [name, row]] of named.entries()) {
      expect(await channelRows.nth(i).locator('th').textContent()).toBe(name);
      expect(await channelRows.nth(i).locator('[data-col="arrivals"]').textContent()).toBe(
        String(row.arrivals),
      );
    }
    // the portable log of the range too, signed the same way
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('manager-export-jsonl').click(),
    ]);
    expect(exported.suggestedFilename()).toBe(`nextup-store-001-${from}-${today}.jsonl`);
    const lines = readFileSync(await exported.path(), 'utf8')
      .trim()
      .split('\n');
    const types = lines.map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types.filter((t) => t === 'ticket.issued').length).toBeGreaterThanOrEqual(700);
    // the import upload is signed too: the hub reads it and refuses days it has (not a 401)
    await page.getByTestId('manager-import-file').setInputFiles(await exported.path());
    await expect
      .poll(() => page.getByTestId('manager-import-status').textContent())
      .toContain('the hub already has history for');
    expect(await runAxe(page, 'manager: history')).toEqual([]);
  });

  it('history: the accuracy audit shows promises against waits and flags the day they broke', async () => {
    const today = (await api<{ today: string }>('/api/reports/days')).today;
    const range = `&from=${addDays(today, -29)}&to=${today}`;
    const audit = await api<{ report: AccuracyReport }>(`/api/reports/accuracy?by=hour${range}`);
    expect(audit.report.total.judged).toBeGreaterThan(600);
    // the generated days are 9:00-21:00 UTC: the same calendar day on the store's clock
    expect(audit.report.lowCoverageDays.map((d) => d.day)).toEqual([brokenDay]);
    await page.locator('[data-testid="manager-chart-accuracy"] canvas').first().waitFor();
    const alert = page.getByTestId('manager-accuracy-alert');
    await expect.poll(() => alert.textContent()).toContain('fewer than 60%');
    const rows = page.locator('[data-testid="manager-table-accuracy"] tbody tr');
    expect(await rows.count()).toBe(audit.report.rows.length);
    for (const [i, row] of audit.report.rows.entries()) {
      expect(await rows.nth(i).locator('[data-col="judged"]').textContent()).toBe(
        String(row.judged),
      );
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('manager-csv-accuracy').click(),
    ]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    expect(csv[0]!.slice(0, 4)).toEqual(['hour', 'tickets', 'promised', 'judged']);
    expect(
      csv
        .at(-1)!
        .slice(0, 4)
        .map((v, i) => (i === 0 ? v : Number(v))),
    ).toEqual([
      'total',
      audit.report.total.tickets,
      audit.report.total.promised,
      audit.report.total.judged,
    ]);
    expect(await runAxe(page, 'manager: accuracy')).toEqual([]);
  });
});
