import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BookMenu } from './book-client.ts';
import { SlotPicker } from './SlotPicker.tsx';

const menu = (firstOpen?: string): BookMenu => ({
  offered: true,
  store: { name: { en: 'Shop' }, defaultLanguage: 'en', languages: ['en'], timeZone: 'UTC' },
  daysAhead: 3,
  days: ['2026-03-27', '2026-03-28', '2026-03-29'],
  services: [{ id: 'advice', name: { en: 'Advice' }, ...(firstOpen ? { firstOpen } : {}) }],
});

/** The day the picker shows first: the times' date and the pressed day. */
function shownDay(m: BookMenu): { times: string | undefined; pressed: string[] } {
  const html = renderToStaticMarkup(
    <SlotPicker menu={m} service="advice" chosen={undefined} onChoose={() => {}} refresh={0} />,
  );
  return {
    times: /data-testid="book-times" data-date="([^"]*)"/.exec(html)?.[1],
    pressed: [...html.matchAll(/aria-pressed="true" data-testid="book-day-([^"]+)"/g)].map(
      (m) => m[1]!,
    ),
  };
}

describe('the day /book opens on', () => {
  it("is the service's first day with a free time", () => {
    expect(shownDay(menu('2026-03-28'))).toEqual({ times: '2026-03-28', pressed: ['2026-03-28'] });
  });

  it('is today when no day within reach has one (it then says so)', () => {
    expect(shownDay(menu())).toEqual({ times: '2026-03-27', pressed: ['2026-03-27'] });
  });
});
