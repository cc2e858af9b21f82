import type {
  BoardConfig,
  CounterConfig,
  LocalizedText,
  ManagerPinConfig,
  ServiceConfig,
  StoreConfig,
} from './types.ts';

/**
 * The store settings a manager edits on screen (src/apps/manager/settings) and the hub writes
 * into store.json and applies while running (src/hub/settings-api.ts). The rules here are the
 * ones both sides check before anything is sent or written; the hub then checks the whole
 * file with the loader's schema and cross-checks, the one source of truth for its shape.
 */

/** A member of staff as the screen sees them: their PIN hash never leaves the hub this way. */
export interface StaffView {
  readonly id: string;
  readonly name: string;
}

/** GET /api/settings. */
export interface SettingsView {
  /** Changes with every write; a change names the version it was made on. */
  readonly version: string;
  /** Languages a text may be written in (store.languages, then the customers' extra ones). */
  readonly languages: readonly string[];
  readonly services: readonly ServiceConfig[];
  readonly counters: readonly CounterConfig[];
  readonly staff: readonly StaffView[];
  /** Whether the kiosk settings have a PIN (without one, the kiosk offers no settings). */
  readonly kioskPinSet: boolean;
  readonly board: BoardConfig;
}

export interface StaffChange {
  readonly id: string;
  readonly name: string;
  /** A new PIN; absent: the member keeps theirs (a new member must have one). */
  readonly pin?: string;
}

/** PUT /api/settings: each section present replaces the current one. */
export interface SettingsChange {
  /** The version the change was made on: refused if the settings changed meanwhile. */
  readonly version?: string;
  readonly services?: readonly ServiceConfig[];
  readonly counters?: readonly CounterConfig[];
  readonly staff?: readonly StaffChange[];
  /** A new PIN for the kiosk settings. */
  readonly kioskPin?: string;
  readonly board?: BoardConfig;
}

/** Sections applied while the hub runs, in the order the hub's log line names them. */
export const LIVE_SECTIONS = ['services', 'counters', 'staff', 'kioskPin', 'board'] as const;
export type LiveSection = (typeof LIVE_SECTIONS)[number];

/** Sections the hub, its broker and every device's storage are built on: file and restart. */
export const RESTART_SECTIONS = ['store', 'mqtt'] as const;

/** A PIN is 4 to 8 digits: the kiosk's and the clerk tablet's pads have digits only. */
export const PIN_PATTERN = /^[0-9]{4,8}$/;
/** The board's announcement, per language: one line a room can read. */
export const ANNOUNCEMENT_MAX = 120;
/** The board's logo as a data: URL (the schema's maxLength; about 145 KB of image). */
export const LOGO_MAX_CHARS = 200_000;
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const LOGO_PATTERN =
  /^data:image\/(png|jpeg|webp|gif|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
/** The board's own colours (src/apps/board/board.css), where the store sets none. */
export const BOARD_COLOURS = {
  background: '#0c1420',
  text: '#f4f7fa',
  accent: '#ffd166',
  /** The tiles the calls and numbers sit on: not a setting. */
  panel: '#16212f',
} as const;
/** WCAG 2.2 AA contrast: normal text, and large text (the board's numbers). */
export const TEXT_CONTRAST = 4.5;
export const NUMBER_CONTRAST = 3;
/** Iterations of a PIN set from the settings, as the demo config's (src/domain/kiosk/pin.ts). */
export const PIN_ITERATIONS = 10_000;

export type SettingsRule =
  | 'pin'
  | 'pinNeeded'
  | 'required'
  | 'prefix'
  | 'seconds'
  | 'colour'
  | 'tooLong'
  | 'logo'
  | 'contrast';

/** One broken rule: `path` reads like the loader's messages, e.g. "staff[1].pin". */
export interface SettingsProblem {
  readonly path: string;
  readonly rule: SettingsRule;
}

const RULE_TEXT: Record<SettingsRule, string> = {
  pin: 'must be 4 to 8 digits',
  pinNeeded: 'a new member of staff needs a PIN',
  required: 'must not be empty',
  prefix: 'must be a single capital letter',
  seconds: 'must be a whole number of seconds above 0',
  colour: 'must be a colour like "#1a2b3c"',
  tooLong: `must be at most ${ANNOUNCEMENT_MAX} characters long`,
  logo: `must be a PNG, JPEG, WebP, GIF or SVG image of at most ${LOGO_MAX_CHARS} characters as a data: URL`,
  contrast: `is too close to the board's background colours to read across the room (text needs a contrast of ${TEXT_CONTRAST}:1, numbers ${NUMBER_CONTRAST}:1)`,
};

/** "staff[1].pin: must be 4 to 8 digits", as the hub answers it. */
export function describeProblem(p: SettingsProblem): string {
  return `${p.path}: ${RULE_TEXT[p.rule]}`;
}

/**
 * The rules a change must keep before the hub looks at the whole file. `staffIds`: the
 * members the store lists now (they may keep their PIN).
 */
export function settingsProblems(
  change: SettingsChange,
  staffIds: readonly string[],
): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  change.services?.forEach((s, i) => out.push(...serviceProblems(s, `services[${i}]`)));
  change.counters?.forEach((c, i) => {
    out.push(...textProblems(c.name, `counters[${i}].name`));
  });
  change.staff?.forEach((m, i) => {
    const at = `staff[${i}]`;
    if (!filled(m.name)) out.push({ path: `${at}.name`, rule: 'required' });
    if (m.pin !== undefined && !(typeof m.pin === 'string' && PIN_PATTERN.test(m.pin))) {
      out.push({ path: `${at}.pin`, rule: 'pin' });
    }
    if (m.pin === undefined && !staffIds.includes(m.id)) {
      out.push({ path: `${at}.pin`, rule: 'pinNeeded' });
    }
  });
  const { kioskPin } = change;
  if (kioskPin !== undefined && !(typeof kioskPin === 'string' && PIN_PATTERN.test(kioskPin))) {
    out.push({ path: 'kioskPin', rule: 'pin' });
  }
  if (change.board) out.push(...boardProblems(change.board));
  return out;
}

