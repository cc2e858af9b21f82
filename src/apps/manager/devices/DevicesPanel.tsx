import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { deviceNames } from '../../../domain/devices/device-names.ts';
import { deviceState } from '../../../domain/devices/device-state.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import { usePresence } from '../usePresence.ts';
import { deviceLabel, numberedLabel } from './device-label.ts';
import { AddDeviceForm } from './AddDeviceForm.tsx';
import { DeviceItem } from './DeviceItem.tsx';
import { devicesClient, type DevicesView, type PairingCode } from './devices-client.ts';
import { PairingCodeCard } from './PairingCodeCard.tsx';
import { RefusedMessages } from './RefusedMessages.tsx';
import './devices.css';

/** The list catches up with names and new devices; online state comes live from presence. */
const REFRESH_MS = 10_000;

/** Enrolled devices by name and online state, pairing a new one, and what the hub refused. */
export function DevicesPanel() {
  const { t } = useT();
  const runtime = useRuntime();
  const { apiAuth, deviceId: ownId } = runtime;
  const presence = usePresence(runtime.presence);
  const [view, setView] = useState<DevicesView | undefined>();
  const [code, setCode] = useState<PairingCode | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const refresh = useCallback(() => {
    if (!apiAuth) return;
    devicesClient.list(apiAuth).then(setView, (e: unknown) => setProblem((e as Error).message));
  }, [apiAuth]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useRefreshOnNewDevice(view, presence, refresh);

  const names = useMemo(() => deviceNames(view?.devices ?? []), [view]);
  const seen = useMemo(() => new Map(presence.map((p) => [p.device, p])), [presence]);

  if (!apiAuth) return null;
  const act = (p: Promise<unknown>) =>
    p.then(
      () => {
        setProblem(undefined);
        refresh();
      },
      (e: unknown) => setProblem((e as Error).message),
    );
  // removed devices last: the ones in use are what the manager looks for
  const rows = [...(view?.devices ?? [])].sort((a, b) => Number(a.revoked) - Number(b.revoked));

  return (
    <section className="manager-panel" data-testid="devices-panel" aria-labelledby="devices-title">
      <h2 className="manager-panel__title" id="devices-title">
        {t('devices.title')}
      </h2>
      <AddDeviceForm
        onAdd={(role) => void act(devicesClient.pairingCode(apiAuth, role).then(setCode))}
      />
      {code && <PairingCodeCard code={code} />}
      {problem && (
        <p role="alert" data-testid="devices-problem">
          {t('devices.error', { message: problem })}
        </p>
      )}
      {view && view.devices.length === 0 && <p>{t('devices.none')}</p>}
      <ul className="devices-list">
        {rows.map((d) => {
          const name = names.get(d.id) ?? { given: d.id, role: d.role, number: 0 };
          const p = seen.get(d.id);
          return (
            <DeviceItem
              key={d.id}
              device={d}
              label={deviceLabel(t, name)}
              numbered={numberedLabel(t, name)}
              state={deviceState(d.revoked, p)}
              since={p?.at ?? 0}
              own={d.id === ownId}
              rename={(n) => void act(devicesClient.rename(apiAuth, d.id, n))}
              revoke={() => void act(devicesClient.revoke(apiAuth, d.id))}
            />
          );
        })}
      </ul>
      {view && <RefusedMessages counts={view.dropped} />}
    </section>
  );
}

/**
 * A device on the broker that the list does not have yet (just paired): fetch the list now
 * rather than at the next refresh. Once per unknown set, so a device the hub does not list
 * (a removed one's leftover presence) asks only once.
 */
function useRefreshOnNewDevice(
  view: DevicesView | undefined,
  presence: readonly { readonly device: string }[],
  refresh: () => void,
): void {
  const asked = useRef('');
  useEffect(() => {
    if (!view) return;
    const known = new Set(view.devices.map((d) => d.id));
    const unknown = presence
      .map((p) => p.device)
      .filter((id) => !known.has(id))
      .sort()
      .join(' ');
    if (unknown === '' || unknown === asked.current) return;
    asked.current = unknown;
    refresh();
  }, [view, presence, refresh]);
}
