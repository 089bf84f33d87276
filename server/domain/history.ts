/** The vocabulary of the history: what an entry is about, what was done, and one field's change. */

export const AUDIT_OBJECT_TYPES = ["contract", "axis", "objective", "action", "organisation", "member", "invitation", "body", "meeting", "review", "evaluation"] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];
export type AuditOperation = "create" | "update" | "archive" | "restore" | "delete";

export interface AuditChange {
  /** Stable key of the field (e.g. "targetPublic"). */
  field: string;
  /** French label shown in the history (e.g. "Public cible"). */
  label: string;
  before: string | null;
  after: string | null;
}
