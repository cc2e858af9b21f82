import type { DiskProblem } from '../../../domain/health/disk.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';

/** Across the live board while the hub cannot save: what it means for the store, and to do. */
export function HubDiskBanner(props: { trouble: DiskProblem }) {
  const { t } = useT();
  return (
    <p
      className="storage-banner"
      role="alert"
      data-testid="hub-disk-warning"
      data-kind={props.trouble}
    >
      {t(`manager.disk.${props.trouble}`)}
    </p>
  );
}
