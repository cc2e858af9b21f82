import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../queue/state.ts';
import type { TicketView } from './tracking.ts';
import { dataAnswer, dataButtons, dataUrl, yourDataPanel } from './your-data.ts';

const store = { personalDataDays: 30 } as TicketView['store'];
const view = (status: TicketStatus) => ({ kind: 'view', view: { status, store } });

describe('the tracking page’s Your data panel', () => {
  it('shows once the visit is over, or for a ticket of an earlier day, never in line or at the counter', () => {
    for (const s of ['waiting', 'called', 'serving'] as const) {
      expect(yourDataPanel(view(s))).toBeUndefined();
    }
    for (const s of ['done', 'noShow', 'cancelled'] as const) {
      expect(yourDataPanel(view(s))).toEqual({ keepDays: 30 });
    }
    // an old link: the page does not know the store's retention, so it says none
    expect(yourDataPanel({ kind: 'notFound' })).toEqual({ keepDays: 0 });
    for (const kind of ['loading', 'invalid', 'onItsWay', 'unreachable']) {
      expect(yourDataPanel({ kind })).toBeUndefined();
    }
  });

  it('disables both buttons while asking, and deleting once it is done', () => {
    expect(dataButtons('busy')).toEqual({ download: false, forget: false });
    expect(dataButtons('forgotten')).toEqual({ download: true, forget: false });
    for (const a of ['idle', 'inLine', 'tooMany', 'failed'] as const) {
      expect(dataButtons(a)).toEqual({ download: true, forget: true });
    }
  });

  it('asks the hub with the link’s time, and reads its answers', () => {
    const ticket = 'abcdefghijklmnopqrstuvwxyz';
    expect(dataUrl(ticket, 'data')).toBe(`/api/track/${ticket}/data`);
    expect(dataUrl(ticket, 'forget', 1_780_000_000_999)).toBe(
      `/api/track/${ticket}/forget?at=1780000000`,
    );
    expect(dataAnswer('forget', 200)).toBe('forgotten');
    expect(dataAnswer('forget', 409)).toBe('inLine');
    expect(dataAnswer('data', 200)).toBe('idle');
    expect(dataAnswer('data', 429)).toBe('tooMany');
    expect(dataAnswer('forget', 429)).toBe('tooMany');
    expect(dataAnswer('data', 404)).toBe('failed');
  });
});
