import pg from "pg";
import { describe, expect, it } from "vitest";
import { preparedStatementsFromEnv, preparingClient, StatementNames } from "./prepared.js";

describe("statement names", () => {
  it("names each text once, the same name for the same text, and no new text past the limit", () => {
    const names = new StatementNames(2);
    const a = names.of("select $1::int");
    expect(a).toMatch(/^cles_[\w-]{27}$/);
    expect(names.of("select $1::int")).toBe(a);
    const b = names.of("select $1::text");
    expect(b).not.toBe(a);
    expect(names.of("select $1::date")).toBeUndefined();
    // Known texts keep their names.
    expect(names.of("select $1::int")).toBe(a);
    expect(names.size).toBe(2);
  });

  it("is on unless DATABASE_PREPARED_STATEMENTS says 0 or false", () => {
    expect(preparedStatementsFromEnv({})).toBe(true);
    expect(preparedStatementsFromEnv({ DATABASE_PREPARED_STATEMENTS: "1" })).toBe(true);
    expect(preparedStatementsFromEnv({ DATABASE_PREPARED_STATEMENTS: "0" })).toBe(false);
    expect(preparedStatementsFromEnv({ DATABASE_PREPARED_STATEMENTS: " False " })).toBe(false);
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("statements prepared on PostgreSQL", () => {
  it("prepares a statement with parameters once per connection, and leaves the others and the caller's query object alone", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1, Client: preparingClient(new StatementNames()) });
    try {
      const config = { text: "select $1::int + 1 as n", rowMode: "array" as const };
      for (const value of [1, 2]) expect((await pool.query(config, [value])).rows).toEqual([[value + 1]]);
      // The caller's object (drizzle keeps its own) is not given the name.
      expect(config).not.toHaveProperty("name");
      await pool.query("select 41 + 1 as n");
      await pool.query({ text: "select $1::text as t", values: ["é"] });
      // The one connection of the pool: its prepared statements.
      const { rows } = await pool.query<{ name: string; statement: string }>("select name, statement from pg_prepared_statements order by statement");
      expect(rows).toEqual([
        { name: expect.stringMatching(/^cles_/), statement: "select $1::int + 1 as n" },
        { name: expect.stringMatching(/^cles_/), statement: "select $1::text as t" },
      ]);
      // A text with several commands (a migration's) still runs: no parameters, simple protocol.
      await pool.query("select 1; select 2");
    } finally {
      await pool.end();
    }
  });
});
