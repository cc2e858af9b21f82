// GET /api/chain-link: the manager board's view of the store link, for managers only.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChainLinkView } from '../../domain/chain/link-report.ts';
import type { AgentFactory } from '../hub.ts';
import { startQuietHub, type QuietHub } from '../hub-testing.ts';

let q: QuietHub | undefined;
afterEach(async () => {
  await q?.close();
  q = undefined;
});

async function hubWith(view: ChainLinkView | undefined) {
  const factory: AgentFactory = () =>
    Promise.resolve({
      close: () => Promise.resolve(),
      ...(view ? { chainLink: { view: () => view } } : {}),
    });
  q = await startQuietHub({}, { factory, started: [], closed: 0 });
  const m = q.hub.registry.enroll({ role: 'manager', hint: 'manager', trusted: true });
  const auth = `Basic ${Buffer.from(`${m.username}:${m.password}`).toString('base64')}`;
  return (withAuth = true) =>
    fetch(`${q!.hub.httpUrl}/api/chain-link`, {
      headers: withAuth ? { Authorization: auth } : {},
    });
}

describe('/api/chain-link', () => {
  it('shows a manager the link state, and nobody else', async () => {
    const view = {
      enabled: true,
      connected: false,
      waiting: 12,
      lastAckAt: 5,
      lastEventAt: 9,
      at: 10,
    } as const;
    const get = await hubWith(view);
    expect((await get(false)).status).toBe(401);
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(view);
  });

  it('says so when the hub runs without a chain', async () => {
    const get = await hubWith(undefined);
    expect(await (await get()).json()).toEqual({ enabled: false });
  });
});
