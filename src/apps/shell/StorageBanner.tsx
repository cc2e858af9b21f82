import { useSyncExternalStore } from 'react';
import { useFullEnglish, useT } from '../../ui/i18n/I18nProvider.tsx';
import type { DeviceRuntime } from '../runtime/types.ts';

const HEALTHY = { persisted: undefined, low: false, full: false };
const noop = () => () => undefined;

/** A warning across the top when this device's storage is nearly or completely full. */
export function StorageBanner(props: { runtime: DeviceRuntime }) {
  const { t } = useT();
  const storage = props.runtime.storage;
  const health = useSyncExternalStore(
    storage ? (l) => storage.subscribe(l) : noop,
    storage ? () => storage.get() : () => HEALTHY,
  );
  const warn = health.full || health.low;
  const messagesIn = useFullEnglish(warn);
  if (!warn || !messagesIn) return null;
  return (
    <p
      className="storage-banner"
      role="alert"
      data-testid="storage-warning"
      data-kind={health.full ? 'full' : 'low'}
    >
      {health.full ? t('devices.storage.full') : t('devices.storage.low')}
    </p>
  );
}
