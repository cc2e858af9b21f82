import { useT } from '../../ui/i18n/I18nProvider.tsx';

/**
 * Why this tablet will not start without the network, and what fixes it: the hub's setup page
 * when it has one. Staff words (devices module); the caller loads full English first.
 */
export function OfflineWarning(props: {
  kind: 'insecure' | 'no-worker';
  setupUrl: string | undefined;
  testId: string;
  className: string;
}) {
  const { t } = useT();
  const insecure = props.kind === 'insecure';
  return (
    <div className={props.className} role="alert" data-testid={props.testId} data-kind={props.kind}>
      <p>{insecure ? t('devices.offline.insecure') : t('devices.offline.noWorker')}</p>
      <p>
        {props.setupUrl ? (
          <a href={props.setupUrl} data-testid="offline-setup-link">
            {t('devices.offline.setupAt', { url: props.setupUrl })}
          </a>
        ) : insecure ? (
          t('devices.offline.askInsecure')
        ) : (
          t('devices.offline.askNoWorker')
        )}
      </p>
    </div>
  );
}
