import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreEvent } from '../../domain/queue/events.ts';
import type { WebhookPayload } from '../../domain/webhooks/kinds.ts';
import { tempDir, type TempDir } from '../hub-testing.ts';
import { createMemoryLogger, type MemoryLogger } from '../log.ts';
import { arrived, startReceiver, type Receiver } from './receiver-testing.ts';
import { fakeCommits, visitMaker } from './committed-testing.ts';
import { startWebhooks, type Webhooks } from './webhooks.ts';

const T0 = Date.UTC(2026, 11, 6, 9);
let visit = visitMaker(T0);
beforeEach(() => {
  visit = visitMaker(T0);
});

const fast = { baseMs: 20, capMs: 150, disableAfterMs: 86_400_000 };
const ALL = [
  'ticket.issued',
  'ticket.called',
  'ticket.completed',
  'ticket.noShow',
  'alert.raised',
  'visit.feedback',
] as const;

let dir: TempDir | undefined;
let receiver: Receiver | undefined;
let hooks: Webhooks | undefined;
afterEach(async () => {
  await hooks?.close();
  await receiver?.close();
  dir?.remove();
  hooks = receiver = dir = undefined;
});

async function start(log: MemoryLogger, timeoutMs = 300, delivery = fast): Promise<Webhooks> {
  hooks = await startWebhooks({ dir: join(dir!.path, 'webhooks'), log, delivery, timeoutMs });
  return hooks;
}

