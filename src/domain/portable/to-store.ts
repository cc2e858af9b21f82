import { encodeHlc } from '../clock/hlc.ts';
import { eventId, type EventBody, type StoreEvent } from '../queue/events.ts';
import { validateEvent } from '../sync/validate.ts';
import { PortableLogError } from './parse.ts';
import type { PortableEvent } from './types.ts';

/**
 * A portable log (DESIGN.md section 5) back into store events, for importing another store's
 * history or restoring one: every event is written by one import device (its own id, so two
 * imports never collide), in the log's order, its hybrid clock at the line's time. Fields the
 * portable form leaves out get stated defaults: a missing counter is "imported", a display
 * number that the store format cannot hold is made from the order of issue.
 */
export const IMPORTED_COUNTER = 'imported';
const NUMBER = /^[A-Z][0-9]{3,6}$/;

/**
 * The portable log leaves booking codes out (they let a customer check in): an imported
 * booking gets a code made from its id, six digits, so the store format holds it.
 */
export function importedCode(appointment: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < appointment.length; i++)
    h = Math.imul(h ^ appointment.charCodeAt(i), 0x01000193);
  return String((h >>> 0) % 1_000_000).padStart(6, '0');
}

export class PortableToStore {
  private seq = 0;
  private lastWall = -1;
  private counter = 0;
  private issued = 0;

  constructor(
    private readonly store: string,
    /** The import's own device id, e.g. "import-lq3x9a". */
    readonly device: string,
  ) {}

  /** The store event of one portable line; throws PortableLogError naming the line. */
  convert(p: PortableEvent, line: number): StoreEvent {
    const body = this.body(p);
    // equal times keep their order through the clock's counter, as on a real device
    if (p.at === this.lastWall) this.counter++;
    else this.counter = 0;
    this.lastWall = p.at;
    const seq = ++this.seq;
    const event = {
      id: eventId(this.device, seq),
      store: this.store,
      device: this.device,
      seq,
      hlc: encodeHlc({ wall: p.at, counter: this.counter }),
      ...body,
    };
    const checked = validateEvent(event);
    if (!checked.ok) throw new PortableLogError(line, `cannot be stored: ${checked.reason}`);
    return checked.value;
  }

  private body(p: PortableEvent): EventBody {
    switch (p.type) {
      case 'ticket.issued': {
        this.issued++;
        const number =
          p.number !== undefined && NUMBER.test(p.number)
            ? p.number
            : `X${String(this.issued % 1_000_000).padStart(3, '0')}`;
        return {
          type: p.type,
          ticket: p.ticket,
          service: p.service,
          number,
          n: Number(number.slice(1)),
          ...(p.priority ? { priority: true as const } : {}),
          ...(p.channel !== undefined ? { channel: p.channel } : {}),
          ...(p.checkIn ? { checkIn: true as const } : {}),
          ...(p.appointment !== undefined ? { appointment: p.appointment } : {}),
          ...(p.slot !== undefined ? { slot: p.slot } : {}),
        };
      }
      case 'appointment.booked':
        return {
          type: p.type,
          appointment: p.appointment,
          service: p.service,
          at: p.slot,
          code: importedCode(p.appointment),
        };
      case 'appointment.cancelled':
        return {
          type: p.type,
          appointment: p.appointment,
          ...(p.reason ? { reason: p.reason } : {}),
        };
      case 'ticket.called':
      case 'ticket.recalled':
      case 'ticket.started':
      case 'ticket.completed':
      case 'ticket.noShow':
        return { type: p.type, ticket: p.ticket, counter: p.counter ?? IMPORTED_COUNTER };
      case 'ticket.cancelled':
        return { type: p.type, ticket: p.ticket, ...(p.reason ? { reason: p.reason } : {}) };
      case 'ticket.checkedIn':
        return { type: p.type, ticket: p.ticket };
      case 'ticket.transferred':
        return {
          type: p.type,
          ticket: p.ticket,
          counter: p.counter ?? IMPORTED_COUNTER,
          toService: p.toService,
        };
      case 'counter.opened':
        return { type: p.type, counter: p.counter, services: [...p.services] };
      case 'counter.closed':
        return { type: p.type, counter: p.counter };
    }
  }
}
