/**
 * The entrance poster for joining from a phone: the store's name, a QR code of its /join
 * address and a short text in each of the store's customer languages, printed on A4 from the
 * manager's screen (print CSS in join-poster.css hides everything else).
 */
import { useEffect, useState } from 'react';
import { customerLanguages, localized } from '../../domain/config/types.ts';
import { loadLanguage } from '../../ui/i18n/catalogs.ts';
import { createI18n, type I18n } from '../../ui/i18n/i18n.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { useRuntime } from '../shell/device-context.ts';
import './join-poster.css';

/** The address the poster's code opens: the store's public address, else this hub. */
export function joinUrl(publicUrl: string | undefined, origin: string): string {
  return `${(publicUrl || origin).replace(/\/+$/, '')}/join`;
}

export function JoinPoster({ onClose }: { onClose: () => void }) {
  const { config } = useRuntime();
  const { t } = useT();
  const [speakers, setSpeakers] = useState<I18n[]>();
  const languages = customerLanguages(config);
  useEffect(() => {
    let live = true;
    void Promise.all(languages.map((l) => loadLanguage(l).then(() => l))).then((ls) => {
      if (live) setSpeakers(ls.map((language) => createI18n({ language })));
    });
    return () => {
      live = false;
    };
  }, [languages]);
  const url = joinUrl(config.kiosk.publicUrl, location.origin);
  const name = localized(config.store.name, config.store.defaultLanguage, 'en');
  return (
    <div className="join-poster-sheet" role="dialog" aria-label={t('manager.poster.open')}>
      <div className="join-poster-sheet__actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('manager.poster.print')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('manager.poster.close')}
        </button>
      </div>
      <article className="join-poster" data-testid="join-poster" data-url={url}>
        <h1 className="join-poster__store">{name}</h1>
        {speakers?.slice(0, 1).map((s) => (
          <p key={s.language} className="join-poster__title" lang={s.language} dir={s.dir}>
            {s.t('join.poster.title')}
          </p>
        ))}
        <QrCode value={url} label={url} className="join-poster__qr" testId="join-poster-qr" />
        <p className="join-poster__url">{url}</p>
        <ul className="join-poster__texts">
          {speakers?.map((s) => (
            <li key={s.language} lang={s.language} dir={s.dir}>
              <strong>{s.t('join.poster.title')}</strong> {s.t('join.poster.scan')}
            </li>
          ))}
        </ul>
      </article>
    </div>
  );
}
