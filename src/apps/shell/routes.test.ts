import { describe, expect, it } from 'vitest';
import { routeFor } from './routes.ts';

describe('routeFor', () => {
  it('routes the surfaces, with or without a trailing slash', () => {
    expect(routeFor('/kiosk')).toBe('kiosk');
    expect(routeFor('/clerk/')).toBe('clerk');
    expect(routeFor('/board')).toBe('board');
    expect(routeFor('/manager')).toBe('manager');
  });

  it('shows the landing page at the root', () => {
    expect(routeFor('/')).toBe('landing');
    expect(routeFor('')).toBe('landing');
    expect(routeFor('/index.html')).toBe('landing');
  });

  it("routes a ticket's tracking address to the tracking page", () => {
    expect(routeFor('/t/abcdefghijklmnopqrstuvwxyz')).toBe('track');
    expect(routeFor('/t/anything/')).toBe('track');
    expect(routeFor('/t/')).toBe('notFound');
    expect(routeFor('/t/a/b')).toBe('notFound');
  });

  it("routes /book and a booking's own page to the booking pages", () => {
    expect(routeFor('/book')).toBe('book');
    expect(routeFor('/book/abcdefghijklmnopqrstuvwxyz')).toBe('book');
    expect(routeFor('/book/a/b')).toBe('notFound');
  });

  it("routes the chain's stores and one store to the chain view", () => {
    expect(routeFor('/chain')).toBe('chain');
    expect(routeFor('/chain/')).toBe('chain');
    expect(routeFor('/chain/north-1')).toBe('chain');
    expect(routeFor('/chain/north-1/x')).toBe('notFound');
  });

  it('does not guess at other paths', () => {
    expect(routeFor('/kiosk/extra')).toBe('notFound');
    expect(routeFor('/Kiosk')).toBe('notFound');
    expect(routeFor('/manager/alerts')).toBe('notFound');
  });
});
