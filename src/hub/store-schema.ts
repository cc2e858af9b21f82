import type { JSONSchemaType } from 'ajv';
import type {
  KioskRateLimit,
  LocalizedText,
  OpeningHours,
  OpeningSpan,
  StoreConfig,
  VisitConfig,
} from '../domain/config/types.ts';
import type { VisitTipsConfig } from '../domain/visit/tips.ts';

/**
 * The store config's JSON Schema, bound to its TypeScript type: `STORE_SCHEMA` must be a
 * `JSONSchemaType` of the file as written (`StoreConfigInput`: StoreConfig with the fields the
 * schema fills by default left optional), so a field added, removed or retyped on one side
 * only is a compile error. kiosk-config/store.schema.json, which editors read, is this object
 * as JSON (store-schema.test.ts checks it).
 */

/** The file's "$schema" hint for editors, kept on load and on save. */
export type StoreConfigFile = StoreConfig & { readonly $schema?: string };

/** `T` with the fields `K` optional: the schema gives them defaults. */
type Defaulted<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]?: T[P] };

/** The file as written, before Ajv fills in the defaults. */
export type StoreConfigInput = Omit<StoreConfigFile, 'mqtt' | 'kiosk' | 'visit'> & {
  readonly mqtt?: Defaulted<StoreConfig['mqtt'], 'topicPrefix' | 'browserUrl'>;
  readonly kiosk?: Defaulted<
    Omit<StoreConfig['kiosk'], 'rateLimit'> & {
      readonly rateLimit?: Defaulted<KioskRateLimit, 'maxTickets' | 'windowSec'>;
    },
    'idleResetSec'
  >;
  readonly visit?: Defaulted<
    Omit<VisitConfig, 'tips'> & { readonly tips?: VisitTipsConfig },
    'recheckAfterSec' | 'tips'
  >;
};

/** The shared pieces under "definitions" (a type alias: Ajv wants an index signature there). */
type Definitions = {
  readonly id: JSONSchemaType<string>;
  readonly language: JSONSchemaType<string>;
  readonly localizedText: JSONSchemaType<LocalizedText>;
  readonly tipText: JSONSchemaType<LocalizedText>;
  readonly tipList: JSONSchemaType<readonly LocalizedText[]>;
  readonly seconds: JSONSchemaType<number>;
  readonly ticketNumber: JSONSchemaType<number>;
  readonly time: JSONSchemaType<string>;
  readonly openingSpan: JSONSchemaType<OpeningSpan>;
  readonly openingHours: JSONSchemaType<OpeningHours>;
};

/**
 * A `$ref` to a definition, typed as the definition itself so the place that uses it is
 * checked too (JSONSchemaType would accept any `$ref` anywhere).
 */
function ref<K extends keyof Definitions>(name: K): Definitions[K] {
  return { $ref: `#/definitions/${name}` } as unknown as Definitions[K];
}

/**
 * An optional property. JSONSchemaType asks for `nullable: true` on each, which would let
 * `null` through; the config never allows null, so this satisfies the type and adds nothing.
 */
function optional<S extends object>(schema: S): S & { readonly nullable: true } {
  return schema as S & { readonly nullable: true };
}

const id: JSONSchemaType<string> = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' };
const language: JSONSchemaType<string> = {
  type: 'string',
  pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
};
const localizedText: JSONSchemaType<LocalizedText> = {
  type: 'object',
  minProperties: 1,
  required: [],
  description: 'Text per language, e.g. { "en": "Returns", "pl": "Zwroty" }.',
  patternProperties: { '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$': { type: 'string', minLength: 1 } },
  additionalProperties: false,
};
const tipText: JSONSchemaType<LocalizedText> = {
  type: 'object',
  minProperties: 1,
  required: [],
  description: 'A tip or script per language, e.g. { "en": "Hello!", "pl": "Dzień dobry!" }.',
  patternProperties: {
    '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$': { type: 'string', minLength: 1, maxLength: 500 },
  },
  additionalProperties: false,
};
const tipList: JSONSchemaType<readonly LocalizedText[]> = {
  type: 'array',
  maxItems: 20,
  items: ref('tipText'),
};
const seconds: JSONSchemaType<number> = { type: 'number', exclusiveMinimum: 0, maximum: 86400 };
const ticketNumber: JSONSchemaType<number> = { type: 'integer', minimum: 1, maximum: 999999 };

