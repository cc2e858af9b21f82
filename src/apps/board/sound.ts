/**
 * The board's chime (WebAudio, no files) and spoken call-out (speech synthesis). Both are
 * extras: where a browser has no audio, no voices or blocks autoplay, they do nothing.
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

/** True when the browser holds sound back until someone touches the screen. */
export function soundBlocked(): boolean {
  return audio()?.state === 'suspended';
}

/** Call from a tap: lets the chime and the voice play from now on. */
export async function unlockSound(): Promise<void> {
  try {
    await audio()?.resume();
    globalThis.speechSynthesis?.cancel();
  } catch {
    // Still silent; the screen shows the calls anyway.
  }
}

/** A two-note "ding-dong"; returns how long it lasts in ms. */
export function playChime(): number {
  const ctx = audio();
  if (!ctx) return 0;
  try {
    if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.05;
    tone(ctx, 880, start, 0.6);
    tone(ctx, 659.25, start + 0.45, 0.9);
    return 1400;
  } catch {
    return 0;
  }
}

function tone(ctx: AudioContext, frequency: number, at: number, seconds: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds + 0.05);
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
