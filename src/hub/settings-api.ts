import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIVE_SECTIONS, RESTART_SECTIONS, settingsView } from '../domain/config/settings.ts';
import { readBody } from './body.ts';
import { jsonObject, sendJson } from './json-response.ts';
import type { Logger } from './log.ts';
import type { ManagerGate } from './manager-auth.ts';
import type { StoreSettings } from './store-settings.ts';

/**
 * The store settings without editing JSON, the manager's only (HTTP Basic, manager device):
 *   GET /api/settings  -> SettingsView (services, counters, staff without their PINs, whether
 *                         the kiosk has a PIN, the board)
 *   PUT /api/settings  SettingsChange -> SettingsView; 400 naming the field, 409 when the
 *                         settings changed meanwhile or the change needs a restart
 * A change is checked by the loader's own schema, written to store.json (the old one kept as
 * store.json.bak) and in force at once: on the hub, and on every device (src/hub/agent.ts).
 */
export interface SettingsApiOptions {
  readonly settings: StoreSettings;
  readonly log: Logger;
  readonly manager: ManagerGate;
}

const PATH = '/api/settings';
/** Room for the board's logo (LOGO_MAX_CHARS) and the rest of the settings. */
const MAX_BODY = 512 * 1024;

export function createSettingsApi(opts: SettingsApiOptions) {
  const { settings, log } = opts;

  const view = () => settingsView(settings.current(), settings.version());

  async function put(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, res, MAX_BODY);
    if (raw === undefined) return;
    const body = jsonObject(raw);
    if (!body) return sendJson(res, 400, { error: 'the body must be a JSON object' });
    const refusal = sectionRefusal(Object.keys(body));
    if (refusal) return sendJson(res, refusal.status, { error: refusal.error });
    let outcome;
    try {
      outcome = await settings.change(body);
    } catch (err) {
      const why = (err as Error).message;
      log.error('settings', `store.json could not be written: ${why}`);
      return sendJson(res, 503, {
        error: `the settings could not be saved (${why}); nothing changed`,
      });
    }
    if (!outcome.ok) {
      return sendJson(res, outcome.status, { error: outcome.error, problems: outcome.problems });
    }
    const by = managerOf(req.headers.authorization);
    log.info('settings', `settings changed by ${by}: ${outcome.sections.join(', ') || 'nothing'}`);
    sendJson(res, 200, view());
  }

  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    urlPath: string,
  ): Promise<boolean> {
    if (urlPath !== PATH) return false;
    if (!opts.manager(req, res, 'settings')) return true;
    const method = req.method ?? 'GET';
    if (method === 'GET') sendJson(res, 200, view());
    else if (method === 'PUT') await put(req, res);
    else sendJson(res, 405, { error: 'method not allowed' });
    return true;
  };
}

/** What the settings cannot change: said plainly, before anything is read from the disk. */
function sectionRefusal(keys: readonly string[]): { status: 400 | 409; error: string } | undefined {
  const restart = keys.filter((k) => (RESTART_SECTIONS as readonly string[]).includes(k));
  if (restart.length > 0) {
    return {
      status: 409,
      error: `${restart.join(' and ')}: cannot change while the hub runs; edit kiosk-config/store.json and restart the hub`,
    };
  }
  const allowed: readonly string[] = ['version', ...LIVE_SECTIONS];
  const other = keys.filter((k) => !allowed.includes(k));
  if (other.length > 0) {
    return {
      status: 400,
      error: `${other.join(', ')}: not part of the settings (expected: ${LIVE_SECTIONS.join(', ')}); edit kiosk-config/store.json and restart the hub`,
    };
  }
  // nothing to write: the file is left as it is, not rewritten
  if (!keys.some((k) => k !== 'version')) {
    return { status: 400, error: `nothing to change (expected: ${LIVE_SECTIONS.join(', ')})` };
  }
  return undefined;
}

/** The manager device's id (the gate has checked its credentials). */
function managerOf(header: string | undefined): string {
  const decoded = Buffer.from((header ?? '').slice(6), 'base64').toString();
  return decoded.slice(0, Math.max(0, decoded.indexOf(':'))) || 'a manager';
}
