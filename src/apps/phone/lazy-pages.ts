import { lazy } from 'react';
import { loadFullEnglish } from '../../ui/i18n/catalogs.ts';

/**
 * The pages that load apart from the screen that routes to them: each is its own chunk with the
 * English it shows. The device app (shell/App.tsx) and the phone's own entry (phone/main.tsx)
 * route to the same ones.
 */

/** Following a ticket: no device runtime, no storage, no MQTT. */
export const LazyTrackPage = lazy(async () => {
  const [{ TrackPage }] = await Promise.all([import('../track/TrackPage.tsx'), loadFullEnglish()]);
  return { default: TrackPage };
});

/** Joining the line from a phone, like the tracking page it hands over to. */
export const LazyJoinPage = lazy(async () => {
  const [{ JoinPage }] = await Promise.all([import('../join/JoinPage.tsx'), loadFullEnglish()]);
  return { default: JoinPage };
});

/** Booking a time, and a booking's own page. */
export const LazyBookPage = lazy(async () => {
  const [{ BookPage }] = await Promise.all([import('../book/BookPage.tsx'), loadFullEnglish()]);
  return { default: BookPage };
});

export const LazyNotFound = lazy(async () => ({
  default: (await import('../shell/NotFound.tsx')).NotFound,
}));