describe('signed webhooks from the hub', () => {
  it('deliver every event at least once, in order per ticket, signed, through 500s, a hang and a restart', async () => {
    dir = tempDir('hooks');
    receiver = await startReceiver();
    const r = receiver;
    const log = createMemoryLogger();
    let wh = await start(log);
    const { id, secret } = await wh.add(r.url, ALL);
    r.secret = secret;
    const replica = fakeCommits();
    wh.follow(replica);
    const sent: StoreEvent[] = [];
    const commit = (events: StoreEvent[]): void => {
      sent.push(...events);
      replica.commit(events);
    };

    r.mode = 'fail';
    commit([...visit(1, 'ticket.completed'), ...visit(2, 'ticket.noShow')]);
    await r.until((got) => got.filter((g) => g.mode === 'fail').length >= 3);
    expect(log.find('failing (HTTP 500)')).toHaveLength(1);

    r.mode = 'hang';
    commit(visit(3, 'ticket.completed'));
    await r.until((got) => got.filter((g) => g.mode === 'hang').length >= 2);
    await vi.waitFor(() => expect(wh.list()[0]?.lastError).toMatch(/no answer in 300 ms/));
    expect(wh.list()[0]).toMatchObject({ id, pending: 9 });

    // the hub stops mid-backlog, and comes back to a receiver that works again
    await wh.close();
    r.mode = 'ok';
    wh = await start(log);
    wh.follow(replica);
    commit(visit(4, 'ticket.completed'));
    const ids = sent.map((e) => e.id);
    await r.until((got) => arrived(got).length === ids.length);

    const got = arrived(r.received);
    expect(new Set(got.map((g) => g.delivery))).toEqual(new Set(ids));
    expect(r.received.every((g) => g.signed)).toBe(true);
    // in order per ticket: issued, called, then its end
    const bodies = got.map((g) => JSON.parse(g.body) as WebhookPayload);
    for (const t of ['t1', 't2', 't3', 't4']) {
      const kinds = bodies.filter((b) => b.data['ticket'] === t).map((b) => b.kind);
      expect(kinds.slice(0, 2)).toEqual(['ticket.issued', 'ticket.called']);
      expect(kinds).toHaveLength(3);
    }
    expect(got.map((g) => g.delivery)).toEqual(ids);
    expect(log.find('recovered')).toHaveLength(1);
    await vi.waitFor(() => expect(wh.list()[0]).toMatchObject({ pending: 0, failures: 0 }));
  });

  it('disables an endpoint failing too long, queues nothing more, and delivers the rest when enabled', async () => {
    dir = tempDir('hooks');
    receiver = await startReceiver();
    const r = receiver;
    const log = createMemoryLogger();
    const wh = await start(log, 300, { baseMs: 10, capMs: 40, disableAfterMs: 200 });
    const { id, secret } = await wh.add(r.url, ['ticket.called']);
    r.secret = secret;
    const replica = fakeCommits();
    wh.follow(replica);
    r.mode = 'fail';
    replica.commit(visit(1, 'ticket.completed'));
    await vi.waitFor(() => expect(wh.list()[0]?.disabledAt).toBeDefined());
    expect(log.find('disabled: failing since')).toHaveLength(1);
    replica.commit(visit(2, 'ticket.completed'));
    expect(wh.list()[0]?.pending).toBe(1);

    r.mode = 'ok';
    expect(wh.enable(id)?.disabledAt).toBeUndefined();
    await r.until((got) => arrived(got).length === 1);
    expect(JSON.parse(arrived(r.received)[0]!.body)).toMatchObject({
      kind: 'ticket.called',
      data: { ticket: 't1', number: 'A001', counter: 'c1' },
    });
  });

  it('cuts a torn last line of a queue and sends the rest', async () => {
    dir = tempDir('hooks');
    receiver = await startReceiver();
    const r = receiver;
    const log = createMemoryLogger();
    let wh = await start(log);
    const { id, secret } = await wh.add(r.url, ['ticket.issued']);
    r.secret = secret;
    r.mode = 'fail';
    const replica = fakeCommits();
    wh.follow(replica);
    const events = [...visit(1, 'ticket.completed'), ...visit(2, 'ticket.completed')];
    replica.commit(events);
    await vi.waitFor(() => expect(wh.list()[0]?.failures).toBeGreaterThan(0));
    await wh.close();
    appendFileSync(join(dir.path, 'webhooks', `${id}.jsonl`), '{"id":"kiosk-1:99","bo');

    r.mode = 'ok';
    wh = await start(log);
    wh.follow(replica);
    await r.until((got) => arrived(got).length === 2);
    expect(log.find('torn last line')).toHaveLength(1);
    const issued = events.filter((e) => e.type === 'ticket.issued').map((e) => e.id);
    expect(arrived(r.received).map((g) => g.delivery)).toEqual(issued);
  });

  it('queue after a restart what the store committed while the hub was stopping, each event once', async () => {
    dir = tempDir('hooks');
    receiver = await startReceiver();
    const r = receiver;
    const log = createMemoryLogger();
    let wh = await start(log);
    r.secret = (await wh.add(r.url, ALL)).secret;
    const replica = fakeCommits();
    wh.follow(replica);
    const before = visit(1, 'ticket.completed');
    replica.commit(before);
    await r.until((got) => arrived(got).length === 3);
    await vi.waitFor(() => expect(wh.list()[0]?.pending).toBe(0));
    await wh.close();

    // the agent committed these, then the hub stopped before the webhooks queued them
    const missed = [...visit(2, 'ticket.noShow'), ...visit(3, 'ticket.completed')];
    replica.commit(missed);

    wh = await start(log);
    wh.follow(replica);
    const after = visit(4, 'ticket.completed');
    replica.commit(after);
    const ids = [...before, ...missed, ...after].map((e) => e.id);
    // one queue, first in first out: once the last arrived, all queued before it did
    await r.until((got) => arrived(got).some((g) => g.delivery === ids.at(-1)));
    expect(arrived(r.received).map((g) => g.delivery)).toEqual(ids);
    // the mark was saved at the stop: nothing sent before it is sent again
    expect(r.received.filter((g) => g.mode === 'ok')).toHaveLength(ids.length);
    expect(log.find('6 event(s) past the queued mark')).toHaveLength(1);
    // each payload carries the event's id, the receivers' key to drop a repeat
    for (const g of arrived(r.received)) {
      expect((JSON.parse(g.body) as WebhookPayload).id).toBe(g.delivery);
    }
  });

  it('send nothing of what the store committed before the webhooks first ran', async () => {
    dir = tempDir('hooks');
    receiver = await startReceiver();
    const r = receiver;
    const wh = await start(createMemoryLogger());
    r.secret = (await wh.add(r.url, ALL)).secret;
    const replica = fakeCommits();
    replica.commit(visit(1, 'ticket.completed'));
    wh.follow(replica);
    const fresh = visit(2, 'ticket.completed');
    replica.commit(fresh);
    await r.until((got) => arrived(got).length === 3);
    expect(arrived(r.received).map((g) => g.delivery)).toEqual(fresh.map((e) => e.id));
  });

  it('do not queue twice what is still waiting in a queue when the mark was not saved', async () => {
    dir = tempDir('hooks');
    receiver = await startReceiver();
    const r = receiver;
    let wh = await start(createMemoryLogger());
    r.secret = (await wh.add(r.url, ALL)).secret;
    const replica = fakeCommits();
    wh.follow(replica);
    r.mode = 'fail';
    const events = visit(1, 'ticket.completed');
    replica.commit(events);
    await vi.waitFor(() => expect(wh.list()[0]?.pending).toBe(3));
    await wh.close();
    // a stop after the deliveries were queued, before the mark was saved
    writeFileSync(join(dir.path, 'webhooks', 'queued.json'), '{}');

    wh = await start(createMemoryLogger());
    wh.follow(replica);
    await vi.waitFor(() => expect(wh.list()[0]?.pending).toBe(3));
    r.mode = 'ok';
    await r.until((got) => arrived(got).length === 3);
    await vi.waitFor(() => expect(wh.list()[0]?.pending).toBe(0));
    expect(r.received.filter((g) => g.mode === 'ok').map((g) => g.delivery)).toEqual(
      events.map((e) => e.id),
    );
  });
});
