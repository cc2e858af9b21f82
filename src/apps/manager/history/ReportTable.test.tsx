import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../domain/reports/query.ts';
import { loadFullEnglish, loadLanguage } from '../../../ui/i18n/catalogs.ts';
import { createI18n } from '../../../ui/i18n/i18n.ts';
import { queueColumns } from './columns.ts';
import { reportLabels } from './report-labels.ts';
import { ReportTable } from './ReportTable.tsx';

const row = (key: string, arrivals: number): QueueRow => ({
  key,
  arrivals,
  called: arrivals,
  served: arrivals,
  noShows: 0,
  left: 0,
  closed: 0,
  noCheckIn: 0,
  open: 0,
  meanWaitSec: 120,
  p90WaitSec: 300,
  maxWaitSec: 300,
  meanServiceSec: 240,
  p90ServiceSec: 300,
  serviceLevel: 100,
  slHits: arrivals,
  slBase: arrivals,
  abandonment: 0,
  noShowRate: 0,
  openCounters: 1,
  checkedIn: 0,
  medianCheckInSec: null,
  p90CheckInSec: null,
});

/** The first cell of each body row and of the footer, as the table shows them. */
function firstCells(html: string): { body: string[]; footer: string[] } {
  const cells = (part: string) =>
    [...part.matchAll(/<tr[^>]*><th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]!);
  const [body = '', footer = ''] = html.split('<tfoot>');
  return { body: cells(body), footer: cells(footer) };
}

describe('the hourly table', () => {
  beforeAll(async () => {
    await loadFullEnglish();
    await loadLanguage('pl');
  });

  for (const [language, hours, total] of [
    ['pl', ['9:00', '19:00'], 'Razem'],
    ['en', ['9:00 AM', '7:00 PM'], 'Total'],
  ] as const) {
    it(`${language}: hours in the store's language and a total row named as such, not "Total:00"`, () => {
      const i18n = createI18n({ language });
      const labels = reportLabels(language);
      const html = renderToStaticMarkup(
        <ReportTable
          testId="t"
          caption="c"
          columns={queueColumns(i18n, 'h', (r) => labels.hour(Number(r.key)), {
            hourly: true,
          })}
          rows={[row('9', 2), row('19', 3)]}
          rowKey={(r) => r.key}
          footer={{ label: i18n.t('managerReports.total'), row: row('total', 5) }}
        />,
      );
      expect(firstCells(html)).toEqual({ body: hours, footer: [total] });
    });
  }
});
