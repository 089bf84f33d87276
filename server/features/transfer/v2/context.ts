/** What the parts of a version 2 export or import share: the references and the directory. */
import { inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client.js";
import { users } from "../../../db/schema.js";
import type { RefMap } from "./refs.js";

export interface ExportContext {
  db: Db;
  contractId: string;
  /** Fiches (and then every exported object) by id. */
  refs: RefMap;
  orgName: Map<string, string>;
  axisNumber: Map<string, number>;
  /** Residents' names and e-mails are written only when the export asks for participation data. */
  residents: boolean;
}

export interface ImportContext {
  tx: Tx;
  contractId: string;
  refs: RefMap;
  orgId: Map<string, string>;
  axisId: Map<number, string>;
  /** The account of this instance with that e-mail, if one exists. */
  accountOf: (email: string) => string | null;
}

/** Name and e-mail of the accounts a file's people were linked to. */
export async function accountsById(db: Db, ids: (string | null)[]): Promise<Map<string, { name: string; email: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u]));
}

/** The accounts of this instance whose e-mail a file names (compared without case). */
export async function accountsByEmail(tx: Tx, emails: string[]): Promise<(email: string) => string | null> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const rows = wanted.length
    ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(sql`lower(${users.email})`, wanted))
    : [];
  const byEmail = new Map(rows.map((u) => [u.email.toLowerCase(), u.id]));
  return (email) => byEmail.get(email.trim().toLowerCase()) ?? null;
}

/**
 * Runs queries one after the other (a query builder starts when awaited): on PostgreSQL a
 * transaction or a single client runs one query at a time anyway.
 */
export async function inTurn<T extends readonly unknown[]>(queries: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const out: unknown[] = [];
  for (const q of queries) out.push(await q);
  return out as { -readonly [K in keyof T]: Awaited<T[K]> };
}
