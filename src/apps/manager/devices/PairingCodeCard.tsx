import { useEffect, useRef } from 'react';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { QrCode } from '../../../ui/QrCode.tsx';
import { pairingUrl, type PairingCode } from './devices-client.ts';

/**
 * A fresh pairing code: its QR code sized to the screen (a phone or a tablet shows it whole,
 * beside or above the code in words), and brought into view when it arrives.
 */
export function PairingCodeCard(props: { code: PairingCode }) {
  const { t, time } = useT();
  const { code } = props;
  const url = pairingUrl(location.origin, code.role, code.code);
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    card.current?.scrollIntoView({ block: 'nearest' });
  }, [code.code]);
  return (
    <div className="devices-code" data-testid="devices-code" data-code={code.code} ref={card}>
      <QrCode
        value={url}
        label={t('devices.codeQr')}
        className="devices-code__qr"
        testId="devices-code-qr"
      />
      <div className="devices-code__words">
        <p>{t('devices.code', { code: code.code, time: time(code.expiresAt) })}</p>
        <p>{t('devices.codeHint')}</p>
        <p>
          <code data-testid="devices-code-url">{url}</code>
        </p>
      </div>
    </div>
  );
}