function serviceProblems(s: ServiceConfig, at: string): SettingsProblem[] {
  const out = textProblems(s.name, `${at}.name`);
  if (!/^[A-Z]$/.test(String(s.prefix))) out.push({ path: `${at}.prefix`, rule: 'prefix' });
  for (const key of ['targetWaitSec', 'avgServiceSec'] as const) {
    if (!Number.isInteger(s[key]) || s[key] <= 0)
      out.push({ path: `${at}.${key}`, rule: 'seconds' });
  }
  return out;
}

function textProblems(text: LocalizedText | undefined, at: string): SettingsProblem[] {
  const entries = entriesOf(text);
  if (entries.length === 0) return [{ path: at, rule: 'required' }];
  return entries
    .filter(([, value]) => !filled(value))
    .map(([lang]) => ({ path: `${at}.${lang}`, rule: 'required' as const }));
}

/** The board's rules; the loader checks a board written by hand with them too. */
export function boardProblems(board: BoardConfig): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  for (const [key, value] of entriesOf(board.colors)) {
    if (value !== '' && !(typeof value === 'string' && COLOUR_PATTERN.test(value))) {
      out.push({ path: `board.colors.${key}`, rule: 'colour' });
    }
  }
  for (const [lang, value] of entriesOf(board.announcement)) {
    if (typeof value === 'string' && value.length > ANNOUNCEMENT_MAX)
      out.push({ path: `board.announcement.${lang}`, rule: 'tooLong' });
  }
  out.push(...contrastProblems(board.colors));
  const logo: unknown = board.logo;
  if (logo !== undefined && logo !== '' && !isLogo(logo)) {
    out.push({ path: 'board.logo', rule: 'logo' });
  }
  return out;
}

/** The board's colours as it paints them (src/apps/board): its own, or the store's. */
export interface BoardPalette {
  readonly background: string;
  readonly text: string;
  readonly accent: string;
  /** The tiles the calls and numbers sit on. */
  readonly panel: string;
  readonly line: string;
  /** Section titles and the clock. */
  readonly muted: string;
}

/**
 * The store's colours with the board's own where it set none. With its own background or
 * text, the tiles, lines and muted text are mixed from the two, so a light board has light
 * tiles; undefined when the store sets no colour (board.css as it is).
 */
export function boardPalette(colors: BoardConfig['colors']): BoardPalette | undefined {
  const set = Object.fromEntries(
    entriesOf(colors).filter(([, v]) => typeof v === 'string' && COLOUR_PATTERN.test(v)),
  ) as Partial<Record<'background' | 'text' | 'accent', string>>;
  if (Object.keys(set).length === 0) return undefined;
  const background = set.background ?? BOARD_COLOURS.background;
  const text = set.text ?? BOARD_COLOURS.text;
  const own = set.background === undefined && set.text === undefined;
  return {
    background,
    text,
    accent: set.accent ?? BOARD_COLOURS.accent,
    panel: own ? BOARD_COLOURS.panel : mix(background, text, 0.92),
    line: own ? '#2a3748' : mix(background, text, 0.8),
    muted: own ? '#a9b6c4' : mix(text, background, 0.78),
  };
}

