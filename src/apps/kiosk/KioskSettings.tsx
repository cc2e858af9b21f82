import { useState } from 'react';
import type { IssuingDeviceConfig } from '../../domain/config/types.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { cannotStartOffline } from '../shell/offline-capability.ts';
import { useOfflineCapability } from '../shell/useOfflineCapability.ts';
import { OfflineWarning } from '../shell/OfflineWarning.tsx';
import { applyUpdate, useUpdateAvailable } from '../shell/pwa-update.ts';
import { setUsbPrinter, useUsbPrinter } from './printer.ts';
import { connectUsbPrinter, forgetUsbPrinter, usbPrintingSupported } from './usb-printer.ts';
import { useModal } from '../../ui/useModal.ts';

/** What the manager can change on the kiosk itself (after the hidden gesture and the PIN). */
export function KioskSettings(props: {
  kiosk: IssuingDeviceConfig;
  onChangeKiosk: () => void;
  onClose: () => void;
}) {
  const { t, text } = useT();
  const rt = useRuntime();
  const ref = useModal(props.onClose);
  const printer = useUsbPrinter();
  const updateAvailable = useUpdateAvailable();
  const offline = useOfflineCapability();
  const [usbError, setUsbError] = useState('');
  const printing = rt.config.kiosk.printing ?? 'button';
  const { kiosk } = props;

  const connect = () => {
    setUsbError('');
    connectUsbPrinter().then(setUsbPrinter, (error: unknown) =>
      setUsbError(t('kioskAdmin.usb.failed', { message: (error as Error).message })),
    );
  };

  return (
    <dialog
      tabIndex={-1}
      ref={ref}
      className="kiosk-dialog kiosk-settings"
      aria-labelledby="kiosk-settings-title"
      data-testid="kiosk-settings"
    >
      <h2 id="kiosk-settings-title" className="kiosk-dialog__title">
        {t('kioskAdmin.title')}
      </h2>
      <p>
        {t('kioskAdmin.identity', {
          kiosk: `${text(kiosk.name)} (${kiosk.id})`,
          from: kiosk.range.from,
          to: kiosk.range.to,
        })}
      </p>
      <p className="kiosk-settings__device">{t('kioskAdmin.device', { device: rt.deviceId })}</p>
      <p>{t('kioskAdmin.printing', { mode: t(`kioskAdmin.printing.${printing}`) })}</p>
      {cannotStartOffline(offline) ? (
        <OfflineWarning
          kind={offline}
          setupUrl={rt.setupUrl}
          testId="kiosk-offline-warning"
          className="kiosk-settings__offline"
        />
      ) : (
        <p data-testid="kiosk-offline-status" data-state={offline}>
          {offline === 'ready' ? t('kioskAdmin.offline.ready') : t('kioskAdmin.offline.checking')}
        </p>
      )}
      <section className="kiosk-settings__usb" aria-labelledby="kiosk-settings-usb">
        <h3 id="kiosk-settings-usb">{t('kioskAdmin.usb.title')}</h3>
        <p data-testid="usb-status">
          {!usbPrintingSupported()
            ? t('kioskAdmin.usb.unsupported')
            : printer
              ? t('kioskAdmin.usb.connected', { name: printer.name })
              : t('kioskAdmin.usb.none')}
        </p>
        {usbError && <p role="alert">{usbError}</p>}
        {usbPrintingSupported() && (
          <div className="kiosk-settings__row">
            <button type="button" className="button button--secondary" onClick={connect}>
              {t('kioskAdmin.usb.connect')}
            </button>
            {printer && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  forgetUsbPrinter();
                  setUsbPrinter(undefined);
                }}
              >
                {t('kioskAdmin.usb.forget')}
              </button>
            )}
          </div>
        )}
      </section>
      <div className="kiosk-settings__row">
        <button
          type="button"
          className="button button--secondary"
          data-testid="settings-change-kiosk"
          onClick={props.onChangeKiosk}
        >
          {t('kioskAdmin.changeKiosk')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => (updateAvailable ? applyUpdate() : location.reload())}
        >
          {t('kioskAdmin.reload')}
        </button>
      </div>
      <button
        type="button"
        className="button button--primary kiosk-dialog__close"
        data-testid="settings-close"
        onClick={props.onClose}
      >
        {t('kioskAdmin.close')}
      </button>
    </dialog>
  );
}
