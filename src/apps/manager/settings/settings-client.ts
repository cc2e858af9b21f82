import type { SettingsChange, SettingsView } from '../../../domain/config/settings.ts';

/** The hub refused a change: its message, and one "field: what is wrong" per problem. */
export class SettingsRefused extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
    this.name = 'SettingsRefused';
  }
}

/** The hub's settings API as the Settings view uses it (src/hub/settings-api.ts). */
async function call(auth: string, change?: SettingsChange): Promise<SettingsView> {
  const res = await fetch('/api/settings', {
    method: change === undefined ? 'GET' : 'PUT',
    headers: {
      Authorization: auth,
      ...(change === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(change === undefined ? {} : { body: JSON.stringify(change) }),
    cache: 'no-store',
  });
  const json = (await res.json().catch(() => ({}))) as { error?: unknown; problems?: unknown };
  if (!res.ok) {
    const message = typeof json.error === 'string' ? json.error : `HTTP ${res.status}`;
    const problems = Array.isArray(json.problems) ? json.problems.map(String) : [message];
    throw new SettingsRefused(message, problems);
  }
  return json as SettingsView;
}

export const settingsClient = {
  load: (auth: string) => call(auth),
  save: (auth: string, change: SettingsChange) => call(auth, change),
};
