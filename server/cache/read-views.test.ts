/**
 * The read views are never stale: what the database announces (triggers of migration
 * 0008) moves a contract's generation, on both engines; nothing is served from memory
 * while the announcements are not heard.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { seedDemo } from "../demo/seed.js";
import { openTestDatabase } from "../testing/database.js";
import { ANY_CONTRACT, EVERY_CONTRACT, ReadViews } from "./read-views.js";

let database: Database;
let views: ReadViews;
let capvm: string;
let camvs: string;
let capvmAction: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database.db);
  const rows = await database.db.execute<{ id: string; slug: string }>(sql`select id, slug from contracts order by slug`);
  const list = (rows as unknown as { rows: { id: string; slug: string }[] }).rows;
  camvs = list.find((r) => r.slug.startsWith("camvs"))!.id;
  capvm = list.find((r) => r.slug.startsWith("capvm"))!.id;
  const action = await database.db.execute<{ id: string }>(sql`select id from actions where contract_id = ${capvm} limit 1`);
  capvmAction = (action as unknown as { rows: { id: string }[] }).rows[0]!.id;
  views = new ReadViews(database.db);
  await views.start(database);
});

afterAll(async () => {
  await views?.close();
  await database?.close();
});

/** A view that counts how often it is computed. */
function counted(scope: string, key: string) {
  let loads = 0;
  return {
    read: () => views.view(scope, key, async () => ++loads),
    get loads() {
      return loads;
    },
  };
}

const run = (query: ReturnType<typeof sql>) => database.db.execute(query);

describe("read views", () => {
  it("serves a view from memory until its contract changes, and only its own contract's changes count", async () => {
    const capvmView = counted(capvm, "a");
    const camvsView = counted(camvs, "a");
    expect([await capvmView.read(), await capvmView.read(), await camvsView.read()]).toEqual([1, 1, 1]);

    await run(sql`update axes set title = title || ' ' where contract_id = ${capvm}`);
    await views.sync();
    expect(await capvmView.read()).toBe(2);
    expect(await camvsView.read()).toBe(1);
  });

  it("hears a change of a table that reaches its contract through a fiche (milestones), and a deletion", async () => {
    const view = counted(capvm, "b");
    await view.read();
    await run(sql`insert into milestones (action_id, title, planned_by, originally_by, position) values (${capvmAction}, 'Étape ajoutée', '2022-01-01', '2022-01-01', 99)`);
    await views.sync();
    expect(await view.read()).toBe(2);
    await run(sql`delete from milestones where title = 'Étape ajoutée'`);
    await views.sync();
    expect(await view.read()).toBe(3);
  });

  it("ignores a change rolled back", async () => {
    const view = counted(capvm, "c");
    await view.read();
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update axes set title = title || ' ' where contract_id = ${capvm}`);
        tx.rollback();
      })
      .catch(() => {});
    await views.sync();
    expect(await view.read()).toBe(1);
  });

  it("shares one computation between concurrent readers, and does not keep one that a change overtook", async () => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = () =>
      views.view(capvm, "d", async () => {
        const n = ++loads;
        if (n === 1) await gate;
        return n;
      });
    const [first, second] = [slow(), slow()];
    await run(sql`update axes set title = title || ' ' where contract_id = ${capvm}`);
    await views.sync();
    release();
    expect([await first, await second]).toEqual([1, 1]);
    expect(await slow()).toBe(2);
    expect(await slow()).toBe(2);
  });

  it("renews the lists of contracts when a contract or its fiches change, not for a milestone", async () => {
    const list = counted(EVERY_CONTRACT, "list");
    await list.read();
    await run(sql`insert into milestones (action_id, title, planned_by, originally_by, position) values (${capvmAction}, 'Autre étape', '2022-01-01', '2022-01-01', 99)`);
    await views.sync();
    expect(await list.read()).toBe(1);
    await run(sql`update contracts set name = name || ' ' where id = ${camvs}`);
    await views.sync();
    expect(await list.read()).toBe(2);
  });

  it("renews the views of every contract's data (a territory's figures) at any change of any contract, a milestone too", async () => {
    const figures = counted(ANY_CONTRACT, "figures");
    expect([await figures.read(), await figures.read()]).toEqual([1, 1]);
    await run(sql`insert into milestones (action_id, title, planned_by, originally_by, position) values (${capvmAction}, 'Encore une étape', '2022-02-01', '2022-02-01', 98)`);
    await views.sync();
    expect(await figures.read()).toBe(2);
    await run(sql`update axes set title = title || ' ' where contract_id = ${camvs}`);
    await views.sync();
    expect(await figures.read()).toBe(3);
    expect(await figures.read()).toBe(3);
  });

  it("forgets everything when a change concerns every contract (an account renamed)", async () => {
    const view = counted(camvs, "e");
    await view.read();
    await run(sql`update users set name = name where id = (select id from users limit 1)`);
    await views.sync();
    expect(await view.read()).toBe(2);
  });

  it("moves a view that names its tables only at their changes of its own contract, and at a change of every contract", async () => {
    let loads = 0;
    const read = () => views.view(capvm, "milestones-only", async () => ++loads, ["milestones"]);
    expect([await read(), await read()]).toEqual([1, 1]);
    await run(sql`update axes set title = title || ' ' where contract_id = ${capvm}`);
    await run(sql`insert into milestones (action_id, title, planned_by, originally_by, position) values ((select id from actions where contract_id = ${camvs} limit 1), 'Étape d''un autre contrat', '2022-03-01', '2022-03-01', 97)`);
    await views.sync();
    expect(await read()).toBe(1);
    await run(sql`update milestones set title = title || ' ' where action_id = ${capvmAction}`);
    await views.sync();
    expect([await read(), await read()]).toEqual([2, 2]);
    await run(sql`update users set name = name where id = (select id from users limit 1)`);
    await views.sync();
    expect(await read()).toBe(3);
  });

  it("does not keep a failed computation", async () => {
    let attempts = 0;
    const failing = () =>
      views.view(capvm, "f", async () => {
        if (++attempts === 1) throw new Error("boom");
        return attempts;
      });
    await expect(failing()).rejects.toThrow("boom");
    expect(await failing()).toBe(2);
    expect(await failing()).toBe(2);
  });

  it("serves nothing from memory once it no longer listens", async () => {
    const alone = new ReadViews(database.db);
    await alone.start(database);
    let loads = 0;
    const read = () => alone.view(capvm, "g", async () => ++loads);
    expect([await read(), await read()]).toEqual([1, 1]);
    await alone.close();
    expect([await read(), await read()]).toEqual([2, 3]);
  });
});
