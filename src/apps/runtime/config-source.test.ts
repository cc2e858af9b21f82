import { describe, expect, it } from 'vitest';
import { setupPageUrl } from './config-source.ts';

describe('setup page address from /api/config', () => {
  it('reads setup.url', () => {
    expect(setupPageUrl({ setup: { url: 'http://store-hub.local:8081/' } })).toBe(
      'http://store-hub.local:8081/',
    );
  });

  it('has none in configs from older hubs, empty ones and odd shapes', () => {
    for (const setup of [undefined, null, '', 'http://x/', {}, { url: '' }, { url: 7 }])
      expect(setupPageUrl({ setup })).toBeUndefined();
    expect(setupPageUrl({})).toBeUndefined();
  });

  it('takes only web addresses, never a script', () => {
    expect(setupPageUrl({ setup: { url: 'javascript:alert(1)' } })).toBeUndefined();
    expect(setupPageUrl({ setup: { url: '/setup' } })).toBeUndefined();
  });
});
