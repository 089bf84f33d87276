/**
 * What a backup holds, read from the database's own catalog rather than from the code, so that
 * no table is forgotten: every table of the `public` schema, its columns that can be written
 * (not generated), its primary key, and an order in which each table comes after the tables it
 * references. A column referencing its own table (a fiche merged into another) is written in a
 * second pass.
 */
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.js";

export interface TableInfo {
  name: string;
  /** Writable columns, in order. */
  columns: string[];
  primaryKey: string[];
  /** Columns that reference the table itself (set once every row of it is written). */
  selfReferences: string[];
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows);

export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the public schema, each after the tables it references. */
export async function readCatalog(db: Db | Tx): Promise<TableInfo[]> {
  const columns = rowsOf<{ table: string; column: string }>(
    await db.execute(sql`select c.table_name as "table", c.column_name as "column"
      from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
      order by c.table_name, c.ordinal_position`),
  );
  const keys = rowsOf<{ table: string; kind: string; columns: string[]; referenced: string | null }>(
    await db.execute(sql`select rel.relname as "table", con.contype as kind, ref.relname as referenced,
        array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns
      from pg_constraint con join pg_class rel on rel.oid = con.conrelid join pg_namespace ns on ns.oid = rel.relnamespace
      left join pg_class ref on ref.oid = con.confrelid
      where ns.nspname = 'public' and con.contype in ('p', 'f')`),
  );
  const tables = new Map<string, TableInfo>();
  for (const { table, column } of columns) {
    if (!tables.has(table)) tables.set(table, { name: table, columns: [], primaryKey: [], selfReferences: [] });
    tables.get(table)!.columns.push(column);
  }
  const dependsOn = new Map<string, Set<string>>([...tables.keys()].map((t) => [t, new Set<string>()]));
  for (const key of keys) {
    const info = tables.get(key.table);
    if (!info) continue;
    if (key.kind === "p") info.primaryKey = key.columns;
    else if (key.referenced === key.table) info.selfReferences.push(...key.columns);
    else if (key.referenced) dependsOn.get(key.table)!.add(key.referenced);
  }
  return topological([...tables.keys()].sort(), dependsOn).map((name) => tables.get(name)!);
}

/** `names`, each after those it depends on (alphabetical among equals); throws on a cycle. */
export function topological(names: string[], dependsOn: Map<string, Set<string>>): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string, path: string[]) => {
    if (placed.has(name)) return;
    if (visiting.has(name)) throw new Error(`Références circulaires entre tables : ${[...path, name].join(" → ")}.`);
    visiting.add(name);
    for (const dependency of [...(dependsOn.get(name) ?? [])].sort()) if (dependsOn.has(dependency)) visit(dependency, [...path, name]);
    visiting.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

/** The rows of every table, counted. */
export async function countRows(db: Db | Tx, tables: TableInfo[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: string }>(await db.execute(sql.raw(`select count(*) as n from ${quoted(table.name)}`)));
    counts[table.name] = Number(row!.n);
  }
  return counts;
}

/** The schema's version: the migrations applied (their count and the last one's hash). */
export async function schemaVersion(db: Db | Tx): Promise<{ migrations: number; last: string }> {
  const [row] = rowsOf<{ n: string; last: string | null }>(
    await db.execute(sql`select count(*) as n, (select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1) as last from drizzle.__drizzle_migrations`),
  );
  return { migrations: Number(row!.n), last: row!.last ?? "" };
}

export { rowsOf };
