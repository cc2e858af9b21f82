import 'fake-indexeddb/auto';
import { SimulatedClock } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { NextupDb } from '../../../data/db.ts';
import { VisitStore } from '../../../data/visit-store.ts';
import type { CommandResult } from '../../../domain/queue/commands.ts';
import type { EventBody, StoreEvent } from '../../../domain/queue/events.ts';
import { applyEvent } from '../../../domain/queue/fold.ts';
import { emptyState, type QueueState } from '../../../domain/queue/state.ts';
import { ev, testStore } from '../../../domain/testing/store.ts';
import type { RunOutcome } from '../../runtime/types.ts';
import { VisitDesk, type DeskRuntime } from './visit-desk.ts';

const T = 1_750_000_000_000;
const RECHECK_SEC = 60;
const config = { ...testStore, visit: { recheckAfterSec: RECHECK_SEC, tips: {} } };

/** A device runtime in memory: commands become events of `device`, applied in order. */
class FakeRuntime implements DeskRuntime {
  readonly config = config;
  readonly log: StoreEvent[] = [];
  private state: QueueState = emptyState();
  private seq = 0;
  private readonly listeners = new Set<() => void>();
  constructor(
    readonly deviceId: string,
    private readonly now: () => number,
  ) {}
  /** Local storage refuses writes (a full disk, a killed tab). */
  failing = false;
  async run(decide: (s: QueueState) => CommandResult): Promise<RunOutcome> {
    await Promise.resolve();
    if (this.failing) return { ok: false, error: 'storageFailed' };
    const r = decide(this.state);
    if (!r.ok) return r;
    return { ok: true, event: this.commit(r.event) };
  }
  /** Another device's (or this one's ticket buttons') event. */
  commit(body: EventBody, device = this.deviceId): StoreEvent {
    const e = ev(device, device === this.deviceId ? ++this.seq : 1, this.now(), body);
    this.log.push(e);
    applyEvent(this.state, e);
    for (const l of this.listeners) l();
    return e;
  }
  subscribe(l: () => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  getSnapshot() {
    return { state: this.state };
  }
  types(): string[] {
    return this.log.map((e) => e.type);
  }
  steps(): [string, number][] {
    return this.log.flatMap((e) => (e.type === 'visit.step' ? [[e.step, e.n]] : []));
  }
}

const dbs: NextupDb[] = [];
const desks: VisitDesk[] = [];
let dbCount = 0;
afterEach(() => {
  for (const d of desks.splice(0)) d.close();
  for (const db of dbs.splice(0)) db.close();
});

function setup() {
  const clock = new SimulatedClock();
  clock.set(T);
  const now = () => clock.now();
  const rt = new FakeRuntime('tab', now);
  const db = new NextupDb(`desk-test-${++dbCount}`);
  dbs.push(db);
  let ids = 0;
  const open = async () => {
    const desk = new VisitDesk({
      runtime: rt,
      store: new VisitStore(db, rt.deviceId),
      counter: 'c1',
      now,
      clock,
      newId: (p) => `${p}-${++ids}`,
      onError: (what, error) => {
        throw new Error(`${what}: ${String(error)}`);
      },
    });
    desks.push(desk);
    await desk.open();
    await settle(desk);
    return desk;
  };
  return { clock, rt, db, open };
}

/** Lets the desk's writes (and the reconcile they trigger) finish. */
async function settle(desk: VisitDesk): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await desk.idle();
    await new Promise((r) => setTimeout(r, 0));
  }
}

function callTicket(rt: FakeRuntime) {
  rt.commit(
    { type: 'ticket.issued', ticket: 't1', service: 'advice', number: 'A001', n: 1 },
    'kiosk',
  );
  rt.commit({ type: 'ticket.called', ticket: 't1', counter: 'c1' });
}

