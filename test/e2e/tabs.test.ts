import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openClerk,
  openKiosk,
  takeTicket,
  waitForQueueItem,
  waitOnline,
} from '../support/surfaces.ts';
import { hubAndBrowser } from '../support/hub-and-browser.ts';

/**
 * Tabs of one browser on one store are one device: the first tab leads (it holds the store's
 * Web Lock and runs IndexedDB, MQTT and the replica), the others follow it over a
 * broker sees one connection; when the leader's tab closes a follower takes over and acts.
 */
describe('tabs of one store in one browser', () => {
  const env = hubAndBrowser();

  /** Every "client <id> connected" the broker logged, by client id. */
  const connections = (): string[] =>
    env.hub.logLines.flatMap((line) => /client (\S+) connected$/.exec(line)?.[1] ?? []);
  const troubles: string[] = [];
  const watch = (page: Page, name: string): Page => {
    page.on('console', (m) => {
      if (/storage failed|ConstraintError|not saved|TabSyncError/i.test(m.text())) {
        troubles.push(`${name}: ${m.text()}`);
      }
    });
    page.on('pageerror', (e) => troubles.push(`${name}: ${e.message}`));
    return page;
  };
  const current = (page: Page, number: string) =>
    page.locator(`[data-testid="current-ticket"][data-number="${number}"]`).waitFor();

  it('agree, act from any tab, and keep going when the leader closes', async () => {
    const context = await env.browser.newContext();
    const agent = connections().length;
    const leader = watch(
      await openClerk(context, env.hub.httpUrl, env.hub.firstCounter),
      'clerk 1',
    );
    const follower = watch(await context.newPage(), 'clerk 2');
    await follower.goto(`${env.hub.httpUrl}/clerk`);
    await follower.getByTestId('call-next').waitFor();
    await waitOnline(follower);
    const kiosk = watch(await openKiosk(context, env.hub.httpUrl), 'kiosk');

    const a = await takeTicket(kiosk);
    // the kiosk follows: its wait estimate comes from the leader's wait model
    await kiosk.getByTestId('service-advice').click();
    await kiosk.locator('[data-testid="ticket-wait"][data-estimate-sec]').waitFor();
    const b = (await kiosk.getByTestId('ticket-number').textContent())?.trim() ?? '';
    await kiosk.getByTestId('ticket-done').click();
    expect(Number(b.slice(1))).toBe(Number(a.slice(1)) + 1);
    for (const clerk of [leader, follower]) {
      await waitForQueueItem(clerk, a);
      await waitForQueueItem(clerk, b);
    }

    // a call from the follower tab is committed by the leader and shown everywhere
    await follower.getByTestId('call-next').click();
    await current(follower, a);
    await current(leader, a);
    await leader.locator('[data-testid="connection"][data-pending="0"]').waitFor();
    await follower.locator('[data-testid="connection"][data-pending="0"]').waitFor();

    // one device, one MQTT connection: the followers never connect
    const mine = connections().slice(agent);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(/^clerk-/);

    // the leader's tab goes away: a follower takes the lock and the device, no reload
    await leader.close();
    await follower.getByTestId('complete').click();
    await follower.getByTestId('call-next').click();
    await current(follower, b);
    const c = await takeTicket(kiosk);
    await waitForQueueItem(follower, c);
    await follower.locator('[data-testid="connection"][data-pending="0"]').waitFor();
    expect(connections().slice(agent)).toEqual([mine[0], mine[0]]);
    expect(env.hub.eventTypes().filter((t) => t === 'ticket.called')).toHaveLength(2);

    await expect(follower.getByTestId('clerk-error').count()).resolves.toBe(0);
    await expect(kiosk.getByTestId('kiosk-error').count()).resolves.toBe(0);
    expect(troubles).toEqual([]);
    await context.close();
  });
});
