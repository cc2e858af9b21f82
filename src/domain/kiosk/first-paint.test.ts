import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_ID, stillKioskOf, withFirstPaint, type FirstPaint } from './first-paint.ts';

const PAGE =
  '<!doctype html><html lang="en"><head><title>Nextup</title></head><body><div id="root"></div><script type="module" src="/assets/main.js"></script></body></html>';

const paint = (over: Partial<FirstPaint> = {}): FirstPaint => ({
  html: '<main class="kiosk"><h1>Welcome to Corner Shop</h1></main>',
  lang: 'ar',
  dir: 'rtl',
  htmlClass: 'script-fonts',
  surfaceClass: 'surface--kiosk',
  ...over,
});

describe('withFirstPaint', () => {
  it('opens the body with the inert layer and gives <html> the language, direction and fonts', () => {
    const page = withFirstPaint(PAGE, paint());
    expect(page).toContain('<html lang="ar" dir="rtl" class="script-fonts">');
    expect(page).toContain(
      `<body><div id="${FIRST_PAINT_ID}" class="surface surface--kiosk first-paint" aria-hidden="true" inert><main class="kiosk"><h1>Welcome to Corner Shop</h1></main></div><div id="root">`,
    );
    expect(page.match(/<html/g)).toHaveLength(1);
  });

  it('leaves the class out when none is needed', () => {
    expect(withFirstPaint(PAGE, paint({ lang: 'en', dir: 'ltr', htmlClass: '' }))).toContain(
      '<html lang="en" dir="ltr">',
    );
  });

  it('keeps a `$` in the markup as text, not a replacement pattern', () => {
    const page = withFirstPaint(PAGE, paint({ html: "<h1>$& $' $` $1 shop</h1>" }));
    expect(page).toContain('<h1>$& $\' $` $1 shop</h1></div><div id="root">');
  });

  it('refuses attribute values it did not make, and a page without a body', () => {
    expect(() => withFirstPaint(PAGE, paint({ lang: 'en" onload="x' }))).toThrow(/unsafe/);
    expect(() => withFirstPaint('<html><p>no body</p></html>', paint())).toThrow(/<body>/);
  });
});

describe('which page request gets the welcome', () => {
  const q = (s: string) => new URLSearchParams(s);
  it('is /kiosk?kiosk=<id> from the hub’s own trusted machine, or with a pairing code', () => {
    expect(stillKioskOf('/kiosk', q('kiosk=k1'), true)).toBe('k1');
    expect(stillKioskOf('/kiosk/', q('kiosk=k1'), true)).toBe('k1');
    expect(stillKioskOf('/kiosk', q('kiosk=k1&pair=ABC123'), false)).toBe('k1');
  });
  it('is nothing for a tablet that must pair first, another page, or no kiosk named', () => {
    expect(stillKioskOf('/kiosk', q('kiosk=k1'), false)).toBeUndefined();
    expect(stillKioskOf('/clerk', q('kiosk=k1'), true)).toBeUndefined();
    expect(stillKioskOf('/kiosk', q(''), true)).toBeUndefined();
    expect(stillKioskOf('/kiosk/x', q('kiosk=k1'), true)).toBeUndefined();
  });
});
