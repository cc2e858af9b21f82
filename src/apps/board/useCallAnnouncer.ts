import { useEffect, useRef, useState } from 'react';
import type { Call } from '../../domain/queue/state.ts';
import { spokenTicketNumber } from '../../ui/i18n/format.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useRuntime } from '../shell/device-context.ts';
import { callsToAnnounce } from './calls.ts';
import { playChime, speak } from './sound.ts';

/**
 * On each new call (not those already there when the board started): a chime, then the call
 * read aloud. Returns the text for the screen reader's live region.
 */
export function useCallAnnouncer(calls: readonly Call[]): string {
  const { config } = useRuntime();
  const { t, text, language } = useT();
  const seen = useRef<ReadonlySet<string>>(undefined);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const [announcement, setAnnouncement] = useState('');
  // The runtime may update the list in place; its ids say when it changed.
  const callIds = calls.map((c) => c.eventId).join(' ');

  useEffect(() => {
    const fresh = callsToAnnounce(seen.current, calls, Date.now());
    seen.current = new Set(calls.map((c) => c.eventId));
    if (fresh.length === 0) return;
    const sentences = fresh.map((call) => {
      const counter = config.counters.find((c) => c.id === call.counter);
      return t('board.announce', {
        number: spokenTicketNumber(call.number),
        counter: counter ? text(counter.name) : call.counter,
      });
    });
    setAnnouncement(sentences.join(' '));
    const chimeMs = playChime();
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      for (const sentence of sentences) speak(sentence, language);
    }, chimeMs);
    timers.current.add(timer);
  }, [calls, callIds, config, t, text, language]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  return announcement;
}
