import { linkStatus } from '../../../domain/chain/link-status.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../../shell/device-context.ts';
import { useChainLink } from './useChainLink.ts';

/**
 * The store's link to its chain at a glance: linked or cut off, events waiting to be sent,
 * the last one the chain acknowledged. Nothing at all when the hub runs without a chain.
 */
export function ChainLinkPanel() {
  const { t, time } = useT();
  const { apiAuth } = useRuntime();
  const view = useChainLink(apiAuth);
  if (!view) return null;
  const s = linkStatus(view);
  if (s.kind === 'off') return null;
  return (
    <p
      className={`manager-chain manager-chain--${s.kind}`}
      role="status"
      data-testid="manager-chain-link"
      data-state={s.kind}
      data-waiting={s.waiting}
    >
      <strong className="manager-chain__state">{t(`manager.chainLink.${s.kind}`)}</strong>{' '}
      <span className="manager-chain__waiting">
        {t('manager.chainLink.waiting', { count: s.waiting })}
      </span>{' '}
      <span className="manager-chain__ack">
        {s.lastAckAt === null
          ? t('manager.chainLink.neverAcknowledged')
          : t('manager.chainLink.lastAcknowledged', { time: time(s.lastAckAt) })}
      </span>
    </p>
  );
}
