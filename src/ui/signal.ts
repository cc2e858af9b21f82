/**
 * Sounds and vibration for screens that must be noticed (board chime, browse nudge, floor
 * alert): WebAudio tones, no files. Extras only: where a browser has no audio, blocks it until
 * the screen is touched, runs headless or cannot vibrate, they do nothing and the screen still
 * shows everything. One audio context for the whole app.
 */
let context: AudioContext | undefined;

function audio(): AudioContext | undefined {
  try {
    context ??= new AudioContext();
    return context;
  } catch {
    return undefined;
  }
}

export interface Tone {
  readonly frequency: number;
  /** Seconds after the start of the signal. */
  readonly at: number;
  readonly seconds: number;
}

export interface Signal {
  readonly tones: readonly Tone[];
  readonly wave: OscillatorType;
  readonly volume: number;
}

/** True when the browser holds sound back until someone touches the screen. */
export function soundBlocked(): boolean {
  try {
    return audio()?.state === 'suspended';
  } catch {
    return false;
  }
}

/**
 * Whether this page may make sound now: `armed` (it plays), `blocked` (the browser waits for a
 * touch; a TV started with autoplay allowed never is) or `none` (no audio at all).
 */
export type SoundState = 'armed' | 'blocked' | 'none';

export function soundState(): SoundState {
  try {
    const state = audio()?.state;
    return state === undefined || state === 'closed'
      ? 'none'
      : state === 'suspended'
        ? 'blocked'
        : 'armed';
  } catch {
    return 'none';
  }
}

/** Calls back whenever the sound state may have changed (the browser let the audio run). */
export function subscribeSoundState(onChange: () => void): () => void {
  const ctx = audio();
  if (!ctx) return () => undefined;
  ctx.addEventListener('statechange', onChange);
  return () => ctx.removeEventListener('statechange', onChange);
}

/** Call from a tap: browsers let a page make sound only after it was touched. */
export async function unlockSound(): Promise<void> {
  try {
    await audio()?.resume();
  } catch {
    // still silent; the screen shows it anyway
  }
}

/** Plays a signal; returns how long it lasts in ms (0 when nothing plays). */
export function play(signal: Signal): number {
  const ctx = audio();
  if (!ctx) return 0;
  try {
    if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.05;
    for (const t of signal.tones) tone(ctx, signal, t, start + t.at);
    return Math.round(1000 * Math.max(0, ...signal.tones.map((t) => t.at + t.seconds)) + 100);
  } catch {
    return 0;
  }
}

function tone(ctx: AudioContext, signal: Signal, t: Tone, at: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = signal.wave;
  osc.frequency.value = t.frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(signal.volume, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + t.seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + t.seconds + 0.05);
}

export function vibrate(pattern: readonly number[]): void {
  try {
    navigator.vibrate?.([...pattern]);
  } catch {
    // no vibration motor, or not allowed
  }
}
