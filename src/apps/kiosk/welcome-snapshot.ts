import { showFirstPaint } from '../shell/first-paint-layer.ts';
import { afterFirstScreen } from '../shell/first-screen.ts';
import { localSetting } from '../../ui/local-setting.ts';

/**
 * The kiosk's welcome screen as it last showed in the store's language, kept so the next start
 * can paint it before React and the device runtime have loaded (src/boot.ts).
 */
interface WelcomeSnapshot {
  readonly html: string;
  readonly lang: string;
  readonly dir: string;
}

function isSnapshot(value: unknown): value is WelcomeSnapshot {
  const v = value as Partial<WelcomeSnapshot> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.html === 'string' &&
    typeof v.lang === 'string' &&
    (v.dir === 'ltr' || v.dir === 'rtl')
  );
}

/** Left out of the copy, their room kept: languages in their own fonts, check-in forms. */
const LEFT_OUT = '.kiosk-welcome__footer, .kiosk-checkins';

const saved = localSetting('nextup.kiosk.welcome', isSnapshot);

/**
 * Keeps a still copy of the welcome screen's greeting and service buttons. What changes while
 * the kiosk runs is left out (the waits, the hours, a disabled button, a problem), so an old
 * copy is never a promise the store cannot keep; so are the footer and the check-ins, which
 * the live screen adds a moment later (the languages' own fonts make the copy's first layout
 * twice as slow). Test ids go too: tests and the benchmark wait for the live buttons.
 */
export function saveWelcomeSnapshot(main: HTMLElement): void {
  const copy = main.cloneNode(true) as HTMLElement;
  // the footer and the check-ins keep their room, so nothing moves when the live screen comes
  const room = [...main.querySelectorAll<HTMLElement>(LEFT_OUT)].map((el) => el.offsetHeight);
  copy.querySelectorAll(LEFT_OUT).forEach((el, i) => {
    const space = document.createElement('div');
    space.style.height = `${room[i] ?? 0}px`;
    el.replaceWith(space);
  });
  for (const node of [copy, ...copy.querySelectorAll<HTMLElement>('*')]) {
    for (const name of ['data-testid', 'data-wait-sec', 'data-issuing', 'data-kind', 'disabled']) {
      node.removeAttribute(name);
    }
  }
  for (const node of copy.querySelectorAll('.kiosk-service__wait')) node.textContent = '\u00a0';
  for (const node of copy.querySelectorAll('.kiosk-error, [role="alert"]')) node.remove();
  saved.write({ html: copy.outerHTML, lang: main.lang, dir: main.dir === 'rtl' ? 'rtl' : 'ltr' });
}

let savedOnce = false;

/** Saves the welcome screen once per start, when the browser is idle after the first screen. */
export function keepWelcomeSnapshot(main: () => HTMLElement | null): void {
  if (savedOnce) return;
  savedOnce = true;
  void afterFirstScreen().then(() => {
    const element = main();
    if (element) saveWelcomeSnapshot(element);
    else savedOnce = false;
  });
}

/** Paints the saved welcome screen over the page; false when there is none yet. */
export function paintWelcomeSnapshot(): boolean {
  const snapshot = saved.read();
  if (!snapshot) return false;
  showFirstPaint('surface--kiosk', snapshot.html, snapshot.lang, snapshot.dir);
  return true;
}
