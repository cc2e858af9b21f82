import type { Issuing } from '../domain/hours/last-ticket.ts';
import { openingDay } from '../domain/hours/when.ts';
import { useT } from './i18n/I18nProvider.tsx';

/**
 * Why a service takes no ticket now, and when it opens again, as the kiosk and /join say it
 * (the domain decided it: domain/hours). `timeZone` is the store's: "tomorrow at 9:00" is the
 * store's tomorrow, whatever the phone's own zone.
 */
export function IssuingStopped(props: {
  issuing: Exclude<Issuing, { kind: 'open' }>;
  timeZone: string;
  now: number;
}) {
  const { t, time, weekday } = useT();
  const { issuing } = props;
  if (issuing.kind === 'capReached') return <>{t('kiosk.hours.capReached')}</>;
  const { opensAt } = issuing;
  if (opensAt === undefined) {
    return (
      <>
        {t(issuing.kind === 'closed' ? 'kiosk.hours.closedNoDate' : 'kiosk.hours.lineFullNoDate')}
      </>
    );
  }
  const day = openingDay(opensAt, props.now, props.timeZone);
  const at = { time: time(opensAt) };
  const when =
    day === 'today'
      ? t('kiosk.hours.today', at)
      : day === 'tomorrow'
        ? t('kiosk.hours.tomorrow', at)
        : t('kiosk.hours.later', { ...at, day: weekday(opensAt) });
  return (
    <>{t(issuing.kind === 'closed' ? 'kiosk.hours.closed' : 'kiosk.hours.lineFull', { when })}</>
  );
}
