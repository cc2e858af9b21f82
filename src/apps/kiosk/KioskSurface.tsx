import { useDeviceIdentity, useRuntime } from '../shell/device-context.ts';
import { KioskFlow } from './KioskFlow.tsx';
import { forgetKiosk, rememberKiosk } from './kiosk-identity.ts';
import { KioskSetup } from './KioskSetup.tsx';
import './kiosk.css';

/** The lobby tablet: first which kiosk it is, then the customers' ticket flow. */
export function KioskSurface() {
  const { config } = useRuntime();
  const { preferredId, reidentify } = useDeviceIdentity();
  const kiosk = config.kiosks.find((k) => k.id === preferredId);
  if (!kiosk) {
    return (
      <KioskSetup
        kiosks={config.kiosks}
        onChoose={(id) => {
          rememberKiosk(id);
          reidentify(id);
        }}
      />
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
