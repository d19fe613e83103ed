import type { AuditEntry, AuditQuery, AuditRecord } from '../../src/audit/audit-log.js';
import type { AuditStore } from '../../src/audit/audit-store.js';

/** An audit store in memory for tests: keeps what was appended in `entries`; reading returns nothing. */
export class MemoryAudit implements AuditStore {
  entries: AuditEntry[] = [];
  async append(entry: AuditEntry): Promise<unknown> {
    this.entries.push(entry);
    return entry;
  }
  async read(_query: AuditQuery): Promise<AuditRecord[]> {
    return [];
  }
}
