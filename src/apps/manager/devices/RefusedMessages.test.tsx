import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFullEnglish } from '../../../ui/i18n/catalogs.ts';
import { RefusedMessages } from './RefusedMessages.tsx';

/** The text a manager reads (tags and bidi isolation marks out). */
const words = (html: string) => html.replace(/<[^>]+>/g, '\n').replace(/[\u2068\u2069]/g, '');

describe('messages the hub refused, as the manager reads them', () => {
  beforeAll(() => loadFullEnglish());

  it('says how many, why by kind in plain words, and whether to worry', () => {
    const html = renderToStaticMarkup(
      <RefusedMessages counts={{ forged: 2, 'other store': 1, 'a kind from a newer hub': 1 }} />,
    );
    const text = words(html);
    expect(html).toContain('data-count="4"');
    expect(text).toContain('Since it started, the store hub has refused 4 messages from devices.');
    expect(text).toContain('sent in another device’s name, or beyond what the device may do: 2');
    expect(text).toContain('meant for another store: 1');
    expect(text).toContain('other reasons: 1');
    expect(text).toContain('many usually mean a device runs an old version of the app');
    expect(text).not.toMatch(/invalid/i);
  });

  it('says plainly when there is nothing to worry about', () => {
    const text = words(renderToStaticMarkup(<RefusedMessages counts={{}} />));
    expect(text.trim()).toBe(
      'Since it started, the store hub has refused no messages from devices.',
    );
  });
});
