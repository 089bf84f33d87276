import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { conflict, notFound } from "../domain/problem.js";
import type { Tx } from "./client.js";

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export const STALE_MESSAGE =
  "Cet élément a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. Rechargez la page pour voir la dernière version, puis refaites votre modification.";

/**
 * Claims the next version of a row if the client read the current one:
 * 404 when the row is gone, 409 when someone else saved in between.
 */
export async function claimVersion(tx: Tx, table: VersionedTable, id: string, version: number, what: string): Promise<number> {
  const rows = await tx
    .update(table)
    .set({ version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning({ version: table.version });
  if (rows.length === 1) return rows[0]!.version as number;
  const exists = await tx.select({ id: table.id }).from(table).where(eq(table.id, id));
  if (exists.length === 0) throw notFound(`${what} est introuvable.`);
  throw conflict(STALE_MESSAGE);
}
