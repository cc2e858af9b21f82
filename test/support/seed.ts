import { newTicketId } from '../../src/apps/kiosk/ticket-id.ts';
import { cancelTicket, issueTicket } from '../../src/domain/queue/commands.ts';
import type { StoreConfig } from '../../src/domain/config/types.ts';
import type { Agent } from '../../src/hub/agent.ts';
import type { TestHub } from './hub.ts';

/**
 * Changes the store through the hub's agent, the way another device would: customers who are
 * already waiting, a clerk's call. Quicker and more exact than driving more browsers.
 */
async function commit(hub: TestHub, decide: Parameters<Agent['replica']['run']>[0]) {
  const outcome = await hub.agent().replica.run(decide);
  if (!outcome.ok) throw new Error(`the agent could not commit: ${outcome.error}`);
  return outcome.event;
}

/** A ticket issued from the second kiosk's number range (the browser kiosk uses the first). */
export async function seedTicket(
  hub: TestHub,
  config: StoreConfig,
  service: string,
  priority = false,
): Promise<{ id: string; number: string }> {
  const kiosk = config.kiosks[1] ?? config.kiosks[0]!;
  const id = newTicketId();
  const e = await commit(hub, (s) => issueTicket(s, config, kiosk, service, id, priority));
  if (e.type !== 'ticket.issued') throw new Error('not issued');
  return { id, number: e.number };
}

/** Exactly `n` customers waiting for `service`: seeds tickets or cancels the newest ones. */
export async function setWaiting(
  hub: TestHub,
  config: StoreConfig,
  service: string,
  n: number,
): Promise<void> {
  const waiting = () =>
    [...hub.agent().replica.state.tickets.values()]
      .filter((t) => t.status === 'waiting' && t.service === service)
      .sort((a, b) => (a.queuedHlc < b.queuedHlc ? 1 : -1));
  while (waiting().length < n) await seedTicket(hub, config, service);
  for (const t of waiting().slice(0, Math.max(0, waiting().length - n))) {
    await commit(hub, (s) => cancelTicket(s, t.id));
  }
}

/** A clerk at `counter` calls this ticket. */
export async function callTicket(hub: TestHub, ticket: string, counter: string): Promise<void> {
  await commit(hub, () => ({ ok: true, event: { type: 'ticket.called', ticket, counter } }));
}

/** The clerk at `counter` calls the ticket's number again. */
export async function recallTicket(hub: TestHub, ticket: string, counter: string): Promise<void> {
  await commit(hub, () => ({ ok: true, event: { type: 'ticket.recalled', ticket, counter } }));
}

/** The store configuration as the hub serves it to devices. */
export async function hubConfig(hub: TestHub): Promise<StoreConfig> {
  const body = (await (await fetch(`${hub.httpUrl}/api/config`)).json()) as { config: StoreConfig };
  return body.config;
}
