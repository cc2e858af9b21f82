import type { ComponentType } from 'react';
import { useFullEnglish } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from './device-context.ts';
import { cannotStartOffline } from './offline-capability.ts';
import { OfflineWarning } from './OfflineWarning.tsx';
import { useOfflineCapability } from './useOfflineCapability.ts';

/** A warning across the top of a staff screen when this tablet cannot start offline. */
export function OfflineBanner() {
  const capability = useOfflineCapability();
  const { setupUrl } = useRuntime();
  const messagesIn = useFullEnglish(cannotStartOffline(capability));
  if (!cannotStartOffline(capability) || !messagesIn) return null;
  return (
    <OfflineWarning
      kind={capability}
      setupUrl={setupUrl}
      testId="offline-warning"
      className="offline-banner"
    />
  );
}

/** The screen with the banner above it. */
export function withOfflineBanner(Screen: ComponentType): ComponentType {
  return function StaffScreen() {
    return (
      <>
        <OfflineBanner />
        <Screen />
      </>
    );
  };
}