const time: JSONSchemaType<string> = {
  type: 'string',
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$',
  description: 'Wall-clock time in the store\'s time zone, "HH:MM" (24:00: midnight at the end).',
};
const openingSpan: JSONSchemaType<OpeningSpan> = {
  type: 'object',
  additionalProperties: false,
  required: ['open', 'close'],
  properties: { open: ref('time'), close: ref('time') },
};
const openingHours: JSONSchemaType<OpeningHours> = {
  type: 'object',
  additionalProperties: false,
  required: ['weekly'],
  description:
    'Opening hours: a span per weekday (a day left out is closed) and dated exceptions. No hours: open all day. README, Opening hours and the last ticket.',
  properties: {
    weekly: {
      type: 'object',
      additionalProperties: false,
      required: [],
      properties: {
        mon: optional(ref('openingSpan')),
        tue: optional(ref('openingSpan')),
        wed: optional(ref('openingSpan')),
        thu: optional(ref('openingSpan')),
        fri: optional(ref('openingSpan')),
        sat: optional(ref('openingSpan')),
        sun: optional(ref('openingSpan')),
      },
    },
    exceptions: optional({
      type: 'array',
      maxItems: 400,
      description:
        'Dates that differ from the week: { "date": "2026-12-25", "closed": true } or { "date": "2026-12-23", "open": "09:00", "close": "22:00" }.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['date'],
        properties: {
          date: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
          closed: optional({ type: 'boolean' }),
          open: optional(ref('time')),
          close: optional(ref('time')),
        },
      },
    }),
  },
};

const definitions: Definitions = {
  id,
  language,
  localizedText,
  tipText,
  tipList,
  seconds,
  ticketNumber,
  time,
  openingSpan,
  openingHours,
};

