import type { VisitTipsConfig } from '../visit/tips.ts';

/** The store's configuration, as loaded from kiosk-config/ and validated by the hub. */
export type LocalizedText = Readonly<Record<string, string>>;

export interface ServiceConfig {
  readonly id: string;
  /** One capital letter shown before the ticket number, e.g. "A" in A023. */
  readonly prefix: string;
  readonly name: LocalizedText;
  readonly targetWaitSec: number;
  /** Prior for the average time at the counter, used until the day has data. */
  readonly avgServiceSec: number;
  /** The kiosk offers a priority ticket for this service (served before the others). */
  readonly allowPriority?: boolean;
  /** This service's own opening hours, where they differ from the store's (`store.hours`). */
  readonly hours?: OpeningHours;
  /** At most this many tickets a day for this service; absent: no cap. */
  readonly dailyCap?: number;
  /** The customer's phone alerts when the ticket is this many-th in line; absent: 3. */
  readonly alertAtPlace?: number;
  /** Tickets taken from a phone (/join) for this service; absent: no check-in, no cap. */
  readonly remote?: RemoteServiceConfig;
  /** Times customers may book for this service (/book, domain/booking); absent: none. */
  readonly booking?: BookingServiceConfig;
}

/** A service's bookable times: slots from its opening hours (domain/booking). */
export interface BookingServiceConfig {
  /** Minutes per slot: slots start every slotMin from opening, the last ends by closing. */
  readonly slotMin: number;
  /** Customers a slot takes. */
  readonly perSlot: number;
  /** Minutes after the slot's start a booked customer may still check in; absent: 10. */
  readonly lateMin?: number;
}

/** How a service treats tickets taken away from the kiosk (domain/join). */
export interface RemoteServiceConfig {
  /** The customer must check in at the store before being called. */
  readonly checkIn: boolean;
  /** Minutes from joining within which to check in; then the ticket is dropped. */
  readonly graceMin: number;
  /** At most this many phone tickets per hour for the service; absent: no cap. */
  readonly perHour?: number;
}

/** Booking a time (/book, src/hub/booking); absent: not offered. */
export interface BookingConfig {
  /**
   * The numbers of tickets the hub issues when a booked customer checks in on their phone,
   * disjoint from every kiosk's range and the phone range (a kiosk check-in takes its own).
   */
  readonly range: NumberRange;
  /** How many days ahead customers may book, today included; absent: 14. */
  readonly daysAhead?: number;
  /** At most this many bookings from one network address a day; absent: 5. */
  readonly perAddressPerDay?: number;
}

/** Joining the line from a phone (/join, src/hub/join-api.ts); absent: not offered. */
export interface JoinConfig {
  /** The numbers phone tickets take, disjoint from every kiosk's range. */
  readonly range: NumberRange;
  /** At most this many phone tickets from one network address per hour. */
  readonly perAddressPerHour?: number;
  /**
   * The store's own network, where "I'm here" is believed (CIDRs such as "192.168.1.0/24").
   * Absent: the private ranges and loopback (domain/join/network.ts).
   */
  readonly storeNetworks?: readonly string[];
}

/** Days of the week as the config names them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening on one day, wall-clock "HH:MM" in the store's time zone; close after open. */
export interface OpeningSpan {
  readonly open: string;
  readonly close: string;
}

/** A date that differs from the week: closed (a holiday) or other hours (a late day). */
export interface HoursException {
  /** "YYYY-MM-DD", the store's local date. */
  readonly date: string;
  /** true: closed all day; otherwise `open` and `close` are both given. */
  readonly closed?: boolean;
  readonly open?: string;
  readonly close?: string;
}

/**
 * Opening hours (src/domain/hours): a weekday absent from `weekly` is closed. Without any
 * hours configured a service is open all day, as before hours existed.
 */
export interface OpeningHours {
  readonly weekly: { readonly [D in Weekday]?: OpeningSpan };
  readonly exceptions?: readonly HoursException[];
}

export interface CounterConfig {
  readonly id: string;
  readonly name: LocalizedText;
  readonly services: readonly string[];
}

export interface NumberRange {
  readonly from: number;
  readonly to: number;
}

export interface IssuingDeviceConfig {
  readonly id: string;
  readonly name: LocalizedText;
  /** Disjoint per device, so partitioned kiosks never hand out the same number. */
  readonly range: NumberRange;
}

/** The clerk's visit assistant (DESIGN.md section 6). */
export interface VisitConfig {
  /** While a customer browses alone, remind the clerk to check back after this long. */
  readonly recheckAfterSec: number;
  /** Scripts and tips per step and for difficult customers, translated. */
  readonly tips: VisitTipsConfig;
}

/** At most `maxTickets` tickets from one kiosk within any `windowSec` seconds. */
export interface KioskRateLimit {
  readonly maxTickets: number;
  readonly windowSec: number;
}