describe('the clerk’s visit desk', () => {
  it('starts a visit for a called ticket, survives a reload mid-browse, reminds at the original deadline, and completes the ticket after the rating', async () => {
    const { clock, rt, open } = setup();
    let desk = await open();
    callTicket(rt);
    await settle(desk);
    const first = desk.getView().active;
    expect(first?.ticket).toEqual({ id: 't1', number: 'A001', service: 'advice' });
    expect(first?.step).toBe('greeting');

    desk.send(first!.id, { type: 'GREETED' });
    desk.send(first!.id, { type: 'HELP_DECLINED' });
    await settle(desk);
    const deadline = desk.getView().active!.context.reminderAt!;
    expect(deadline).toBe(T + RECHECK_SEC * 1000);

    // reload 20 s into browsing
    clock.increment(20_000);
    desk.close();
    desk = await open();
    expect(desk.getView().active).toMatchObject({ id: first!.id, step: 'browsing.looking' });
    expect(desk.getView().restoreMs).toBeGreaterThanOrEqual(0);
    clock.increment(deadline - clock.now() - 1);
    expect(desk.getView().active?.step).toBe('browsing.looking');
    clock.increment(1);
    expect(desk.getView().active?.step).toBe('browsing.reminderDue');
    expect(desk.getView().nudges).toBe(1);
    expect(desk.getView().due).toEqual([first!.id]);

    for (const type of ['READY_TO_PAY', 'FOUND_EVERYTHING', 'PAID'] as const) {
      desk.send(first!.id, { type });
    }
    desk.send(first!.id, { type: 'FEEDBACK', satisfaction: 'good', nps: 9 });
    await settle(desk);
    expect(desk.getView().active).toBeNull();
    expect(desk.getView().finished).toMatchObject({ id: first!.id, step: 'done' });
    expect(rt.steps()).toEqual([
      ['greeting', 1],
      ['offeringHelp', 2],
      ['browsing.looking', 3],
      ['browsing.reminderDue', 4],
      ['checkingOut.asking', 5],
      ['checkingOut.paying', 6],
      ['thanking', 7],
      ['done', 8],
    ]);
    const reminder = rt.log.find((e) => e.type === 'visit.step' && e.n === 4);
    expect(reminder).toMatchObject({ at: deadline, counter: 'c1', ticket: 't1', clerk: 'tab' });
    expect(rt.log.filter((e) => e.type === 'visit.feedback')).toEqual([
      expect.objectContaining({ satisfaction: 'good', nps: 9 }),
    ]);
    expect(rt.getSnapshot().state.tickets.get('t1')?.status).toBe('done');

    // nothing is written twice after another reload, and the finished ticket gets no new visit
    const before = rt.log.length;
    desk.close();
    desk = await open();
    expect(rt.log.length).toBe(before);
    expect(desk.getView().active).toBeNull();
  });

  it('writes after a reload what could not be written before, and nothing twice', async () => {
    const { rt, open } = setup();
    const desk = await open();
    const id = desk.startWalkIn();
    await settle(desk);
    rt.failing = true;
    desk.send(id, { type: 'NEEDS_HELP' });
    await settle(desk);
    expect(rt.steps()).toEqual([['greeting', 1]]);
    desk.close();
    rt.failing = false;
    await open();
    expect(rt.steps()).toEqual([
      ['greeting', 1],
      ['assisting', 2],
    ]);
  });

  it('refuses to write a step the log already holds', async () => {
    const { rt, open, db } = setup();
    const desk = await open();
    const id = desk.startWalkIn();
    desk.send(id, { type: 'NEEDS_HELP' });
    await settle(desk);
    desk.close();
    // as if the tablet died after saving the snapshot but before writing to the log
    await db.visits.update(id, { written: 1 });
    const log = rt.log.length;
    await open();
    expect(rt.log.length).toBe(log); // step 2 was in the log already: refused as a repeat
    expect(rt.steps()).toEqual([
      ['greeting', 1],
      ['assisting', 2],
    ]);
  });

  it('ends the visit when the ticket is finished with the counter buttons', async () => {
    const { rt, open } = setup();
    const desk = await open();
    callTicket(rt);
    await settle(desk);
    const id = desk.getView().active!.id;
    rt.commit({ type: 'ticket.completed', ticket: 't1', counter: 'c1' });
    await settle(desk);
    expect(desk.getView().finished).toMatchObject({ id, step: 'done' });
    expect(rt.types().filter((t) => t === 'ticket.completed')).toHaveLength(1);
  });

  it('calls a manager with the reason and closes the call when the clerk is back', async () => {
    const { rt, open } = setup();
    const desk = await open();
    callTicket(rt);
    await settle(desk);
    const id = desk.getView().active!.id;
    desk.escalate(id, '  wants a refund ');
    await settle(desk);
    const alert = rt.log.find((e) => e.type === 'alert.raised');
    expect(alert).toMatchObject({
      kind: 'manager',
      counter: 'c1',
      visit: id,
      reason: 'wants a refund',
    });
    expect(desk.getView().active?.alert?.status).toBe('open');
    rt.commit({ type: 'alert.acknowledged', alert: 'al-2' }, 'boss');
    await settle(desk);
    expect(desk.getView().active?.alert?.status).toBe('acknowledged');
    desk.send(id, { type: 'MANAGER_RESOLVED' });
    await settle(desk);
    expect(desk.getView().active?.step).toBe('greeting');
    // already acknowledged by the manager: no second acknowledgement
    expect(rt.types().filter((t) => t === 'alert.acknowledged')).toHaveLength(1);
  });

  it('parks the visit on screen when a walk-in starts, and switches back', async () => {
    const { rt, open } = setup();
    const desk = await open();
    callTicket(rt);
    await settle(desk);
    const ticketVisit = desk.getView().active!.id;
    const walkIn = desk.startWalkIn();
    await settle(desk);
    expect(desk.getView().active?.id).toBe(walkIn);
    expect(desk.getView().parked.map((c) => c.id)).toEqual([ticketVisit]);
    desk.resume(ticketVisit);
    await settle(desk);
    expect(desk.getView().active?.id).toBe(ticketVisit);
    desk.close();
    const reopened = await open();
    expect(reopened.getView().active?.id).toBe(ticketVisit);
    expect(reopened.getView().parked.map((c) => c.id)).toEqual([walkIn]);
  });

  it('transfers the ticket with the visit, and starts a new visit when it is called again', async () => {
    const { rt, open, clock } = setup();
    const desk = await open();
    callTicket(rt);
    await settle(desk);
    const first = desk.getView().active!.id;
    desk.transfer(first, 'returns');
    await settle(desk);
    const t = rt.getSnapshot().state.tickets.get('t1');
    expect(t).toMatchObject({ status: 'waiting', service: 'returns' });
    expect(desk.getView().finished?.step).toBe('transferred');
    // this counter serves returns too: the same customer, called again, is a new visit
    clock.increment(5000);
    rt.commit({ type: 'ticket.called', ticket: 't1', counter: 'c1' });
    await settle(desk);
    expect(desk.getView().active?.id).not.toBe(first);
    expect(desk.getView().active?.ticket?.service).toBe('returns');
  });

  it('writes the note on the visit with its ticket, and the handover by the ticket ends the visit', async () => {
    const { rt, open } = setup();
    const desk = await open();
    callTicket(rt);
    await settle(desk);
    const visit = desk.getView().active!.id;
    expect(await desk.note(visit, ' Size 40 ')).toMatchObject({ ok: true });
    expect(rt.log.at(-1)).toMatchObject({
      type: 'visit.note',
      visit,
      clerk: 'tab',
      counter: 'c1',
      ticket: 't1',
      note: 'Size 40',
    });
    expect(await desk.note(visit, 'Size 40')).toEqual({ ok: false, error: 'alreadyRecorded' });
    expect(await desk.note('v-none', 'x')).toEqual({ ok: false, error: 'unknownVisit' });
    // the ticket panel's Transfer hands the customer to counter c2; the visit follows
    rt.commit({ type: 'counter.opened', counter: 'c2', services: ['advice'] }, 'other-tab');
    rt.commit({
      type: 'ticket.transferred',
      ticket: 't1',
      counter: 'c1',
      toService: 'advice',
      toCounter: 'c2',
      reason: 'Knows the case',
    });
    await settle(desk);
    expect(desk.getView().finished).toMatchObject({ id: visit, step: 'transferred' });
    expect(rt.getSnapshot().state.tickets.get('t1')).toMatchObject({
      status: 'waiting',
      note: { text: 'Size 40', visit },
      handover: { fromCounter: 'c1', toCounter: 'c2', reason: 'Knows the case' },
    });
  });
});
