import { describe, expect, it } from 'vitest';
import { storeFromPath, storePath } from './chain-route.ts';

describe('chain view addresses', () => {
  it('reads the store back from its address', () => {
    expect(storeFromPath(storePath('north-1'))).toBe('north-1');
    expect(storeFromPath('/chain/north-1/')).toBe('north-1');
  });
  it('shows the list for /chain and for what is not a store', () => {
    expect(storeFromPath('/chain')).toBeUndefined();
    expect(storeFromPath('/chain/a/b')).toBeUndefined();
    expect(storeFromPath('/chain/%E0%A4%A')).toBeUndefined();
  });
});
