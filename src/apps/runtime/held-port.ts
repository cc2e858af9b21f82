import type { TabPort } from './tab-leader.ts';
import type { TabMessage } from './tab-protocol.ts';

/**
 * Holds what `port` receives until the first listener comes, and hands it that first: a
 * follower whose code is still loading misses none of the leader's messages. `drop` lets go.
 */
export function heldPort(port: TabPort): { port: TabPort; drop: () => void } {
  let held: TabMessage[] | undefined = [];
  const stopHolding = port.listen((m) => held?.push(m));
  const drop = (): TabMessage[] => {
    const early = held ?? [];
    held = undefined;
    stopHolding();
    return early;
  };
  return {
    port: {
      post: (message) => port.post(message),
      listen(listener) {
        const early = drop();
        // one task: nothing can arrive between the held messages and the live ones
        const stop = port.listen(listener);
        for (const m of early) listener(m);
        return stop;
      },
    },
    drop: () => void drop(),
  };
}
