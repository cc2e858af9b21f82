import { useCallback, useEffect, useState } from 'react';
import { WEBHOOK_KINDS, type WebhookKind } from '../../../domain/webhooks/kinds.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { endpointState, webhooksClient, type WebhookEndpoint } from './webhooks-client.ts';

/** How often the panel reads the endpoints' state again while open (ms). */
const REFRESH_MS = 5000;

/**
 * The store's webhooks, beside the settings form (they are saved at once, not with it): each
 * endpoint's state (last delivery, failures, next try, switched off), add one (its secret is
 * shown once), switch one on again, delete one.
 */
export function WebhooksSettings({ auth }: { auth: string }) {
  const { t } = useT();
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | undefined>();
  const [problem, setProblem] = useState('');
  const [secret, setSecret] = useState<{ url: string; secret: string } | undefined>();

  const refresh = useCallback(() => {
    webhooksClient.list(auth).then(
      (list) => setEndpoints(list),
      (e: unknown) => setProblem((e as Error).message),
    );
  }, [auth]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = (work: Promise<unknown>): void =>
    void work.then(
      () => {
        setProblem('');
        refresh();
      },
      (e: unknown) => setProblem((e as Error).message),
    );

  return (
    <section
      className="manager-panel settings settings__section"
      aria-labelledby="webhooks-title"
      data-testid="webhooks-settings"
    >
      <h3 id="webhooks-title">{t('webhooks.title')}</h3>
      <p>{t('webhooks.intro')}</p>
      {problem && <p role="alert">{t('webhooks.problem', { message: problem })}</p>}
      {secret && (
        <p className="settings__note" data-testid="webhooks-secret">
          {t('webhooks.secret', { url: secret.url })} <code>{secret.secret}</code>{' '}
          <button type="button" className="button" onClick={() => setSecret(undefined)}>
            {t('webhooks.secretDone')}
          </button>
        </p>
      )}
      {endpoints === undefined ? (
        <p className="manager-panel__empty">{t('webhooks.loading')}</p>
      ) : endpoints.length === 0 ? (
        <p className="manager-panel__empty">{t('webhooks.none')}</p>
      ) : (
        <ul data-testid="webhooks-list">
          {endpoints.map((e) => (
            <EndpointRow
              key={e.id}
              endpoint={e}
              onEnable={() => act(webhooksClient.enable(auth, e.id))}
              onDelete={() => {
                if (window.confirm(t('webhooks.deleteConfirm', { url: e.url }))) {
                  act(webhooksClient.remove(auth, e.id));
                }
              }}
            />
          ))}
        </ul>
      )}
      <AddWebhook
        onAdd={(url, kinds) =>
          webhooksClient.add(auth, url, kinds).then((added) => {
            setSecret({ url: added.url, secret: added.secret });
            setProblem('');
            refresh();
          })
        }
        onProblem={setProblem}
      />
    </section>
  );
}

function EndpointRow(props: {
  endpoint: WebhookEndpoint;
  onEnable: () => void;
  onDelete: () => void;
}) {
  const { t, time } = useT();
  const e = props.endpoint;
  const state = endpointState(e);
  return (
    <li className="settings__item" data-testid="webhook" data-state={state}>
      <strong>{e.url}</strong>
      <p>{e.kinds.map((k) => t(`webhooks.kind.${k}`)).join(', ')}</p>
      <p data-testid="webhook-state">
        {state === 'disabled'
          ? t('webhooks.state.disabled', { time: time(e.failingSince ?? e.disabledAt ?? 0) })
          : state === 'failing'
            ? t('webhooks.state.failing', { error: e.lastError ?? '' })
            : t(state === 'ok' ? 'webhooks.state.ok' : 'webhooks.state.new')}
      </p>
      {e.lastSuccess !== undefined && (
        <p>{t('webhooks.lastSuccess', { time: time(e.lastSuccess) })}</p>
      )}
      {e.failures > 0 && <p>{t('webhooks.failures', { count: e.failures })}</p>}
      {e.pending > 0 && <p>{t('webhooks.pending', { count: e.pending })}</p>}
      {state === 'failing' && e.nextAttemptAt !== undefined && (
        <p>{t('webhooks.nextRetry', { time: time(e.nextAttemptAt) })}</p>
      )}
      {state === 'disabled' && (
        <button type="button" className="button" onClick={props.onEnable}>
          {t('webhooks.enable')}
        </button>
      )}
      <button type="button" className="button" onClick={props.onDelete}>
        {t('webhooks.delete')}
      </button>
    </li>
  );
}

function AddWebhook(props: {
  onAdd: (url: string, kinds: readonly WebhookKind[]) => Promise<void>;
  onProblem: (message: string) => void;
}) {
  const { t } = useT();
  const [url, setUrl] = useState('');
  const [kinds, setKinds] = useState<readonly WebhookKind[]>([]);
  const [adding, setAdding] = useState(false);
  const toggle = (k: WebhookKind, on: boolean) =>
    setKinds((ks) => WEBHOOK_KINDS.filter((x) => (x === k ? on : ks.includes(x))));
  const add = () => {
    if (kinds.length === 0) return props.onProblem(t('webhooks.pickKind'));
    setAdding(true);
    props
      .onAdd(url.trim(), kinds)
      .then(() => {
        setUrl('');
        setKinds([]);
      })
      .catch((e: unknown) => props.onProblem((e as Error).message))
      .finally(() => setAdding(false));
  };
  return (
    <fieldset className="settings__item">
      <label className="settings__field">
        <span>{t('webhooks.url')}</span>
        <input
          type="url"
          value={url}
          data-testid="webhooks-url"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <div className="settings__choices" role="group" aria-label={t('webhooks.kinds')}>
        {WEBHOOK_KINDS.map((k) => (
          <label key={k} className="settings__check">
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              data-testid={`webhooks-kind-${k}`}
              onChange={(e) => toggle(k, e.target.checked)}
            />
            {t(`webhooks.kind.${k}`)}
          </label>
        ))}
      </div>
      <button
        type="button"
        className="button"
        data-testid="webhooks-add"
        disabled={adding || url.trim() === ''}
        onClick={add}
      >
        {t(adding ? 'webhooks.adding' : 'webhooks.add')}
      </button>
    </fieldset>
  );
}
