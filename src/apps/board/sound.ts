import {
  play,
  soundState,
  subscribeSoundState,
  unlockSound as unlockAudio,
  type Signal,
  type SoundState,
} from '../../ui/signal.ts';

/**
 * The board's chime (WebAudio, no files) and spoken call-out (speech synthesis). Both are
 * extras: where a browser has no audio, no voices or blocks autoplay, they do nothing.
 */
/** A two-note "ding-dong". */
const CHIME: Signal = {
  wave: 'sine',
  volume: 0.35,
  tones: [
    { frequency: 880, at: 0, seconds: 0.6 },
    { frequency: 659.25, at: 0.45, seconds: 0.9 },
  ],
};

export { soundState, subscribeSoundState, type SoundState };

/** Call from a tap: lets the chime and the voice play from now on. */
export async function unlockSound(): Promise<void> {
  await unlockAudio();
  try {
    globalThis.speechSynthesis?.cancel();
  } catch {
    // no speech here; the screen shows the calls anyway
  }
}

/** Plays the chime; returns how long it lasts in ms. */
export function playChime(): number {
  return play(CHIME);
}

/** Reads a text aloud in the given language, with a matching voice when there is one. */
export function speak(text: string, language: string): void {
  try {
    const synth = globalThis.speechSynthesis;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language;
    utterance.rate = 0.9;
    const base = language.toLowerCase().split('-')[0] ?? '';
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(base));
    if (voice) utterance.voice = voice;
    synth.speak(utterance);
  } catch {
    // No voice: the chime and the screen still tell the customer.
  }
}