/** Texts printed on the 80 mm receipt above and below the number. */
export interface ReceiptConfig {
  readonly header?: LocalizedText;
  readonly footer?: LocalizedText;
}

/** `sha256` is SHA-256 applied `iterations` times to "<salt>:<pin>" (hex), see README. */
export interface ManagerPinConfig {
  readonly salt: string;
  readonly iterations: number;
  readonly sha256: string;
}

/**
 * A member of staff who signs in to a clerk tablet with a short PIN (hashed as the kiosk's
 * manager PIN is). The tablet's own credentials are what the hub trusts; the PIN says who works.
 */
export interface StaffConfig {
  readonly id: string;
  readonly name: string;
  readonly pin: ManagerPinConfig;
}

/** The lobby display's look (src/apps/board); every part optional. */
export interface BoardConfig {
  /** A data: URL (the board's security policy loads images from the hub only). */
  readonly logo?: string;
  /** #rrggbb colours. */
  readonly colors?: {
    readonly background?: string;
    readonly text?: string;
    readonly accent?: string;
  };
  /** One line along the bottom of the board, per language. */
  readonly announcement?: LocalizedText;
}

export interface StoreConfig {
  readonly store: {
    readonly id: string;
    readonly name: LocalizedText;
    readonly timeZone: string;
    readonly defaultLanguage: string;
    readonly languages: readonly string[];
    /**
     * Languages customers can pick on the kiosk, the tracking page and the lobby display;
     * absent means `languages`. Staff screens and visit tips use `languages` only.
     */
    readonly customerLanguages?: readonly string[];
    /** The store's opening hours; absent: open all day (services may have their own). */
    readonly hours?: OpeningHours;
  };
  readonly services: readonly ServiceConfig[];
  readonly counters: readonly CounterConfig[];
  readonly kiosks: readonly IssuingDeviceConfig[];
  readonly mqtt: {
    readonly topicPrefix: string;
    /** Broker URL for browsers; empty means the hub's own ws(s)://<host>/mqtt. */
    readonly browserUrl: string;
    /** Publish Home Assistant discovery configs (domain/public/ha-discovery.ts). */
    readonly homeAssistant?: boolean;
  };
  readonly kiosk: {
    readonly idleResetSec: number;
    /** Optional where older configurations are cached; see domain/kiosk for the defaults. */
    readonly rateLimit?: KioskRateLimit;
    /** Base URL the ticket's QR code points at; empty means the kiosk's own origin. */
    readonly publicUrl?: string;
    /** "button": a print button on the ticket; "auto": print every ticket; "none". */
    readonly printing?: 'none' | 'button' | 'auto';
    readonly receipt?: ReceiptConfig;
    /** Hash of the PIN that opens the kiosk settings (hidden gesture); none: no settings. */
    readonly managerPin?: ManagerPinConfig;
  };
  /**
   * The hub always fills this in (schema defaults); optional for configurations cached by an
   * older version and for tests. Read it through `visitSettings()`.
   */
  readonly visit?: VisitConfig;
  /** Staff who sign in on clerk tablets; absent or empty: no sign-in. */
  readonly staff?: readonly StaffConfig[];
  /** The lobby display's logo, colours and announcement line. */
  readonly board?: BoardConfig;
  /** How long the hub keeps personal data (src/domain/retention/personal.ts). */
  readonly retention?: RetentionConfig;
  /** Joining the line from a phone; absent: /join says the store does not offer it. */
  readonly join?: JoinConfig;
  /** Booking a time; absent: /book says the store does not offer it. */
  readonly booking?: BookingConfig;
}

export interface RetentionConfig {
  /** Days personal text (notes, reasons; names once customers give them) is kept; 0: forever. */
  readonly personalDataDays: number;
}

/** Personal data is kept this many days when the config does not say. */
export const DEFAULT_PERSONAL_DATA_DAYS = 30;

/** A config, or a way to read it as it is now (the manager's settings change it live). */
export type ConfigSource = StoreConfig | (() => StoreConfig);

export function readConfig(source: ConfigSource): StoreConfig {
  return typeof source === 'function' ? source() : source;
}

export function serviceById(cfg: StoreConfig, id: string): ServiceConfig | undefined {
  return cfg.services.find((s) => s.id === id);
}

export function counterById(cfg: StoreConfig, id: string): CounterConfig | undefined {
  return cfg.counters.find((c) => c.id === id);
}

export function localized(text: LocalizedText, lang: string, fallback: string): string {
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** Languages offered to customers (kiosk, tracking page, lobby display). */
export function customerLanguages(cfg: Pick<StoreConfig, 'store'>): readonly string[] {
  return cfg.store.customerLanguages ?? cfg.store.languages;
}
