import { useT } from '../../../ui/i18n/I18nProvider.tsx';

/** Revoking cannot be undone (the device needs a new code): the manager says yes first. */
export function RevokeConfirm(props: {
  id: string;
  name: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const { t } = useT();
  const titleId = `revoke-confirm-${props.id}`;
  return (
    <div
      role="alertdialog"
      aria-labelledby={titleId}
      className="devices-confirm"
      data-testid="revoke-confirm"
    >
      <p id={titleId}>{t('devices.revokeConfirm', { name: props.name })}</p>
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
