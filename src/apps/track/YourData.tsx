import { useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider.tsx';

type Asked = 'idle' | 'busy' | 'forgotten' | 'inLine' | 'failed';

/** Saves the hub's answer as a file: the customer keeps what the store holds about them. */
async function download(ticket: string): Promise<boolean> {
  const res = await fetch(`/api/track/${ticket}/data`, { cache: 'no-store' });
  if (!res.ok) return false;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `ticket-${ticket}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

async function forget(ticket: string): Promise<Asked> {
  const res = await fetch(`/api/track/${ticket}/forget`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  return res.ok ? 'forgotten' : res.status === 409 ? 'inLine' : 'failed';
}

/**
 * The customer's own data, with their ticket's link: download it, or delete the notes about
 * the visit (src/hub/personal-data-api.ts). Shown once the visit is over.
 */
export function YourData({ ticket, keepDays }: { ticket: string; keepDays: number }) {
  const { t } = useT();
  const [asked, setAsked] = useState<Asked>('idle');
  const run = (work: () => Promise<Asked>) => {
    setAsked('busy');
    work().then(setAsked, () => setAsked('failed'));
  };
  const messages = {
    forgotten: t('track.data.forgotten'),
    inLine: t('track.data.inLine'),
    failed: t('track.data.failed'),
  } as const;
  return (
    <section className="track__data" aria-labelledby="track-data-title" data-testid="track-data">
      <h2 id="track-data-title">{t('track.data.title')}</h2>
      {keepDays > 0 && <p>{t('track.data.about', { count: keepDays })}</p>}
      <div className="track__confirm-buttons">
        <button
          type="button"
          className="button button--secondary"
          data-testid="track-data-download"
          disabled={asked === 'busy'}
          onClick={() => run(async () => ((await download(ticket)) ? 'idle' : 'failed'))}
        >
          {t('track.data.download')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="track-data-forget"
          disabled={asked === 'busy' || asked === 'forgotten'}
          onClick={() => run(() => forget(ticket))}
        >
          {t('track.data.forget')}
        </button>
      </div>
      <p role="status" data-testid="track-data-status" data-state={asked}>
        {asked in messages ? messages[asked as keyof typeof messages] : ''}
      </p>
    </section>
  );
}
