import { useState } from 'react';
import { MAX_DEVICE_NAME } from '../../../domain/devices/device-names.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';

/** A new name for a device; empty gives it back its role and number (`numbered`). */
export function RenameForm(props: {
  id: string;
  current: string;
  numbered: string;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [name, setName] = useState(props.current);
  const hintId = `rename-hint-${props.id}`;
  return (
    <form
      className="devices-rename"
      data-testid="device-rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(name);
      }}
    >
      <label>
        {t('devices.renameLabel', { name: props.current || props.numbered })}{' '}
        <input
          data-testid="device-rename-input"
          value={name}
          maxLength={MAX_DEVICE_NAME}
          aria-describedby={hintId}
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <span id={hintId} className="devices-rename__hint">
        {t('devices.renameHint', { name: props.numbered })}
      </span>
      <span className="devices-rename__buttons">
        <button type="submit" className="button button--primary" data-testid="device-rename-save">
          {t('devices.renameSave')}
        </button>{' '}
        <button type="button" className="button" onClick={props.onCancel}>
          {t('devices.renameCancel')}
        </button>
      </span>
    </form>
  );
}
