import {
  settingsProblems,
  type LiveSection,
  type SettingsChange,
  type SettingsProblem,
  type SettingsView,
  type StaffChange,
} from '../../../domain/config/settings.ts';
import type {
  BoardConfig,
  CounterConfig,
  LocalizedText,
  ServiceConfig,
} from '../../../domain/config/types.ts';

/**
 * The Settings view's form: the hub's settings as loaded, the manager's edits, and which
 * sections they touched (only those are sent). Components render it and send events; the
 * rules are the hub's own (src/domain/config/settings.ts).
 */
export interface SettingsDraft {
  readonly loaded: SettingsView;
  readonly services: readonly ServiceConfig[];
  readonly counters: readonly CounterConfig[];
  readonly staff: readonly StaffChange[];
  /** A new kiosk PIN ('' : unchanged). */
  readonly kioskPin: string;
  readonly board: BoardConfig;
  readonly touched: ReadonlySet<LiveSection>;
}

export type ColourKey = 'background' | 'text' | 'accent';

export type SettingsEvent =
  | { type: 'service'; index: number; patch: Partial<Omit<ServiceConfig, 'id' | 'name'>> }
  | { type: 'serviceName'; index: number; language: string; value: string }
  | { type: 'counterName'; index: number; language: string; value: string }
  | { type: 'counterService'; index: number; service: string; on: boolean }
  | { type: 'staffName'; index: number; value: string }
  | { type: 'staffPin'; index: number; value: string }
  | { type: 'staffAdd' }
  | { type: 'staffRemove'; index: number }
  | { type: 'kioskPin'; value: string }
  | { type: 'boardColour'; key: ColourKey; value: string | undefined }
  | { type: 'boardAnnouncement'; language: string; value: string }
  | { type: 'boardLogo'; value: string | undefined };

export function draftOf(view: SettingsView): SettingsDraft {
  return {
    loaded: view,
    services: view.services,
    counters: view.counters,
    staff: view.staff.map(({ id, name }) => ({ id, name })),
    kioskPin: '',
    board: view.board,
    touched: new Set(),
  };
}

export function settingsReducer(draft: SettingsDraft, event: SettingsEvent): SettingsDraft {
  switch (event.type) {
    case 'service':
      return edit(draft, 'services', {
        services: replaceAt(draft.services, event.index, (s) => ({ ...s, ...event.patch })),
      });
    case 'serviceName':
      return edit(draft, 'services', {
        services: replaceAt(draft.services, event.index, (s) => ({
          ...s,
          name: withText(s.name, event.language, event.value),
        })),
      });
    case 'counterName':
      return edit(draft, 'counters', {
        counters: replaceAt(draft.counters, event.index, (c) => ({
          ...c,
          name: withText(c.name, event.language, event.value),
        })),
      });
    case 'counterService':
      return edit(draft, 'counters', {
        counters: replaceAt(draft.counters, event.index, (c) => ({
          ...c,
          services: draft.services
            .map((s) => s.id)
            .filter((id) => (id === event.service ? event.on : c.services.includes(id))),
        })),
      });
    default:
      return staffOrBoard(draft, event);
  }
}

function staffOrBoard(draft: SettingsDraft, event: SettingsEvent): SettingsDraft {
  switch (event.type) {
    case 'staffName':
      return edit(draft, 'staff', {
        staff: replaceAt(draft.staff, event.index, (m) => ({ ...m, name: event.value })),
      });
    case 'staffPin':
      return edit(draft, 'staff', {
        staff: replaceAt(draft.staff, event.index, ({ pin: _old, ...m }) =>
          event.value === '' ? m : { ...m, pin: event.value },
        ),
      });
    case 'staffAdd':
      return edit(draft, 'staff', {
        staff: [...draft.staff, { id: freeStaffId(draft), name: '' }],
      });
    case 'staffRemove':
      return edit(draft, 'staff', { staff: draft.staff.filter((_, i) => i !== event.index) });
    case 'kioskPin':
      return edit(draft, 'kioskPin', { kioskPin: event.value });
    case 'boardColour':
      return edit(draft, 'board', {
        board: { ...draft.board, colors: { ...draft.board.colors, [event.key]: event.value } },
      });
    case 'boardAnnouncement':
      return edit(draft, 'board', {
        board: {
          ...draft.board,
          announcement: withText(draft.board.announcement ?? {}, event.language, event.value),
        },
      });
    case 'boardLogo':
      return edit(draft, 'board', { board: { ...draft.board, logo: event.value } });
    default:
      return draft;
  }
}

/** What Save sends: the touched sections, on the version they were loaded from. */
export function changeOf(draft: SettingsDraft): SettingsChange {
  const { touched } = draft;
  return {
    version: draft.loaded.version,
    ...(touched.has('services') ? { services: draft.services } : {}),
    ...(touched.has('counters') ? { counters: draft.counters } : {}),
    ...(touched.has('staff') ? { staff: draft.staff } : {}),
    ...(touched.has('kioskPin') && draft.kioskPin !== '' ? { kioskPin: draft.kioskPin } : {}),
    ...(touched.has('board') ? { board: draft.board } : {}),
  };
}

/** The hub's rules, checked before anything is sent. */
export function draftProblems(draft: SettingsDraft): SettingsProblem[] {
  return settingsProblems(
    changeOf(draft),
    draft.loaded.staff.map((m) => m.id),
  );
}

export function hasChanges(draft: SettingsDraft): boolean {
  return Object.keys(changeOf(draft)).length > 1;
}

function edit(
  draft: SettingsDraft,
  section: LiveSection,
  patch: Partial<SettingsDraft>,
): SettingsDraft {
  return { ...draft, ...patch, touched: new Set([...draft.touched, section]) };
}

/** An emptied field drops its language (a name need not exist in every language). */
function withText(text: LocalizedText, language: string, value: string): LocalizedText {
  const rest = Object.fromEntries(Object.entries(text).filter(([lang]) => lang !== language));
  return value === '' ? rest : { ...rest, [language]: value };
}

function replaceAt<T>(list: readonly T[], index: number, f: (item: T) => T): T[] {
  return list.map((item, i) => (i === index ? f(item) : item));
}

/**
 * An id for a new member of staff: "staff-<n>", used by nobody listed or loaded (a removed
 * member's id would keep their PIN).
 */
function freeStaffId(draft: SettingsDraft): string {
  const taken = new Set([...draft.staff, ...draft.loaded.staff].map((m) => m.id));
  let n = draft.staff.length + 1;
  while (taken.has(`staff-${n}`)) n++;
  return `staff-${n}`;
}
