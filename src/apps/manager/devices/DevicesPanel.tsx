import { useCallback, useEffect, useState } from 'react';
import { DEVICE_ROLES, type DeviceRole } from '../../../domain/security/roles.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { QrCode } from '../../../ui/QrCode.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import { devicesClient, pairingUrl, type DevicesView, type PairingCode } from './devices-client.ts';

const REFRESH_MS = 10_000;

/** Enrolled devices, a pairing code for a new one, revocation, and the invalid-message count. */
export function DevicesPanel() {
  const { t, time } = useT();
  const { apiAuth, deviceId: ownId } = useRuntime();
  const [view, setView] = useState<DevicesView | undefined>();
  const [code, setCode] = useState<PairingCode | undefined>();
  const [role, setRole] = useState<DeviceRole>('clerk');
  const [problem, setProblem] = useState<string | undefined>();
  /** The device whose revocation waits for the manager's "yes". */
  const [confirming, setConfirming] = useState<string | undefined>();

  const refresh = useCallback(() => {
    if (!apiAuth) return;
    devicesClient.list(apiAuth).then(setView, (e: unknown) => setProblem((e as Error).message));
  }, [apiAuth]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  if (!apiAuth) return null;
  const act = (p: Promise<unknown>) =>
    p.then(
      () => {
        setProblem(undefined);
        refresh();
      },
      (e: unknown) => setProblem((e as Error).message),
    );
  const dropped = Object.values(view?.dropped ?? {}).reduce((a, b) => a + b, 0);
  const url = code ? pairingUrl(location.origin, code.role, code.code) : '';

  return (
    <section className="manager-panel" data-testid="devices-panel" aria-labelledby="devices-title">
      <h2 className="manager-panel__title" id="devices-title">
        {t('devices.title')}
        <span data-testid="devices-dropped" data-count={dropped}>
          {t('devices.dropped', { count: dropped })}
        </span>
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act(devicesClient.pairingCode(apiAuth, role).then(setCode));
        }}
      >
        <label>
          {t('devices.addRole')}{' '}
          <select
            data-testid="devices-role"
            value={role}
            onChange={(e) => setRole(e.target.value as DeviceRole)}
          >
            {DEVICE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`devices.role.${r}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" className="button" data-testid="devices-add">
          {t('devices.add')}
        </button>
      </form>
      {code && (
        <div data-testid="devices-code" data-code={code.code}>
          <p>{t('devices.code', { code: code.code, time: time(code.expiresAt) })}</p>
          <p>{t('devices.codeHint')}</p>
          <p>
            <code data-testid="devices-code-url">{url}</code>
          </p>
          <QrCode value={url} label={t('devices.codeHint')} />
        </div>
      )}
      {problem && (
        <p role="alert" data-testid="devices-problem">
          {t('devices.error', { message: problem })}
        </p>
      )}
      {view && view.devices.length === 0 && <p>{t('devices.none')}</p>}
      <ul className="devices-list">
        {view?.devices.map((d) => (
          <li key={d.id} data-testid="device-row" data-device={d.id} data-revoked={d.revoked}>
            <strong>{d.id}</strong> · {d.role} ·{' '}
            {t('devices.enrolledAt', { time: time(Date.parse(d.enrolledAt)) })}{' '}
            {d.revoked ? (
              <span>{t('devices.revoked')}</span>
            ) : d.id === ownId ? (
              // revoking the device in hand would lock this manager out of the Devices view
              <span data-testid="device-own">({t('devices.thisDevice')})</span>
            ) : (
              d.role !== 'agent' &&
              (confirming === d.id ? (
                <RevokeConfirm
                  id={d.id}
                  onYes={() => {
                    setConfirming(undefined);
                    void act(devicesClient.revoke(apiAuth, d.id));
                  }}
                  onNo={() => setConfirming(undefined)}
                />
              ) : (
                <button
                  type="button"
                  className="button"
                  data-testid={`device-revoke-${d.id}`}
                  onClick={() => setConfirming(d.id)}
                >
                  {t('devices.revoke')}
                </button>
              ))
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Revoking cannot be undone (the device needs a new code): the manager says yes first. */
function RevokeConfirm(props: { id: string; onYes: () => void; onNo: () => void }) {
  const { t } = useT();
  const titleId = `revoke-confirm-${props.id}`;
  return (
    <div role="alertdialog" aria-labelledby={titleId} data-testid="revoke-confirm">
      <p id={titleId}>{t('devices.revokeConfirm', { id: props.id })}</p>
      <button
        type="button"
        className="button button--danger"
        data-testid="revoke-yes"
        onClick={props.onYes}
      >
        {t('devices.revokeYes')}
      </button>{' '}
      <button
        type="button"
        className="button"
        data-testid="revoke-no"
        autoFocus
        onClick={props.onNo}
      >
        {t('devices.revokeNo')}
      </button>
    </div>
  );
}
