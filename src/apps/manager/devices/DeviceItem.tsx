import { useState } from 'react';
import type { DeviceState } from '../../../domain/devices/device-state.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import type { Translate } from '../../../ui/i18n/translate.ts';
import { roleLabel } from './device-label.ts';
import type { DeviceRow } from './devices-client.ts';
import { RenameForm } from './RenameForm.tsx';
import { RevokeConfirm } from './RevokeConfirm.tsx';

export interface DeviceItemProps {
  readonly device: DeviceRow;
  /** What the manager calls it: its given name or "Kiosk 2". */
  readonly label: string;
  /** Its role and number, what an empty name goes back to. */
  readonly numbered: string;
  readonly state: DeviceState;
  /** When it went offline (ms), 0 when unknown. */
  readonly since: number;
  /** The device this manager holds: it cannot remove itself. */
  readonly own: boolean;
  rename(name: string): void;
  revoke(): void;
}

/** One device: its name, whether it is online now, and renaming and removing it. */
export function DeviceItem(props: DeviceItemProps) {
  const { t, time } = useT();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const d = props.device;
  const removable = !d.revoked && !props.own && d.role !== 'agent';
  return (
    <li
      className={`devices-item devices-item--${props.state}`}
      data-testid="device-row"
      data-device={d.id}
      data-revoked={d.revoked}
      data-state={props.state}
      data-online={props.state === 'online'}
    >
      <div className="devices-item__head">
        <strong className="devices-item__name" data-testid="device-name">
          {props.label}
        </strong>
        {d.name && <span className="devices-item__role">{roleLabel(t, d.role)}</span>}
        {props.own && <span data-testid="device-own">({t('devices.thisDevice')})</span>}
        <span className="devices-item__state" data-testid="device-state">
          {stateText(props.state, props.since, t, time)}
        </span>
      </div>
      <div className="devices-item__meta">
        {t('devices.enrolledAt', { time: time(Date.parse(d.enrolledAt)) })} ·{' '}
        {t('devices.technicalId', { id: d.id })}
      </div>
      {mode === 'rename' && (
        <RenameForm
          id={d.id}
          current={d.name ?? ''}
          numbered={props.numbered}
          onSave={(name) => {
            setMode('view');
            props.rename(name);
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'confirm' && (
        <RevokeConfirm
          id={d.id}
          name={props.label}
          onYes={() => {
            setMode('view');
            props.revoke();
          }}
          onNo={() => setMode('view')}
        />
      )}
      {mode === 'view' && !d.revoked && (
        <div className="devices-item__actions">
          <button
            type="button"
            className="button"
            data-testid={`device-rename-${d.id}`}
            onClick={() => setMode('rename')}
          >
            {t('devices.rename')}
          </button>
          {removable && (
            <button
              type="button"
              className="button"
              data-testid={`device-revoke-${d.id}`}
              onClick={() => setMode('confirm')}
            >
              {t('devices.revoke')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function stateText(
  state: DeviceState,
  since: number,
  t: Translate,
  time: (ms: number) => string,
): string {
  switch (state) {
    case 'online':
      return t('devices.state.online');
    case 'offline':
      return since
        ? t('devices.state.offline', { time: time(since) })
        : t('devices.state.offlineUnknown');
    case 'neverSeen':
      return t('devices.state.neverSeen');
    case 'removed':
      return t('devices.revoked');
  }
}
