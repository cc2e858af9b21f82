import { useState } from 'react';
import {
  dataAnswer,
  dataButtons,
  dataUrl,
  type DataRequest,
} from '../../domain/kiosk/your-data.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';

/** Saves the hub's answer as a file: the customer keeps what the store holds about them. */
async function download(ticket: string, takenAt: number | undefined): Promise<DataRequest> {
  const res = await fetch(dataUrl(ticket, 'data', takenAt), { cache: 'no-store' });
  if (!res.ok) return dataAnswer('data', res.status);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `ticket-${ticket}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return dataAnswer('data', res.status);
}

async function forget(ticket: string, takenAt: number | undefined): Promise<DataRequest> {
  const res = await fetch(dataUrl(ticket, 'forget', takenAt), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  return dataAnswer('forget', res.status);
}

/**
 * The customer's own data, with their ticket's link: download it, or delete the notes about
 * the visit (src/hub/personal-data-api.ts). When it shows and what its buttons allow is
 * src/domain/kiosk/your-data.ts; this renders it.
 */
export function YourData({
  ticket,
  keepDays,
  takenAt,
}: {
  ticket: string;
  keepDays: number;
  /** When the ticket was taken, from its link: the hub then reads only that day. */
  takenAt: number | undefined;
}) {
  const { t } = useT();
  const [asked, setAsked] = useState<DataRequest>('idle');
  const run = (work: () => Promise<DataRequest>) => {
    setAsked('busy');
    work().then(setAsked, () => setAsked('failed'));
  };
  const messages: Partial<Record<DataRequest, string>> = {
    forgotten: t('track.data.forgotten'),
    inLine: t('track.data.inLine'),
    tooMany: t('track.data.tooMany'),
    failed: t('track.data.failed'),
  };
  const can = dataButtons(asked);
  return (
    <section className="track__data" aria-labelledby="track-data-title" data-testid="track-data">
      <h2 id="track-data-title">{t('track.data.title')}</h2>
      {keepDays > 0 && <p>{t('track.data.about', { count: keepDays })}</p>}
      <div className="track__confirm-buttons">
        <button
          type="button"
          className="button button--secondary"
          data-testid="track-data-download"
          disabled={!can.download}
          onClick={() => run(() => download(ticket, takenAt))}
        >
          {t('track.data.download')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="track-data-forget"
          disabled={!can.forget}
          onClick={() => run(() => forget(ticket, takenAt))}
        >
          {t('track.data.forget')}
        </button>
      </div>
      <p role="status" data-testid="track-data-status" data-state={asked}>
        {messages[asked] ?? ''}
      </p>
    </section>
  );
}
