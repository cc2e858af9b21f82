/**
 * The /book pages' side of the hub's booking API (src/hub/booking/book-api.ts): the menu, a
 * day's slots, booking, and the booking's own page (status, move, cancel, "I'm here"). The
 * booking's capability travels in its link (`?k=`), nowhere else.
 */
import type { ArrivalRefusal } from '../../domain/booking/arrive.ts';
import type { BookingRefusal } from '../../domain/booking/decide.ts';
import type { LocalizedText } from '../../domain/config/types.ts';

export interface BookMenu {
  readonly offered: boolean;
  readonly store: {
    readonly name: LocalizedText;
    readonly defaultLanguage: string;
    readonly languages: readonly string[];
    readonly timeZone: string;
  };
  readonly daysAhead: number;
  /** "YYYY-MM-DD", today first. */
  readonly days: readonly string[];
  readonly services: readonly {
    readonly id: string;
    readonly name: LocalizedText;
    /** The first of `days` with a free time ("YYYY-MM-DD"); absent when none has one. */
    readonly firstOpen?: string;
  }[];
}

export interface DaySlots {
  readonly slots: readonly { readonly at: number; readonly end: number; readonly free: number }[];
}

export interface BookingView {
  readonly appointment: string;
  readonly service: string;
  readonly at: number;
  readonly end: number;
  readonly date: string;
  readonly code: string;
  readonly name?: string;
  readonly status: 'booked' | 'arrived' | 'cancelled' | 'missed';
  readonly ticket?: string;
  readonly checkInUntil: number;
  readonly today: boolean;
}

export type Refusal = BookingRefusal | ArrivalRefusal | { readonly kind: 'offline' | 'notInStore' };
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

async function getJson<T>(url: string): Promise<T | undefined> {
  try {
    const res = await fetch(url, { cache: 'no-store' });
    return res.ok ? ((await res.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}

async function postJson<T>(url: string, body: unknown): Promise<Outcome<T>> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as { error?: string; refusal?: Refusal };
    if (res.ok) return { ok: true, value: answer as T };
    if (answer.error === 'notInStore') return { ok: false, refusal: { kind: 'notInStore' } };
    return { ok: false, refusal: answer.refusal ?? { kind: 'offline' } };
  } catch {
    return { ok: false, refusal: { kind: 'offline' } };
  }
}

export const fetchMenu = () => getJson<BookMenu>('/api/book');

export const fetchSlots = (service: string, date: string) =>
  getJson<DaySlots>(
    `/api/book/slots?service=${encodeURIComponent(service)}&date=${encodeURIComponent(date)}`,
  );

export const book = (service: string, at: number, name: string, lang: string) =>
  postJson<{ appointment: string; token: string }>('/api/book', {
    service,
    at,
    lang,
    ...(name.trim() !== '' ? { name } : {}),
  });

const base = (id: string) => `/api/book/${encodeURIComponent(id)}`;

export const fetchBooking = (id: string, k: string) =>
  getJson<BookingView>(`${base(id)}?k=${encodeURIComponent(k)}`);

export const moveTo = (id: string, k: string, at: number) =>
  postJson<BookingView>(`${base(id)}/move`, { k, at });

export const cancel = (id: string, k: string) => postJson<BookingView>(`${base(id)}/cancel`, { k });

export const imHere = (id: string, k: string) =>
  postJson<{ ticket: string }>(`${base(id)}/here`, { k });

export const calendarLink = (id: string, k: string) =>
  `${base(id)}/calendar.ics?k=${encodeURIComponent(k)}`;
