import { lazy, Suspense, useEffect } from 'react';
import { useDeviceIdentity, useRuntime } from '../shell/device-context.ts';
import { afterFirstScreen } from '../shell/first-screen.ts';
import { KioskFlow } from './KioskFlow.tsx';
import { forgetKiosk, rememberKiosk } from './kiosk-identity.ts';
import './kiosk.css';

/** Choosing which kiosk this is happens once per tablet: not part of the customers' screens. */
const KioskSetup = lazy(async () => ({ default: (await import('./KioskSetup.tsx')).KioskSetup }));

/** The lobby tablet: first which kiosk it is, then the customers' ticket flow. */
export function KioskSurface() {
  const { config } = useRuntime();
  const { preferredId, reidentify } = useDeviceIdentity();
  const kiosk = config.kiosks.find((k) => k.id === preferredId);
  // every ticket shows a QR code: have the encoder ready before the first tap
  useEffect(() => {
    void afterFirstScreen()
      .then(async () => (await import('../../ui/QrCode.tsx')).preloadQrCode())
      .catch(() => undefined);
  }, []);
  if (!kiosk) {
    return (
      <Suspense fallback={null}>
        <KioskSetup
          kiosks={config.kiosks}
          onChoose={(id) => {
            rememberKiosk(id);
            reidentify(id);
          }}
        />
      </Suspense>
    );
  }
  return (
    <KioskFlow
      kiosk={kiosk}
      onChangeKiosk={() => {
        forgetKiosk();
        reidentify('');
      }}
    />
  );
}
