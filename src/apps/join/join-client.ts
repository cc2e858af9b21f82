/**
 * The /join page's side of the hub's join API (src/hub/join-api.ts): the menu, taking a
 * ticket, "I'm here", and the phone's capability kept in localStorage (one live ticket per
 * phone: the hub knows this phone by it).
 */
import type { LocalizedText } from '../../domain/config/types.ts';
import type { Issuing } from '../../domain/hours/last-ticket.ts';
import type { JoinRefusal } from '../../domain/join/join-issue.ts';
import type { QueueWait } from '../../domain/wait/queue-state.ts';

export interface JoinMenu {
  readonly offered: boolean;
  readonly store: {
    readonly name: LocalizedText;
    readonly defaultLanguage: string;
    readonly languages: readonly string[];
    readonly timeZone: string;
  };
  readonly services: readonly {
    readonly id: string;
    readonly name: LocalizedText;
    readonly wait: QueueWait | null;
    readonly issuing: Issuing;
    readonly checkIn: boolean;
  }[];
}

export type JoinOutcome =
  | { readonly ok: true; readonly ticket: string }
  | { readonly ok: false; readonly refusal: JoinRefusal | { readonly kind: 'offline' } };

const PHONE_KEY = 'nextup.join.phone';

function storedPhone(): string | undefined {
  try {
    return localStorage.getItem(PHONE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function keepPhone(phone: string): void {
  try {
    localStorage.setItem(PHONE_KEY, phone);
  } catch {
    // private mode: the per-address limit still holds
  }
}

export async function fetchMenu(): Promise<JoinMenu | undefined> {
  try {
    const res = await fetch('/api/join', { cache: 'no-store' });
    return res.ok ? ((await res.json()) as JoinMenu) : undefined;
  } catch {
    return undefined;
  }
}

export async function join(service: string, name: string, lang: string): Promise<JoinOutcome> {
  const phone = storedPhone();
  try {
    const res = await fetch('/api/join/ticket', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        service,
        lang,
        ...(name.trim() !== '' ? { name } : {}),
        ...(phone !== undefined ? { phone } : {}),
      }),
    });
    const body = (await res.json()) as {
      ticket?: string;
      phone?: string;
      refusal?: JoinRefusal;
    };
    if (res.ok && body.ticket !== undefined) {
      if (body.phone !== undefined) keepPhone(body.phone);
      return { ok: true, ticket: body.ticket };
    }
    return { ok: false, refusal: body.refusal ?? { kind: 'offline' } };
  } catch {
    return { ok: false, refusal: { kind: 'offline' } };
  }
}

export type CheckInOutcome = 'done' | 'notInStore' | 'failed';

export async function checkInFromPhone(ticket: string): Promise<CheckInOutcome> {
  try {
    const res = await fetch(`/api/join/${ticket}/here`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    if (res.ok) return 'done';
    return res.status === 403 ? 'notInStore' : 'failed';
  } catch {
    return 'failed';
  }
}
