import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTicket } from '../../src/domain/queue/commands.ts';
import { testStore } from '../../src/domain/testing/store.ts';
import { launchChromium } from '../support/browser.ts';
import { staffConfigDir, startTestHub, type TestHub } from '../support/hub.ts';
import { enterPin, queueNumbers, waitForQueueItem, waitOnline } from '../support/surfaces.ts';

/**
 * Two clerks on two tablets: Anna writes a note on her visit and hands the customer to her
 * colleague Bo with a reason; Bo's tablet shows the customer first in his line, and when he
 * calls them, from whom and why, and Anna's note.
 */
describe('handing a customer to a colleague, with a reason and a note', () => {
  let hub: TestHub;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    hub = await startTestHub({ configDir: staffConfigDir() });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.close();
  });

  const signInAt = async (staff: string, pin: string, counter: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hub.httpUrl}/clerk`);
    await page.getByTestId(`staff-${staff}`).click();
    await enterPin(page, pin);
    await page.getByTestId(`counter-choose-${counter}`).click();
    await page.getByTestId('counter-open').click();
    await page.getByTestId('call-next').waitFor();
    await waitOnline(page);
    return page;
  };

  let issued = 0;
  const issue = async (): Promise<string> => {
    const range = { id: 'handover', name: { en: 'Test' }, range: { from: 1, to: 899 } };
    const r = await hub
      .agent()
      .replica.run((s) => issueTicket(s, testStore, range, 'advice', `handover-${++issued}`));
    if (!r.ok || r.event.type !== 'ticket.issued') throw new Error(JSON.stringify(r));
    return r.event.number;
  };
  const events = () => hub.agent().replica.events();

  it('Bo sees the customer first in his line, then from whom and why, and the note', async () => {
    const anna = await signInAt('anna', '2468', 'counter-1');
    const bo = await signInAt('bo', '1357', 'counter-2');
    const first = await issue();
    const second = await issue();
    await waitForQueueItem(anna, second);
    await waitForQueueItem(bo, second);

    await anna.getByTestId('call-next').click();
    await anna.locator(`[data-testid="visit"][data-ticket="${first}"]`).waitFor();
    const note = 'Wants the blue kettle; paid a deposit';
    await anna.getByTestId('visit-note').fill(note);
    await anna.getByTestId('visit-note-save').click();
    await anna.getByTestId('visit-note-saved').waitFor();

    await anna.getByTestId('transfer').click();
    await anna.getByTestId('handover-staff-bo').click();
    const reason = 'Bo set the deposit up yesterday';
    await anna.getByTestId('handover-reason').fill(reason);
    await anna.getByTestId('handover-send').click();
    await anna.getByTestId('current-ticket').waitFor({ state: 'detached' });
    // Anna's line no longer holds the customer: they are Bo's now
    await expect.poll(() => queueNumbers(anna)).toEqual([second]);

    const handed = bo.locator(`[data-testid="queue-item"][data-number="${first}"]`);
    await handed.getByTestId('queue-handed').waitFor();
    expect(await queueNumbers(bo)).toEqual([first, second]);

    await bo.getByTestId('call-next').click();
    await bo.locator(`[data-testid="current-ticket"][data-number="${first}"]`).waitFor();
    expect(await bo.getByTestId('handover-from').textContent()).toBe(
      `From Anna K. (Counter 1): ${reason}`,
    );
    expect(await bo.getByTestId('ticket-note').textContent()).toBe(`Note: ${note}`);

    // the store's log holds both, for every other device and for reports
    await expect
      .poll(() => events().find((e) => e.type === 'visit.note'))
      .toMatchObject({ note, counter: 'counter-1' });
    await expect
      .poll(() => events().find((e) => e.type === 'ticket.transferred'))
      .toMatchObject({
        counter: 'counter-1',
        toService: 'advice',
        toCounter: 'counter-2',
        toStaff: 'bo',
        reason,
      });
  });
});
