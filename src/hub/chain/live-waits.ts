/**
 * The store's live wait figures on the chain: the payload the hub publishes on the public
 * `wait/{service}` topic (src/hub/wait-publisher.ts), the same bytes, on
 * `waitSubject(store, service)`, on every change and again every `everyMs`.
 */
import type { Clock, Transport } from '../../sync/ports.ts';
import { waitSubject } from '../../domain/chain/subjects.ts';
import { topics, type TopicRoot } from '../../sync/topics.ts';

type Publisher = Pick<Transport, 'publish' | 'onStateChange'>;

export interface LiveWaits {
  /** The wait publisher's transport, seen through: what it publishes also goes to the chain. */
  tee(transport: Publisher): Publisher;
  close(): void;
}

export function startLiveWaits(deps: {
  readonly root: TopicRoot;
  readonly services: () => readonly string[];
  readonly clock: Clock;
  readonly publish: (subject: string, body: string) => void;
  readonly everyMs?: number;
}): LiveWaits {
  const { root, clock } = deps;
  const last = new Map<string, string>();
  let cancel: (() => void) | undefined;
  const send = (service: string, payload: string): void =>
    deps.publish(waitSubject(root.store, service), payload);
  const heartbeat = (): void => {
    for (const [service, payload] of last) send(service, payload);
    cancel = clock.after(deps.everyMs ?? 10_000, heartbeat);
  };
  cancel = clock.after(deps.everyMs ?? 10_000, heartbeat);
  return {
    tee: (transport) => ({
      onStateChange: (fn) => transport.onStateChange(fn),
      publish(topic, payload, o) {
        const service = deps.services().find((s) => topics.wait(root, s) === topic);
        if (service !== undefined && payload !== '') {
          last.set(service, payload);
          send(service, payload);
        }
        return transport.publish(topic, payload, o);
      },
    }),
    close: () => cancel?.(),
  };
}
