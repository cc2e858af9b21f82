import { useState } from 'react';
import { DEVICE_ROLES, type DeviceRole } from '../../../domain/security/roles.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';

/** The role of a new device, and the button that asks the hub for its pairing code. */
export function AddDeviceForm(props: { onAdd: (role: DeviceRole) => void }) {
  const { t } = useT();
  const [role, setRole] = useState<DeviceRole>('clerk');
  return (
    <form
      className="devices-add"
      onSubmit={(e) => {
        e.preventDefault();
        props.onAdd(role);
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
      </label>
      <button type="submit" className="button button--primary" data-testid="devices-add">
        {t('devices.add')}
      </button>
    </form>
  );
}
