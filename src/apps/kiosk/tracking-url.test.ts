import { describe, expect, it } from 'vitest';
import { trackingUrl } from './tracking-url.ts';

describe('trackingUrl', () => {
  const id = 'abcdefghijklmnopqrstuvwxyz';

  it("uses the kiosk's origin unless the config names the hub's public address", () => {
    expect(trackingUrl('', 'http://10.0.0.5:8080', id, 'pl', 1796472000_500)).toBe(
      `http://10.0.0.5:8080/t/${id}?lang=pl&at=1796472000`,
    );
    expect(
      trackingUrl('https://queue.shop.example/', 'http://10.0.0.5:8080', id, 'ar', 1796472000_000),
    ).toBe(`https://queue.shop.example/t/${id}?lang=ar&at=1796472000`);
  });
});
