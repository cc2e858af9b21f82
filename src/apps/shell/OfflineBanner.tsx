import { useFullEnglish } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from './device-context.ts';
import { cannotStartOffline, useOfflineCapability } from './offline-capability.ts';
import { OfflineWarning } from './OfflineWarning.tsx';

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
