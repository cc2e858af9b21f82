import { latestCall, nowServing } from '../../domain/queue/selectors.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { BoardClock } from './BoardClock.tsx';
import { LatestCall } from './LatestCall.tsx';
import { NowServingList } from './NowServingList.tsx';
import { RecentCalls } from './RecentCalls.tsx';
import { SoundUnlock } from './SoundUnlock.tsx';
import { useCallAnnouncer } from './useCallAnnouncer.ts';
import { WaitingCounts } from './WaitingCounts.tsx';
import './board.css';

/** The lobby TV: who is called where, readable across the room, with a chime and a voice. */
export function BoardSurface() {
  const { config } = useRuntime();
  const { state } = useDevice();
  const { text } = useT();
  const announcement = useCallAnnouncer(state.calls);
  return (
    <main className="board">
      <header className="board__header">
        <h1 className="board__store">{text(config.store.name)}</h1>
        <BoardClock />
      </header>
      <div className="board__calls">
        <LatestCall call={latestCall(state)} />
        <NowServingList serving={nowServing(state)} />
      </div>
      <footer className="board__footer">
        <WaitingCounts />
        <RecentCalls calls={state.calls} />
      </footer>
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
      <SoundUnlock />
    </main>
  );
}
