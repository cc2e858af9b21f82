import { lazy, Suspense, useEffect, useState } from 'react';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { useDevice } from './device-context.ts';
import { DeviceHost } from './DeviceHost.tsx';
import { markFirstScreenShown } from './first-screen.ts';
import { LoadingScreen } from './LoadingScreen.tsx';
import { useOfflineCapability } from './useOfflineCapability.ts';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';
import type { Surface } from './surfaces.ts';

/** The kiosk updates itself when idle: only the other surfaces load the update button. */
const UpdatePrompt = lazy(async () => ({
  default: (await import('./UpdatePrompt.tsx')).UpdatePrompt,
}));

/** A surface with its device: the screen, the connection badge and the update button. */
export function SurfaceHost({ surface }: { surface: Surface }) {
  const [initialPreferredId] = useState(surface.initialPreferredId);
  useEffect(() => {
    void surface.preload();
  }, [surface]);
  return (
    <div className={`surface surface--${surface.role}`}>
      <DeviceHost role={surface.role} initialPreferredId={initialPreferredId}>
        <ScreenErrorBoundary>
          <Suspense fallback={<LoadingScreen />}>
            <SurfaceScreen surface={surface} />
            <FirstScreenShown />
          </Suspense>
        </ScreenErrorBoundary>
        <DeviceConnectionBadge />
        {surface.offersUpdatePrompt && (
          <Suspense fallback={null}>
            <UpdatePrompt />
          </Suspense>
        )}
      </DeviceHost>
    </div>
  );
}

function DeviceConnectionBadge() {
  const { status } = useDevice();
  const offline = useOfflineCapability();
  return <ConnectionBadge status={status} offline={offline} />;
}

/** The screen, chosen once: switching from the lazy one to the loaded one would remount it. */
function SurfaceScreen({ surface }: { surface: Surface }) {
  const [Screen] = useState(() => surface.loaded() ?? surface.Screen);
  return <Screen />;
}

/** Rendered with the screen: its effect runs once the screen is on the page. */
function FirstScreenShown() {
  useEffect(markFirstScreenShown, []);
  return null;
}
