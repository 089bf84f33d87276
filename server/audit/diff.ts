/**
 * The history's building blocks, as pure functions: an object is turned into a
 * snapshot (French field label → display text), and two snapshots give the
 * field-level changes recorded in an audit entry.
 */
import type { AuditChange } from "../domain/history.js";

/** A field of a snapshot: its French label and its value as people read it (null when empty). */
export type Snapshot = Record<string, { label: string; value: string | null }>;

/** A value as text: empty things are null, booleans Oui/Non, lists one item per line. */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    const items = value.map(displayValue).filter((v): v is string => v !== null);
    return items.length ? items.join("\n") : null;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value).trim();
  return text === "" ? null : text;
}

/** Builds a snapshot from [key, label, value] triples. */
export function snapshot(fields: [key: string, label: string, value: unknown][]): Snapshot {
  return Object.fromEntries(fields.map(([key, label, value]) => [key, { label, value: displayValue(value) }]));
}

/** The fields whose text differs, in the order of the `after` snapshot (then fields only in `before`). */
export function diffSnapshots(before: Snapshot, after: Snapshot): AuditChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.flatMap((field) => {
    const b = before[field]?.value ?? null;
    const a = after[field]?.value ?? null;
    if (a === b) return [];
    return [{ field, label: after[field]?.label ?? before[field]!.label, before: b, after: a }];
  });
}

/** The fields of a new object that have a value, as changes from nothing. */
export function creationChanges(after: Snapshot): AuditChange[] {
  return diffSnapshots({}, after);
}
