import { describe, expect, it } from 'vitest';
import { routeFor } from './routes.ts';

describe('routeFor', () => {
  it('routes the surfaces, with or without a trailing slash', () => {
    expect(routeFor('/kiosk')).toBe('kiosk');
    expect(routeFor('/clerk/')).toBe('clerk');
    expect(routeFor('/board')).toBe('board');
  });

  it('shows the landing page at the root', () => {
    expect(routeFor('/')).toBe('landing');
    expect(routeFor('')).toBe('landing');
    expect(routeFor('/index.html')).toBe('landing');
  });

  it('does not guess at other paths', () => {
    expect(routeFor('/kiosk/extra')).toBe('notFound');
    expect(routeFor('/Kiosk')).toBe('notFound');
    expect(routeFor('/manager')).toBe('notFound');
  });
});
