import { describe, expect, it } from 'vitest';
import { ev } from '../testing/store.ts';
import { strandedByClosing } from './closing.ts';
import { fold } from './fold.ts';

const issue = (seq: number, ticket: string, service: string) =>
  ev('k1', seq, 1000 + seq, {
    type: 'ticket.issued',
    ticket,
    service,
    number: `${service[0]!.toUpperCase()}${seq}`,
    n: seq,
  });
const open = (device: string, counter: string, services: string[], wall = 500) =>
  ev(device, 1, wall, { type: 'counter.opened', counter, services });

describe('closing a counter', () => {
  it('names each of its services with people in line and no other open counter', () => {
    const s = fold([
      open('c1', 'counter-1', ['advice', 'returns', 'pickup']),
      open('c2', 'counter-2', ['advice']),
      issue(1, 't1', 'advice'),
      issue(2, 't2', 'returns'),
      issue(3, 't3', 'returns'),
    ]);
    // advice is served at counter 2 too; pickup has nobody waiting
    expect(strandedByClosing(s, 'counter-1')).toEqual([{ service: 'returns', waiting: 2 }]);
    expect(strandedByClosing(s, 'counter-2')).toEqual([]);
  });

  it('counts a closed counter as no help, and strands nobody when the line is empty', () => {
    const s = fold([
      open('c1', 'counter-1', ['advice']),
      open('c2', 'counter-2', ['advice']),
      ev('c2', 2, 600, { type: 'counter.closed', counter: 'counter-2' }),
      issue(1, 't1', 'advice'),
    ]);
    expect(strandedByClosing(s, 'counter-1')).toEqual([{ service: 'advice', waiting: 1 }]);
    const served = fold([
      open('c1', 'counter-1', ['advice']),
      issue(1, 't1', 'advice'),
      ev('c1', 2, 2000, { type: 'ticket.called', ticket: 't1', counter: 'counter-1' }),
    ]);
    expect(strandedByClosing(served, 'counter-1')).toEqual([]);
  });

  it('asks nothing for a counter that is not open', () => {
    expect(strandedByClosing(fold([issue(1, 't1', 'advice')]), 'counter-1')).toEqual([]);
  });
});
