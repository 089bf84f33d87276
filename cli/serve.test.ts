import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { LOG_FLUSH_MS } from "../server/config.js";
import { openDatabase } from "../server/db/client.js";
import { documentJobs } from "../server/db/schema.js";
import { HttpClient, killAll, startServer } from "./testing/server.js";

const tmp = mkdtempSync(join(tmpdir(), "cles-serve-"));

// A failed assertion must not leave a server running: every one still alive is killed.
afterEach(killAll);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("cles serve", () => {
  it("serves the demo, drains on SIGTERM, closes the database, and starts again on the same data", async () => {
    const dataDir = join(tmp, "nested", "data");
    const env = { DATA_DIR: dataDir, DATABASE_URL: "" };
    const first = startServer(3961, env, ["--seed"]);
    await first.ready;
    expect((await fetch("http://127.0.0.1:3961/api/contracts")).status).toBe(401);
    const client = new HttpClient(first.base);
    await client.signIn("admin@cles.test", "cles-demo-2026");
    const contracts = (await (await client.request("GET", "/api/contracts")).json()) as { items: unknown[] };
    expect(contracts.items).toHaveLength(2);
    const page = await fetch("http://127.0.0.1:3961/contrats/inconnu");
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    // Log lines are written in chunks, at most LOG_FLUSH_MS after the request.
    const requestLogged = () => first.output().split("\n").some((l) => l.startsWith("{") && Boolean(JSON.parse(l).reqId));
    await expect.poll(requestLogged, { timeout: 3 * LOG_FLUSH_MS, interval: 100 }).toBe(true);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"signal":"SIGTERM"');

    const second = startServer(3962, env, ["--seed"]);
    await second.ready;
    // The session and its signing secret live in the database: still signed in after a restart.
    client.base = second.base;
    const again = (await (await client.request("GET", "/api/contracts")).json()) as { items: unknown[] };
    expect(again.items).toHaveLength(2);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 240_000);

  it("does the hourly housekeeping at start too: a prepared document ended over 15 minutes ago is forgotten", async () => {
    const dataDir = join(tmp, "housekeeping");
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await database.db.insert(documentJobs).values({ owner: "system:test", requester: { kind: "system", name: "test" }, kind: "test", data: {}, label: "Ancien document", step: "Document prêt", state: "done", endedAt: new Date(Date.now() - 60 * 60_000) });
    await database.close();
    const server = startServer(3963, { DATA_DIR: dataDir, DATABASE_URL: "" });
    await server.ready;
    const forgotten = () => server.output().split("\n").some((l) => l.startsWith("{") && JSON.parse(l).forgotten === 1);
    await expect.poll(forgotten, { timeout: 30_000, interval: 200 }).toBe(true);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    const after = await openDatabase({ dataDir });
    try {
      expect(await after.db.$count(documentJobs)).toBe(0);
    } finally {
      await after.close();
    }
  }, 240_000);

  it("runs compiled (npm start): the build of server/ and cli/ in dist/, its migrations, demo data and render worker", async () => {
    execFileSync(process.execPath, ["scripts/build.mjs", "server", "--if-stale"], { stdio: "inherit" });
    // The first test's data folder (migrated, seeded) when it ran: a first start of an empty folder is the slow part.
    const server = startServer(3963, { DATA_DIR: join(tmp, "nested", "data"), DATABASE_URL: "" }, ["--seed"], { compiled: true });
    await server.ready;
    const client = new HttpClient(server.base);
    await client.signIn("admin@cles.test", "cles-demo-2026");
    const { items } = (await (await client.request("GET", "/api/contracts")).json()) as { items: { id: string }[] };
    expect(items).toHaveLength(2);
    // Rendered in a worker thread started on dist/server/documents/render-worker.js; exceljs loaded on first use.
    for (const file of ["actions.docx", "actions.xlsx"]) {
      const res = await client.request("GET", `/api/contracts/${items[0]!.id}/${file}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    }
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 240_000);
});
