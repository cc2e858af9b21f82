import { useSyncExternalStore } from 'react';
import { soundState, subscribeSoundState, type SoundState } from './sound.ts';

/**
 * Whether the board can chime and speak now. A TV started with autoplay allowed is `armed`
 * from the start; elsewhere the board is `blocked` until someone taps "Turn on sound".
 */
export function useSoundState(): SoundState {
  return useSyncExternalStore(subscribeSoundState, soundState);
}
