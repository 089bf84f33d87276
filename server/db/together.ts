/**
 * Runs independent queries at once on the pool (each on its own connection), or one
 * after the other inside a transaction, whose single connection cannot run two.
 */
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db, Tx } from "./client.js";

type Thunks<T extends readonly unknown[]> = { [K in keyof T]: () => PromiseLike<T[K]> };

export async function together<T extends readonly unknown[]>(db: Db | Tx, ...queries: Thunks<T>): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(queries.map((query) => query()))) as unknown as T;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as unknown as T;
}
