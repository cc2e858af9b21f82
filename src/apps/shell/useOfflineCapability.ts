import { useSyncExternalStore } from 'react';
import {
  getOfflineCapability,
  subscribeOfflineCapability,
  type OfflineCapability,
} from './offline-capability.ts';

export function useOfflineCapability(): OfflineCapability {
  return useSyncExternalStore(subscribeOfflineCapability, getOfflineCapability, () => 'checking');
}
