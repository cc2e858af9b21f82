import { serviceById } from '../../domain/config/types.ts';
import type { StrandedService } from '../../domain/queue/closing.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { counterName } from './counter-name.ts';

/** Asks before closing a counter that would leave customers in line with no counter at all. */
export function CloseCounterConfirm(props: {
  counterId: string;
  stranded: readonly StrandedService[];
  busy: boolean;
  onClose: () => void;
  onKeep: () => void;
}) {
  const { config } = useRuntime();
  const { t, text } = useT();
  return (
    <section
      className="clerk-confirm"
      role="alertdialog"
      aria-labelledby="clerk-confirm-title"
      aria-describedby="clerk-confirm-body"
      data-testid="close-confirm"
    >
      <h2 id="clerk-confirm-title" className="clerk-confirm__title">
        {t('desk.close.title', { counter: counterName(config, props.counterId, text) })}
      </h2>
      <div id="clerk-confirm-body">
        <p>{t('desk.close.stranded')}</p>
        <ul className="clerk-confirm__list">
          {props.stranded.map(({ service, waiting }) => {
            const s = serviceById(config, service);
            return (
              <li key={service} data-testid="close-stranded" data-service={service}>
                {t('desk.close.service', { service: s ? text(s.name) : service, count: waiting })}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="clerk-confirm__actions">
        <button
          type="button"
          className="button button--secondary"
          data-testid="close-keep"
          autoFocus
          onClick={props.onKeep}
        >
          {t('desk.close.keep')}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="close-confirm-yes"
          disabled={props.busy}
          onClick={props.onClose}
        >
          {t('desk.close.confirm')}
        </button>
      </div>
    </section>
  );
}
