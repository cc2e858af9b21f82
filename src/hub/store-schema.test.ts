import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, validateShape } from './config-schema.ts';
import { resolveFromRepo } from './paths.ts';
import { STORE_SCHEMA } from './store-schema.ts';

describe('the store config schema', () => {
  it('ships as JSON for editors exactly as the typed schema the hub checks with', () => {
    const shipped: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(STORE_SCHEMA)));
  });

  it('still refuses null for an optional field (the type asks for nullable; the schema has none)', () => {
    const cfg = JSON.parse(readFileSync(resolveFromRepo('kiosk-config/store.json'), 'utf8')) as {
      kiosk: Record<string, unknown>;
    };
    expect(validateShape(structuredClone(cfg)).ok).toBe(true);
    cfg.kiosk['publicUrl'] = null;
    expect(validateShape(cfg)).toMatchObject({ ok: false });
  });
});
