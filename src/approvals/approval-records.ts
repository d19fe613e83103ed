import type { Store } from '../store/store.js';
import { approvalSchema, type Approval } from './approval.js';
import { mayMove } from './transitions.js';

/** An approval as read, with the store version a write must be based on. */
export interface Stored {
  approval: Approval;
  version: number;
}

/** What an update decided instead of writing (a refusal, "already decided", …), handed back to the caller. */
export interface Stop<T> {
  stop: T;
}

/** The store could not be read or written (Redis down, disk full): nothing was changed by this call. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly store: string,
    cause: unknown,
  ) {
    super(`${store}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StoreUnavailableError';
  }
}

/** How often an update re-reads and re-decides after losing a race before it gives up (a fault, not a race). */
const MAX_RACES = 20;

/**
 * Approval records over the store's compare-and-set. Every change is
 * read → decide → write-if-unchanged; a write that lost a race is refused by
 * the store, and the change is decided again on what is there now. The
 * deciding function sees the current record, so a late "1 of 2" vote or a
 * card-details write can never bring back a state another instance left.
 */
export class ApprovalRecords {
  constructor(
    private readonly store: Store,
    private readonly ttlFor: (a: Approval) => number,
  ) {}

  async get(id: string): Promise<Stored | undefined> {
    const rec = await this.guard(() => this.store.getRecord('approval', id));
    if (!rec) return undefined;
    const parsed = approvalSchema.safeParse(rec.value);
    return parsed.success ? { approval: parsed.data, version: rec.version } : undefined;
  }

  async list(): Promise<Stored[]> {
    const out: Stored[] = [];
    for (const rec of await this.guard(() => this.store.listRecords('approval'))) {
      const parsed = approvalSchema.safeParse(rec.value);
      if (parsed.success) out.push({ approval: parsed.data, version: rec.version });
    }
    return out;
  }

  /** Store a new approval; its id must be new. */
  async create(a: Approval): Promise<Stored> {
    const r = await this.guard(() => this.store.compareAndSet('approval', a.id, 0, a, this.ttlFor(a)));
    if (!r.ok) throw new Error(`approval id ${a.id} is already taken`);
    return { approval: a, version: r.version };
  }

  /**
   * Change approval `id`: `decide` gets the current record and answers the
   * next one, or a {@link Stop} (nothing written). Undefined when the
   * approval is unknown. Throws if `decide` asks for a move
   * {@link mayMove} forbids (a bug), or {@link StoreUnavailableError}.
   */
  async update<T>(
    id: string,
    decide: (current: Approval) => Approval | Stop<T>,
  ): Promise<Stored | Stop<T> | undefined> {
    let current = await this.get(id);
    for (let race = 0; race < MAX_RACES && current; race++) {
      const next = decide(current.approval);
      if ('stop' in next) return next;
      if (!mayMove(current.approval.status, next.status))
        throw new Error(`approval ${id}: ${current.approval.status} → ${next.status} is not a valid change`);
      const expected = current.version;
      const r = await this.guard(() => this.store.compareAndSet('approval', id, expected, next, this.ttlFor(next)));
      if (r.ok) return { approval: next, version: r.version };
      const parsed = r.current ? approvalSchema.safeParse(r.current.value) : undefined;
      current = parsed?.success ? { approval: parsed.data, version: r.current!.version } : undefined;
    }
    if (current) throw new Error(`approval ${id}: lost ${MAX_RACES} write races in a row`);
    return undefined;
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw new StoreUnavailableError(this.store.describe, e);
    }
  }
}
