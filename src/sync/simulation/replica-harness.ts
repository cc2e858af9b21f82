import { afterEach, beforeEach } from 'vitest';
import { MemoryStorage, type MemoryBroker, type MemoryTransport } from '../memory-transport.ts';
import { Replica, type ReplicaOptions } from '../replica.ts';
import { simTime, type SimTime } from './sim-time.ts';

/** The test store's topic root, as the replica tests use it. */
export const TEST_ROOT = { prefix: 'nextup/v1', store: 'test-store' };

export interface ReplicaHarness {
  /** This test's virtual time (a new one per test). */
  readonly time: SimTime;
  /**
   * A replica of the test store on `broker`, in this test's virtual time, closed after the
   * test: the agent when its id starts with "agent-". `extra` overrides any option.
   */
  open(
    broker: MemoryBroker,
    device: string,
    extra?: Partial<Omit<ReplicaOptions, 'storage'>> & { readonly storage?: MemoryStorage },
  ): Promise<{ r: Replica; transport: MemoryTransport; storage: MemoryStorage }>;
  /** Starts this test's virtual time again at `start` (before opening its replicas). */
  resetTime(start: number): void;
  /** The replicas open now, in the order opened. */
  readonly replicas: readonly Replica[];
  /** Closes a replica before the test ends (a restart); it is not closed again. */
  stop(r: Replica): Promise<void>;
  /** Closes every replica open now (the store closes for the night). */
  stopAll(): Promise<void>;
}

/**
 * Owns the replica tests' common setup: virtual time (src/sync/simulation/sim-time.ts, no real
 * sleeps) and the replicas each test opens, closed after it. Call once per test file.
 */
export function replicaHarness(): ReplicaHarness {
  let time = simTime();
  const open: Replica[] = [];
  beforeEach(() => {
    time = simTime();
  });
  const stopAll = async (): Promise<void> => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  };
  afterEach(stopAll);
  return {
    get time() {
      return time;
    },
    replicas: open,
    async open(broker, device, extra = {}) {
      const transport = broker.connect(device);
      const storage = extra.storage ?? new MemoryStorage();
      const r = await Replica.open({
        root: TEST_ROOT,
        device,
        timeZone: 'UTC',
        transport,
        clock: time.clock(),
        role: device.startsWith('agent-') ? 'agent' : 'device',
        ...extra,
        storage,
      });
      open.push(r);
      return { r, transport, storage };
    },
    resetTime(start) {
      time = simTime(start);
    },
    async stop(r) {
      open.splice(open.indexOf(r), 1);
      await r.close();
    },
    stopAll,
  };
}
