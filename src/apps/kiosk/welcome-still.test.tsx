import { describe, expect, it } from 'vitest';
import { testStore } from '../../domain/testing/store.ts';
import { renderWelcomeStill } from './welcome-still.tsx';

const NOW = Date.UTC(2026, 11, 7, 11, 0);

describe("the hub's still of the kiosk's welcome", () => {
  it('shows the greeting and every service as a kiosk just started, checking the wait', async () => {
    const paint = await renderWelcomeStill(testStore, 'kiosk-1', NOW);
    expect(paint).toMatchObject({
      lang: 'en',
      dir: 'ltr',
      htmlClass: '',
      surfaceClass: 'surface--kiosk',
    });
    const html = paint?.html ?? '';
    expect(html).toMatch(/^<main class="kiosk kiosk-welcome" lang="en" dir="ltr">/);
    expect(html).toContain('<h1 class="kiosk__title" tabindex="-1">Welcome to Test</h1>');
    for (const service of testStore.services) {
      expect(html).toContain(`<span class="kiosk-service__name">${service.name.en}</span>`);
    }
    expect(html.match(/Checking the wait/g)).toHaveLength(testStore.services.length);
    // the live screen's test ids are the live screen's only
    expect(html).not.toContain('data-testid');
  });

  it("speaks the store's language, right to left with its fonts for Arabic", async () => {
    const arabic = {
      ...testStore,
      store: {
        ...testStore.store,
        name: { en: 'Test', ar: 'متجر' },
        defaultLanguage: 'ar',
        languages: ['ar', 'en'],
      },
    };
    const paint = await renderWelcomeStill(arabic, 'kiosk-1', NOW);
    expect(paint).toMatchObject({ lang: 'ar', dir: 'rtl', htmlClass: 'script-fonts' });
    expect(paint?.html).toContain('dir="rtl"');
    expect(paint?.html).toContain('متجر');
    expect(paint?.html).not.toContain('Welcome');
  });

  it("keeps a store's name as text", async () => {
    const hostile = {
      ...testStore,
      store: { ...testStore.store, name: { en: '<img src=x onerror=alert(1)>"' } },
    };
    const html = (await renderWelcomeStill(hostile, 'kiosk-1', NOW))?.html ?? '';
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(html).not.toContain('<img');
  });

  it('has none for a kiosk the store does not have (that tablet shows its setup)', async () => {
    expect(await renderWelcomeStill(testStore, 'kiosk-9', NOW)).toBeUndefined();
  });
});
