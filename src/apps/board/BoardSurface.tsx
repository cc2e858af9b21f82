import { useState, type CSSProperties } from 'react';
import { boardPalette } from '../../domain/config/settings.ts';
import type { BoardConfig } from '../../domain/config/types.ts';
import { liveCalls, nowServing } from '../../domain/queue/selectors.ts';
import { I18nProvider, useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { BoardClock } from './BoardClock.tsx';
import { boardLanguage } from './board-language.ts';
import { LatestCall } from './LatestCall.tsx';
import { NowServingList } from './NowServingList.tsx';
import { RecentCalls } from './RecentCalls.tsx';
import { SoundUnlock } from './SoundUnlock.tsx';
import { useCallAnnouncer } from './useCallAnnouncer.ts';
import { useSoundState } from './useSoundState.ts';
import { WaitingCounts } from './WaitingCounts.tsx';
import './board.css';

/** The lobby TV, in its own language (`/board?lang=pl`), readable across the room. */
export function BoardSurface() {
  const { config } = useRuntime();
  const [language] = useState(() => boardLanguage(config, location.search));
  return (
    <I18nProvider
      language={language}
      contentFallback={config.store.defaultLanguage}
      timeZone={config.store.timeZone}
    >
      <Board />
    </I18nProvider>
  );
}

/**
 * Who is called where, with a chime, a voice and a live region for screen readers. Only calls
 * that still stand are shown and announced: a no-show or a finished customer leaves the board.
 */
function Board() {
  const { config } = useRuntime();
  const { state } = useDevice();
  const { text, language, dir } = useT();
  const live = liveCalls(state);
  const announcement = useCallAnnouncer(live);
  const sound = useSoundState();
  const recalled = new Set(live.filter((c) => c.recall).map((c) => c.ticket));
  const look = config.board ?? {};
  const notice = look.announcement ? text(look.announcement) : '';
  return (
    <main
      className="board"
      lang={language}
      dir={dir}
      data-sound={sound}
      data-notice={notice ? '' : undefined}
      style={boardColours(look)}
    >
      <header className="board__header">
        <h1 className="board__store">
          {look.logo && (
            <img className="board__logo" src={look.logo} alt="" data-testid="board-logo" />
          )}
          {text(config.store.name)}
        </h1>
        {sound === 'blocked' && <SoundUnlock />}
        <BoardClock />
      </header>
      <div className="board__calls">
        <LatestCall call={live[live.length - 1]} />
        <NowServingList serving={nowServing(state)} recalled={recalled} />
      </div>
      <footer className="board__footer">
        <WaitingCounts />
        <RecentCalls calls={live} />
      </footer>
      {notice && (
        <p className="board__notice" data-testid="board-notice">
          {notice}
        </p>
      )}
      <p
        className="visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="board-announcement"
      >
        {announcement}
      </p>
    </main>
  );
}

/** The store's colours from the settings, over the board's own (board.css). */
function boardColours(look: BoardConfig): CSSProperties | undefined {
  const p = boardPalette(look.colors);
  if (!p) return undefined;
  return {
    '--board-bg': p.background,
    '--board-text': p.text,
    '--board-number': p.accent,
    '--board-accent': p.accent,
    '--board-panel': p.panel,
    '--board-line': p.line,
    '--board-muted': p.muted,
    background: p.background,
    color: p.text,
  } as CSSProperties;
}
