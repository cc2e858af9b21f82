import { useState } from 'react';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import { HubDownload } from './HubDownload.tsx';
import type { DayRange } from './RangePicker.tsx';

type ImportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending'; readonly percent: number }
  | { readonly kind: 'done'; readonly events: number; readonly days: number }
  | { readonly kind: 'failed'; readonly error: string };

/** Sends a portable log to the hub, reporting upload progress (fetch cannot, XHR can). */
function upload(
  file: File,
  auth: string | undefined,
  onProgress: (percent: number) => void,
): Promise<ImportState> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports/import');
    xhr.setRequestHeader('Content-Type', 'application/x-ndjson');
    if (auth) xhr.setRequestHeader('Authorization', auth);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((100 * e.loaded) / e.total));
    };
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as {
          events?: number;
          days?: string[];
          error?: string;
        };
        resolve(
          xhr.status === 200
            ? { kind: 'done', events: body.events ?? 0, days: body.days?.length ?? 0 }
            : { kind: 'failed', error: body.error ?? `HTTP ${xhr.status}` },
        );
      } catch {
        resolve({ kind: 'failed', error: `HTTP ${xhr.status}` });
      }
    };
    xhr.onerror = () => resolve({ kind: 'failed', error: 'network' });
    xhr.send(file);
  });
}

/** The store's history out (portable log of the chosen days) and in (a log from elsewhere). */
export function DataSection({ range, onImported }: { range: DayRange; onImported: () => void }) {
  const { t } = useT();
  const { apiAuth } = useRuntime();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const send = async (file: File) => {
    setState({ kind: 'sending', percent: 0 });
    const result = await upload(file, apiAuth, (percent) => setState({ kind: 'sending', percent }));
    setState(result);
    if (result.kind === 'done') onImported();
  };
  return (
    <section className="manager-panel manager-history__section" aria-labelledby="mh-data">
      <h2 id="mh-data" className="manager-panel__title">
        {t('managerReports.data.title')}
      </h2>
      <p>
        <HubDownload
          url={`/api/reports/export?from=${range.from}&to=${range.to}`}
          label={t('managerReports.data.export')}
          testId="manager-export-jsonl"
        />
      </p>
      <label className="manager-import">
        {t('managerReports.data.import')}
        <input
          type="file"
          accept=".jsonl,.ndjson,application/x-ndjson,application/json,text/plain"
          data-testid="manager-import-file"
          disabled={state.kind === 'sending'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void send(file);
          }}
        />
      </label>
      <p className="manager-panel__empty">{t('managerReports.data.importHint')}</p>
      {state.kind === 'sending' && (
        <progress max={100} value={state.percent} aria-label={t('managerReports.data.sending')} />
      )}
      <div role="status" data-testid="manager-import-status">
        {state.kind === 'done' &&
          t('managerReports.data.imported', { events: state.events, days: state.days })}
        {state.kind === 'failed' && (
          <span className="manager-problem">
            {t('managerReports.failed', { reason: state.error })}
          </span>
        )}
      </div>
    </section>
  );
}
