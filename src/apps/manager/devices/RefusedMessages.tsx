import { summarizeRefusals, type RefusalKind } from '../../../domain/devices/refusals.ts';
import { useT } from '../../../ui/i18n/I18nProvider.tsx';

const REASON = {
  malformed: 'devices.refused.malformed',
  'invalid event': 'devices.refused.invalidEvent',
  'other store': 'devices.refused.otherStore',
  forged: 'devices.refused.forged',
  implausible: 'devices.refused.implausible',
  'catch-up limited': 'devices.refused.catchUpLimited',
  other: 'devices.refused.other',
} as const satisfies Record<RefusalKind | 'other', string>;

/** How many messages the hub refused from devices, why in plain words, and whether to worry. */
export function RefusedMessages(props: { counts: Readonly<Record<string, number>> }) {
  const { t } = useT();
  const { total, kinds } = summarizeRefusals(props.counts);
  return (
    <section className="devices-refused" data-testid="devices-refused" data-count={total}>
      <p>{t('devices.refused.total', { count: total })}</p>
      {total > 0 && (
        <>
          <ul>
            {kinds.map(({ kind, count }) => (
              <li key={kind} data-testid="devices-refused-kind" data-kind={kind}>
                {t('devices.refused.line', { reason: t(REASON[kind]), count })}
              </li>
            ))}
          </ul>
          <p className="devices-refused__why">{t('devices.refused.why')}</p>
        </>
      )}
    </section>
  );
}
