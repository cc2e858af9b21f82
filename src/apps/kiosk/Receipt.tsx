import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { localized } from '../../domain/config/types.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { useRuntime } from '../shell/device-context.ts';
import './receipt.css';

export interface ReceiptData {
  readonly number: string;
  readonly serviceName: string;
  readonly priority: boolean;
  readonly at: number;
  readonly ahead: number | undefined;
  readonly url: string;
}

const PX_PER_MM = 96 / 25.4;

/**
 * The 80 mm paper ticket, for the browser's print path (and Chromium's silent
 * --kiosk-printing). It lives outside the app's root, invisible on screen; in print only it
 * shows. Its page is exactly as long as its content: the height is measured here and written
 * into `@page`, so a receipt printer with continuous paper cuts right after the ticket.
 */
export function Receipt({ data }: { data: ReceiptData }) {
  const { config } = useRuntime();
  const { t, time, language, dir } = useT();
  const box = useRef<HTMLDivElement>(null);
  const [heightMm, setHeightMm] = useState(150);
  const { header, footer } = config.kiosk.receipt ?? {};
  const fallback = config.store.defaultLanguage;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setHeightMm(Math.ceil(el.getBoundingClientRect().height / PX_PER_MM) + 2);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return createPortal(
    <div
      className="receipt"
      ref={box}
      lang={language}
      dir={dir}
      aria-hidden="true"
      data-testid="receipt"
      data-height-mm={heightMm}
    >
      <style>{`@page { size: 80mm ${heightMm}mm; margin: 0; }`}</style>
      {header && <p className="receipt__header">{localized(header, language, fallback)}</p>}
      <p className="receipt__store">{localized(config.store.name, language, fallback)}</p>
      <p className="receipt__label">{t('kiosk.ticket.heading')}</p>
      <p className="receipt__number">{data.number}</p>
      <p className="receipt__service">{data.serviceName}</p>
      {data.priority && <p className="receipt__priority">{t('kiosk.ticket.priority')}</p>}
      {data.ahead !== undefined && (
        <p className="receipt__ahead">{t('kiosk.ticket.ahead', { count: data.ahead })}</p>
      )}
      <p className="receipt__time">{t('kiosk.receipt.time', { time: time(data.at) })}</p>
      <p className="receipt__track">{t('kiosk.receipt.track')}</p>
      <QrCode className="receipt__qr" value={data.url} label="" />
      {footer && <p className="receipt__footer">{localized(footer, language, fallback)}</p>}
    </div>,
    document.body,
  );
}
