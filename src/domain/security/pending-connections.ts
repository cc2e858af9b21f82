/**
 * Connections that have not authenticated yet, counted per remote address and in all, so one
 * host cannot hold every slot and all of them together stay a bounded amount of memory.
 * Only addresses with a connection open are kept: the map never outgrows `total`.
 */
export interface PendingCaps {
  readonly perAddress: number;
  readonly total: number;
}

export type AdmitRefusal = 'too-many-from-address' | 'too-many-in-all';

export class PendingConnections {
  private readonly byAddress = new Map<string, number>();
  private open = 0;

  constructor(private readonly caps: PendingCaps) {}

  /** Counts one more connection from `address`, or says which cap refuses it. */
  admit(address: string): AdmitRefusal | undefined {
    const mine = this.byAddress.get(address) ?? 0;
    if (mine >= this.caps.perAddress) return 'too-many-from-address';
    if (this.open >= this.caps.total) return 'too-many-in-all';
    this.byAddress.set(address, mine + 1);
    this.open++;
    return undefined;
  }

  /** The connection authenticated or closed: call once per admitted connection. */
  release(address: string): void {
    const mine = this.byAddress.get(address) ?? 0;
    if (mine === 0) return;
    if (mine === 1) this.byAddress.delete(address);
    else this.byAddress.set(address, mine - 1);
    this.open--;
  }

  get count(): number {
    return this.open;
  }

  get addresses(): number {
    return this.byAddress.size;
  }
}
