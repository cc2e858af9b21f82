import { describe, expect, it } from 'vitest';
import { routeFor, SURFACE_PATHS } from '../shell/routes.ts';

describe('the floor view', () => {
  it('is its own surface at /floor', () => {
    expect(routeFor('/floor')).toBe('floor');
    expect(routeFor('/floor/')).toBe('floor');
    expect(SURFACE_PATHS.floor).toBe('/floor');
  });
});