/**
 * Text and muted text on the background and the tiles, numbers on both: readable by WCAG AA.
 * Reported at the colour the store set (the text or the numbers when it set both).
 */
function contrastProblems(colors: BoardConfig['colors']): SettingsProblem[] {
  const p = boardPalette(colors);
  if (!p) return [];
  const setKey = (key: 'text' | 'accent') =>
    typeof colors?.[key] === 'string' && colors[key] !== '' ? key : 'background';
  const checks: ['text' | 'accent', string, number][] = [
    ['text', p.text, TEXT_CONTRAST],
    ['text', p.muted, TEXT_CONTRAST],
    ['accent', p.accent, NUMBER_CONTRAST],
  ];
  const out: SettingsProblem[] = [];
  for (const [key, colour, needed] of checks) {
    if (Math.min(contrast(colour, p.background), contrast(colour, p.panel)) >= needed) continue;
    const path = `board.colors.${setKey(key)}`;
    if (!out.some((o) => o.path === path)) out.push({ path, rule: 'contrast' });
  }
  return out;
}

/** `a` weighted `wa`, `b` the rest, channel by channel (as CSS color-mix in srgb). */
function mix(a: string, b: string, wa: number): string {
  return `#${[1, 3, 5]
    .map((i) => {
      const v = parseInt(a.slice(i, i + 2), 16) * wa + parseInt(b.slice(i, i + 2), 16) * (1 - wa);
      return Math.round(v).toString(16).padStart(2, '0');
    })
    .join('')}`;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function isLogo(logo: unknown): boolean {
  return typeof logo === 'string' && logo.length <= LOGO_MAX_CHARS && LOGO_PATTERN.test(logo);
}

function filled(text: unknown): boolean {
  return typeof text === 'string' && text.trim() !== '';
}

/** A body from the network may hold anything: only a plain object has entries here. */
function entriesOf(x: unknown): [string, unknown][] {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? Object.entries(x) : [];
}

/** The live sections as the manager's screen reads them. */
export function settingsView(config: StoreConfig, version: string): SettingsView {
  const { languages } = config.store;
  return {
    version,
    languages: [...new Set([...languages, ...(config.store.customerLanguages ?? [])])],
    services: config.services,
    counters: config.counters,
    staff: (config.staff ?? []).map(({ id, name }) => ({ id, name })),
    kioskPinSet: config.kiosk.managerPin !== undefined,
    board: config.board ?? {},
  };
}

/** The sections a change carries, in LIVE_SECTIONS order. */
export function changedSections(change: SettingsChange): LiveSection[] {
  return LIVE_SECTIONS.filter((s) => change[s] !== undefined);
}

type FileObject = Record<string, unknown>;

/**
 * The config file with the change in it: sections replaced, everything else as it was (the
 * editor's "$schema" hint, the visit tips). A new PIN is hashed with `hashPin`; a member
 * without one keeps theirs. Call only on a change without settingsProblems.
 */
export function withSettings(
  file: FileObject,
  change: SettingsChange,
  hashPin: (pin: string) => ManagerPinConfig,
): FileObject {
  const next: FileObject = { ...file };
  if (change.services) next.services = change.services;
  if (change.counters) next.counters = change.counters;
  if (change.staff) {
    const current = Array.isArray(file.staff)
      ? (file.staff as { id?: unknown; pin?: unknown }[])
      : [];
    next.staff = change.staff.map((m) => ({
      id: m.id,
      name: m.name,
      pin: m.pin !== undefined ? hashPin(m.pin) : current.find((c) => c.id === m.id)?.pin,
    }));
  }
  if (change.kioskPin !== undefined) {
    const kiosk = typeof file.kiosk === 'object' && file.kiosk !== null ? file.kiosk : {};
    next.kiosk = { ...kiosk, managerPin: hashPin(change.kioskPin) };
  }
  if (change.board) {
    const board = withoutEmpty(change.board);
    if (Object.keys(board).length > 0) next.board = board;
    else delete next.board;
  }
  return next;
}

/** Empty colours and texts mean "none": they leave the file, not an empty string. */
// not yet checked: the schema judges what is left
function withoutEmpty(board: BoardConfig): Record<string, unknown> {
  const colors = Object.fromEntries(entriesOf(board.colors).filter(([, v]) => v !== ''));
  const announcement = Object.fromEntries(
    entriesOf(board.announcement).filter(
      ([, v]) => v !== '' && (typeof v !== 'string' || filled(v)),
    ),
  );
  return {
    ...(board.logo ? { logo: board.logo } : {}),
    ...(Object.keys(colors).length > 0 ? { colors } : {}),
    ...(Object.keys(announcement).length > 0 ? { announcement } : {}),
  };
}
