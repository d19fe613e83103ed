import type { AuditEntry, AuditQuery, AuditRecord } from './audit-log.js';
import type { ChainVerdict } from './chain.js';

/** Where audit records go: the {@link AuditLog} in production, a fake of the same shape in tests. */
export interface AuditWriter {
  append(entry: AuditEntry): Promise<unknown>;
}

/** Where `audit` reads records from. */
export interface AuditReader {
  read(query: AuditQuery): Promise<AuditRecord[]>;
  /** `audit verify`: check the hash chain (src/audit/chain.ts); absent for a log without one. */
  verify?(): Promise<ChainVerdict>;
}

/** The audit log as every front end and the approvals service use it: one writer/reader interface. */
export type AuditStore = AuditWriter & AuditReader;
