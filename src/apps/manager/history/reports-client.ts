import type { AccuracyReport } from '../../../domain/reports/accuracy.ts';
import type { FeedbackReport, QueueReport, StepReport } from '../../../domain/reports/query.ts';

/**
 * Reading reports from the hub (/api/reports, see src/hub/reports-api.ts). Every answer is kept
 * in localStorage, so the history opens offline with what was last seen, and says how old it is.
 * The hub answers only a manager device: every request carries the runtime's `apiAuth`.
 */
export type ReportQuery = `${'queue' | 'steps' | 'feedback' | 'accuracy'}?${string}`;

export interface ReportAnswer<R> {
  readonly report: R;
  /** When the hub made it (ms). */
  readonly generatedAt: number;
  /** How long the hub took (ms). */
  readonly ms: number;
}

export type ReportOf<Q extends string> = Q extends `queue?${string}`
  ? QueueReport
  : Q extends `steps?${string}`
    ? StepReport
    : Q extends `accuracy?${string}`
      ? AccuracyReport
      : FeedbackReport;

const CACHE_PREFIX = 'nextup.report:';
const CACHE_LIMIT = 60;

export function reportUrl(query: string, from: string, to: string, csv = false): string {
  return `/api/reports/${query}&from=${from}&to=${to}${csv ? '&format=csv' : ''}`;
}

export type Loaded<R> =
  | { readonly state: 'fresh'; readonly answer: ReportAnswer<R> }
  | { readonly state: 'cached'; readonly answer: ReportAnswer<R>; readonly savedAt: number }
  | { readonly state: 'failed'; readonly error: string };

/** The Authorization header of a manager request (none on a device without credentials). */
export function authHeaders(auth: string | undefined): Record<string, string> {
  return auth ? { Authorization: auth } : {};
}

export async function loadReport<R>(
  url: string,
  auth: string | undefined,
  signal: AbortSignal,
): Promise<Loaded<R>> {
  try {
    const res = await fetch(url, { signal, headers: authHeaders(auth), cache: 'no-store' });
    const body = (await res.json()) as ReportAnswer<R> & { error?: string };
    if (!res.ok) return { state: 'failed', error: body.error ?? `HTTP ${res.status}` };
    save(url, body);
    return { state: 'fresh', answer: body };
  } catch (err) {
    if (signal.aborted) throw err;
    const kept = read<R>(url);
    if (kept) return { state: 'cached', answer: kept.answer, savedAt: kept.savedAt };
    return { state: 'failed', error: (err as Error).message };
  }
}

/**
 * Saves a file the hub makes (a report as CSV, the portable log) on this device. A plain link
 * cannot send the manager's credentials, so the file is fetched, then saved from a blob: URL.
 * Rejects with the hub's reason when it refuses.
 */
export async function downloadFromHub(url: string, auth: string | undefined): Promise<void> {
  const res = await fetch(url, { headers: authHeaders(auth), cache: 'no-store' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    throw new Error(typeof body.error === 'string' ? body.error : `HTTP ${res.status}`);
  }
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'nextup-export';
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // the browser reads the blob after this task: free it a little later
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

function save(url: string, answer: unknown): void {
  try {
    localStorage.setItem(CACHE_PREFIX + url, JSON.stringify({ savedAt: Date.now(), answer }));
    // keep the cache small: drop the oldest entries beyond the limit
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(CACHE_PREFIX));
    if (keys.length > CACHE_LIMIT) {
      const aged = keys
        .map(
          (k) =>
            [
              k,
              (JSON.parse(localStorage.getItem(k) ?? '{}') as { savedAt?: number }).savedAt ?? 0,
            ] as const,
        )
        .sort((a, b) => a[1] - b[1]);
      for (const [k] of aged.slice(0, keys.length - CACHE_LIMIT)) localStorage.removeItem(k);
    }
  } catch {
    // storage full or blocked: the report still shows, only not offline
  }
}

function read<R>(url: string): { savedAt: number; answer: ReportAnswer<R> } | undefined {
  try {
    const raw = localStorage.getItem(CACHE_PREFIX + url);
    return raw ? (JSON.parse(raw) as { savedAt: number; answer: ReportAnswer<R> }) : undefined;
  } catch {
    return undefined;
  }
}