export const STORE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://nextup.example/schemas/store.schema.json',
  title: 'Nextup store configuration',
  description:
    "One store: its services, counters, ticket kiosks, languages and the tips of the clerk's visit assistant. Checked by `npx nextup check-config` and at hub start.",
  type: 'object',
  additionalProperties: false,
  required: ['store', 'services', 'counters', 'kiosks'],
  properties: {
    $schema: optional({
      type: 'string',
      description: 'Path to this schema, for editor completion.',
    }),
    store: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'timeZone', 'defaultLanguage', 'languages'],
      properties: {
        id: { ...ref('id'), description: 'Store id, used in MQTT topics: nextup/v1/{store}/...' },
        name: ref('localizedText'),
        timeZone: {
          type: 'string',
          minLength: 1,
          description:
            'IANA time zone of the store, e.g. Europe/Warsaw. The ticket day starts at local midnight.',
          examples: ['Europe/Warsaw', 'Europe/London', 'America/New_York'],
        },
        defaultLanguage: {
          ...ref('language'),
          description: 'Language shown first; every text must have it.',
        },
        languages: { type: 'array', minItems: 1, uniqueItems: true, items: ref('language') },
        customerLanguages: optional({
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: ref('language'),
          description:
            "Languages customers can choose on the kiosk, the tracking page and the lobby display (en, pl, hu, ru, hi, ar are translated). Default: the store's languages. Must include defaultLanguage.",
        }),
        hours: optional({
          ...ref('openingHours'),
          description:
            "The store's opening hours; kiosks stop issuing at closing minus each service's typical time. Absent: open all day.",
        }),
      },
    },
    services: {
      type: 'array',
      minItems: 1,
      description: 'What customers can take a ticket for.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'prefix', 'name', 'targetWaitSec', 'avgServiceSec'],
        properties: {
          id: ref('id'),
          prefix: {
            type: 'string',
            pattern: '^[A-Z]$',
            description:
              'One capital letter shown before the ticket number, e.g. "A" in A023. Unique per store.',
          },
          name: ref('localizedText'),
          targetWaitSec: {
            ...ref('seconds'),
            description: 'Wait above this raises an alert to open another counter.',
          },
          avgServiceSec: {
            ...ref('seconds'),
            description: 'Typical time at the counter, used for estimates until the day has data.',
          },
          allowPriority: optional({
            type: 'boolean',
            default: false,
            description:
              'The kiosk offers a priority ticket for this service; priority customers are called before the others.',
          }),
          hours: optional({
            ...ref('openingHours'),
            description: "This service's own hours where they differ from store.hours.",
          }),
          dailyCap: optional({
            type: 'integer',
            minimum: 1,
            maximum: 999999,
            description:
              'At most this many tickets a day for this service; then the kiosk says "No more tickets today for this service".',
          }),
          alertAtPlace: optional({
            type: 'integer',
            minimum: 1,
            maximum: 99,
            description:
              "The customer's phone alerts (sound, vibration, a notification) when the ticket is this many-th in line; default 3.",
          }),
          remote: optional({
            type: 'object',
            additionalProperties: false,
            required: ['checkIn', 'graceMin'],
            description:
              'Tickets taken from a phone (/join) for this service. checkIn: the customer taps "I\'m here" on the store\'s network (or types the number at the kiosk) before being called; the ticket keeps its place. graceMin: minutes from joining to check in, then the ticket is dropped. perHour: at most this many phone tickets an hour.',
            properties: {
              checkIn: { type: 'boolean' },
              graceMin: { type: 'number', minimum: 0.1, maximum: 720 },
              perHour: optional({ type: 'integer', minimum: 1, maximum: 10000 }),
            },
          }),
          booking: optional({
            type: 'object',
            additionalProperties: false,
            required: ['slotMin', 'perSlot'],
            description:
              "Times customers may book for this service at /book. slotMin: minutes per slot, from the service's opening hours, the last ending by closing. perSlot: customers per slot. lateMin: minutes after the slot's start a booked customer may still check in (default 10).",
            properties: {
              slotMin: { type: 'integer', minimum: 5, maximum: 240 },
              perSlot: { type: 'integer', minimum: 1, maximum: 100 },
              lateMin: optional({ type: 'integer', minimum: 0, maximum: 120 }),
            },
          }),
        },
      },
    },
    counters: {
      type: 'array',
      minItems: 1,
      description: 'Where clerks serve customers, and which services each counter handles.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'services'],
        properties: {
          id: ref('id'),
          name: ref('localizedText'),
          services: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: ref('id'),
            description: 'Service ids served at this counter.',
          },
        },
      },
    },
    kiosks: {
      type: 'array',
      minItems: 1,
      description:
        'Ticket-issuing devices. Each owns a number range, disjoint from the others, so kiosks cut off from each other never issue the same number.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'range'],
        properties: {
          id: ref('id'),
          name: ref('localizedText'),
          range: {
            type: 'object',
            additionalProperties: false,
            required: ['from', 'to'],
            properties: { from: ref('ticketNumber'), to: ref('ticketNumber') },
          },
        },
      },
    },
    mqtt: optional({
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        topicPrefix: optional({
          type: 'string',
          default: 'nextup/v1',
          description: 'Topic root before the store id. No wildcards, no empty levels.',
        }),
        browserUrl: optional({
          type: 'string',
          default: '',
          pattern: '^(wss?://.+)?$',
          description:
            "Broker WebSocket URL for browsers; empty means the hub's own ws(s)://<host>/mqtt.",
        }),
        homeAssistant: optional({
          type: 'boolean',
          default: false,
          description:
            "Publish Home Assistant MQTT discovery configs (retained, under homeassistant/<component>/<store>/...), so a Home Assistant pointed at the broker shows every service's wait, line, open counters, service level and alert. README, Home Assistant.",
        }),
      },
    }),
    kiosk: optional({
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        idleResetSec: optional({
          type: 'integer',
          minimum: 5,
          maximum: 3600,
          default: 20,
          description: 'A kiosk screen left alone this long returns to its start.',
        }),
        rateLimit: optional({
          type: 'object',
          additionalProperties: false,
          default: {},
          description:
            'At most maxTickets tickets from one kiosk within any windowSec seconds; more taps get a friendly "please wait" message.',
          properties: {
            maxTickets: optional({ type: 'integer', minimum: 1, maximum: 1000, default: 4 }),
            windowSec: optional({ type: 'integer', minimum: 1, maximum: 86400, default: 60 }),
          },
        }),
        publicUrl: optional({
          type: 'string',
          default: '',
          pattern: '^(https?://[^\\s]+)?$',
          description:
            "Base URL customers' phones use to reach the hub (the ticket's QR code points at <publicUrl>/t/<ticket>). Empty: the kiosk's own address.",
        }),
        printing: optional({
          type: 'string',
          enum: ['none', 'button', 'auto'],
          default: 'button',
          description:
            'Paper tickets: none, a print button on the ticket screen, or print every ticket automatically (with Chromium --kiosk-printing).',
        }),
        receipt: optional({
          type: 'object',
          additionalProperties: false,
          description: 'Texts printed on the 80 mm ticket above and below the number.',
          properties: {
            header: optional(ref('localizedText')),
            footer: optional(ref('localizedText')),
          },
        }),
        managerPin: optional({
          type: 'object',
          additionalProperties: false,
          required: ['salt', 'iterations', 'sha256'],
          description:
            'Opens the kiosk settings after the hidden gesture (five taps in the top corner). sha256 = SHA-256 applied `iterations` times to "<salt>:<pin>", in hex (see README). Without it the settings cannot be opened.',
          properties: {
            salt: { type: 'string', minLength: 1, maxLength: 100 },
            iterations: { type: 'integer', minimum: 1, maximum: 1000000 },
            sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          },
        }),
      },
    }),
    staff: optional({
      type: 'array',
      description:
        'Staff who sign in to a clerk tablet with a short PIN: their calls and visits are theirs in per-clerk reports. pin.sha256 = SHA-256 applied `iterations` times to "<salt>:<pin>", in hex (like kiosk.managerPin). Absent or empty: clerk tablets need no sign-in.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'pin'],
        properties: {
          id: ref('id'),
          name: { type: 'string', minLength: 1, maxLength: 80 },
          pin: {
            type: 'object',
            additionalProperties: false,
            required: ['salt', 'iterations', 'sha256'],
            properties: {
              salt: { type: 'string', minLength: 1, maxLength: 100 },
              iterations: { type: 'integer', minimum: 1, maximum: 1000000 },
              sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            },
          },
        },
      },
    }),
    board: optional({
      type: 'object',
      additionalProperties: false,
      description:
        "The lobby display's look: the store's logo and colours, and one announcement line under the calls. All optional; the manager's Settings view edits them.",
      properties: {
        logo: optional({
          type: 'string',
          maxLength: 200000,
          pattern: '^data:image/(png|jpeg|webp|gif|svg\\+xml);base64,[A-Za-z0-9+/]+={0,2}$',
          description:
            "The logo as a data: URL (PNG, JPEG, WebP, GIF or SVG, base64), at most about 145 KB of image: the board's security policy loads images from the hub only, so the image travels in the configuration.",
        }),
        colors: optional({
          type: 'object',
          additionalProperties: false,
          description: 'Colours as #rrggbb.',
          properties: {
            background: optional({ type: 'string', pattern: '^#[0-9a-fA-F]{6}$' }),
            text: optional({ type: 'string', pattern: '^#[0-9a-fA-F]{6}$' }),
            accent: optional({ type: 'string', pattern: '^#[0-9a-fA-F]{6}$' }),
          },
        }),
        announcement: optional({
          ...ref('localizedText'),
          description:
            'One line along the bottom of the board, per language, e.g. { "en": "Closing at 18:00 today" }.',
        }),
      },
    }),
    visit: optional({
      type: 'object',
      additionalProperties: false,
      default: {},
      description:
        "The clerk's visit assistant: the browsing re-check and the tips shown at each step.",
      properties: {
        recheckAfterSec: optional({
          type: 'integer',
          minimum: 1,
          maximum: 3600,
          default: 180,
          description:
            'While a customer browses alone, remind the clerk to check back ("Are you finding everything?") after this many seconds.',
        }),
        tips: optional({
          type: 'object',
          additionalProperties: false,
          default: {},
          description:
            'Texts for the clerk screen, one per store language. Steps without tips show none.',
          properties: {
            scripts: optional({
              type: 'object',
              additionalProperties: false,
              default: {},
              description: 'The one line to say at a step, shown big.',
              properties: {
                greeting: optional(ref('tipText')),
                offeringHelp: optional(ref('tipText')),
                'browsing.looking': optional(ref('tipText')),
                'browsing.reminderDue': optional(ref('tipText')),
                assisting: optional(ref('tipText')),
                'checkingOut.asking': optional(ref('tipText')),
                'checkingOut.paying': optional(ref('tipText')),
                thanking: optional(ref('tipText')),
                escalated: optional(ref('tipText')),
                done: optional(ref('tipText')),
                transferred: optional(ref('tipText')),
                abandoned: optional(ref('tipText')),
              },
            }),
            steps: optional({
              type: 'object',
              additionalProperties: false,
              default: {},
              description: 'Short tips per step; the screen shows up to three.',
              properties: {
                greeting: optional(ref('tipList')),
                offeringHelp: optional(ref('tipList')),
                'browsing.looking': optional(ref('tipList')),
                'browsing.reminderDue': optional(ref('tipList')),
                assisting: optional(ref('tipList')),
                'checkingOut.asking': optional(ref('tipList')),
                'checkingOut.paying': optional(ref('tipList')),
                thanking: optional(ref('tipList')),
                escalated: optional(ref('tipList')),
                done: optional(ref('tipList')),
                transferred: optional(ref('tipList')),
                abandoned: optional(ref('tipList')),
              },
            }),
            difficult: optional({
              type: 'object',
              additionalProperties: false,
              default: {},
              description: 'Tips the clerk opens with one tap for a difficult customer.',
              properties: {
                undecided: optional(ref('tipList')),
                knowItAll: optional(ref('tipList')),
                rude: optional(ref('tipList')),
                offended: optional(ref('tipList')),
              },
            }),
          },
        }),
      },
    }),
    booking: optional({
      type: 'object',
      additionalProperties: false,
      required: ['range'],
      description: 'Booking a time at /book (README, Book a time). Absent: not offered.',
      properties: {
        range: {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'to'],
          description:
            'The numbers of tickets the hub issues when a booked customer checks in on their phone; disjoint from every kiosk range and join.range.',
          properties: { from: ref('ticketNumber'), to: ref('ticketNumber') },
        },
        daysAhead: optional({
          type: 'integer',
          minimum: 1,
          maximum: 366,
          description: 'How many days ahead customers may book, today included (default 14).',
        }),
        perAddressPerDay: optional({
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description: 'At most this many bookings from one network address a day (default 5).',
        }),
      },
    }),
    join: optional({
      type: 'object',
      additionalProperties: false,
      required: ['range'],
      description:
        'Joining the line from a phone at /join (README, Join from a phone). Absent: not offered.',
      properties: {
        range: {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'to'],
          description: 'The numbers phone tickets take; disjoint from every kiosk range.',
          properties: { from: ref('ticketNumber'), to: ref('ticketNumber') },
        },
        perAddressPerHour: optional({
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description:
            'At most this many phone tickets from one network address an hour (default 3).',
        }),
        storeNetworks: optional({
          type: 'array',
          maxItems: 50,
          items: { type: 'string', pattern: '^[0-9a-fA-F.:]+/[0-9]{1,3}$' },
          description:
            'The store network where "I\'m here" is believed, as CIDRs (e.g. "192.168.1.0/24"). Default: private ranges and loopback.',
        }),
      },
    }),
    retention: optional({
      type: 'object',
      additionalProperties: false,
      required: ['personalDataDays'],
      description: 'How long the hub keeps personal data. README, What Nextup stores.',
      properties: {
        personalDataDays: {
          type: 'integer',
          minimum: 0,
          maximum: 3650,
          default: 30,
          description:
            "Days the hub keeps personal text (clerks' notes, handover and manager-call reasons; names once customers give them) before a daily job removes it from the history; the events themselves stay. 0 keeps it.",
        },
      },
    }),
  },
  definitions: definitions,
} satisfies JSONSchemaType<StoreConfigInput>;

/**
 * Schema properties the type does not have (JSONSchemaType checks only the other way): a
 * union of their names, `never` when there are none. `NoExtraSchemaFields` fails to compile
 * otherwise.
 */
type ExtraKeys<S, T> = S extends { readonly properties: infer P }
  ? | Exclude<keyof P, keyof T>
    | { [K in keyof P & keyof T]: ExtraKeys<P[K], NonNullable<T[K]>> }[keyof P & keyof T]
  : S extends { readonly items: infer I }
    ? T extends readonly (infer E)[]
      ? ExtraKeys<I, E>
      : never
    : never;
type MustBeNever<T extends never> = T;
export type NoExtraSchemaFields = MustBeNever<ExtraKeys<typeof STORE_SCHEMA, StoreConfigInput>>;
