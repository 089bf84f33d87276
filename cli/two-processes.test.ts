/**
 * Two `cles serve` processes on one PostgreSQL database, as behind a load balancer (issue 17):
 * what one process changes, the other enforces and shows at once — a member removed, a remark
 * on the dashboard — and the sign-in limit counts the attempts of both. PostgreSQL only: the
 * embedded database is opened by one process (its data folder is locked).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../server/demo/accounts.js";
import { adminQuery, HttpClient, killAll, startServer, type ServerProcess } from "./testing/server.js";

const serverUrl = process.env.TEST_DATABASE_URL;
const name = `cles_two_${randomBytes(6).toString("hex")}`;
let first: ServerProcess;
let second: ServerProcess;
let shared: string;


/** `read` until `ok` holds, for at most `ms`: the other process hears a change within milliseconds of its commit. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 1_000): Promise<{ value: T; tries: number }> {
  const end = Date.now() + ms;
  for (let tries = 1; ; tries++) {
    const value = await read();
    if (ok(value) || Date.now() > end) return { value, tries };
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!serverUrl)("two app processes on one PostgreSQL database", () => {
  beforeAll(async () => {
    await adminQuery(serverUrl!, `create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    // One folder for both, as a shared volume: attachments and prepared documents (or S3_URL).
    shared = await mkdtemp(join(tmpdir(), "cles-two-"));
    const env = { DATABASE_URL: url.toString(), DATA_DIR: shared };
    first = startServer(3971, env, ["--seed"]);
    await first.ready;
    second = startServer(3972, env);
    await second.ready;
  }, 120_000);

  afterAll(async () => {
    await killAll();
    await adminQuery(serverUrl!, `drop database if exists ${name} with (force)`);
    if (shared) await rm(shared, { recursive: true, force: true });
  });

  it("shows on one a remark written on the other, on a dashboard it had in memory", async () => {
    const coordinator = new HttpClient(first.base);
    await coordinator.signIn("marie.dupont@camvs.test", DEMO_PASSWORD);
    const { items } = (await (await coordinator.request("GET", "/api/contracts")).json()) as { items: { id: string; slug: string }[] };
    const camvs = items.find((c) => c.slug === "camvs-2021-2023")!.id;
    const fiches = (await (await coordinator.request("GET", `/api/contracts/${camvs}/actions`)).json()) as { items: { id: string; number: number }[] };
    const fa2 = fiches.items.find((f) => f.number === 2)!.id;

    const onSecond = new HttpClient(second.base);
    await onSecond.signIn("karim.benali@cpam77.test", DEMO_PASSWORD);
    const activity = async () => ((await (await onSecond.request("GET", `/api/contracts/${camvs}/dashboard`)).json()) as { activity: { text: string }[] }).activity.map((a) => a.text);
    expect(await activity()).not.toContain("FA 2 — remarque de Marie Dupont");
    expect(await activity()).not.toContain("FA 2 — remarque de Marie Dupont");

    expect((await coordinator.request("POST", `/api/actions/${fa2}/comments`, { body: "Écrite sur le premier processus." })).status).toBe(201);
    const seen = await eventually(activity, (texts) => texts[0] === "FA 2 — remarque de Marie Dupont");
    expect(seen.value[0]).toBe("FA 2 — remarque de Marie Dupont");
    expect(seen.tries).toBe(1);
  });

  it("enforces on one a member removed on the other, though it knew the session", async () => {
    const coordinator = new HttpClient(first.base);
    await coordinator.signIn("marie.dupont@camvs.test", DEMO_PASSWORD);
    const { items } = (await (await coordinator.request("GET", "/api/contracts")).json()) as { items: { id: string; slug: string }[] };
    const camvs = items.find((c) => c.slug === "camvs-2021-2023")!.id;
    const members = (await (await coordinator.request("GET", `/api/contracts/${camvs}/members`)).json()) as { items: { userId: string; email: string }[] };
    const karim = members.items.find((m) => m.email === "karim.benali@cpam77.test")!;

    const partner = new HttpClient(second.base);
    await partner.signIn("karim.benali@cpam77.test", DEMO_PASSWORD);
    const readContract = async () => (await partner.request("GET", `/api/contracts/${camvs}`)).status;
    expect(await readContract()).toBe(200);
    expect(await readContract()).toBe(200);

    expect((await coordinator.request("DELETE", `/api/contracts/${camvs}/members/${karim.userId}`)).status).toBe(200);
    const refused = await eventually(readContract, (status) => status === 404);
    expect(refused.value).toBe(404);
    expect(refused.tries).toBe(1);
  });

  it("prepares on either a document asked of one, and gives it from the other", async () => {
    const coordinator = new HttpClient(first.base);
    await coordinator.signIn("marie.dupont@camvs.test", DEMO_PASSWORD);
    const { items } = (await (await coordinator.request("GET", "/api/contracts")).json()) as { items: { id: string; slug: string }[] };
    const camvs = items.find((c) => c.slug === "camvs-2021-2023")!.id;
    const draft = (await (await coordinator.request("POST", `/api/contracts/${camvs}/reviews`, { year: 2022, quarter: 4 })).json()) as { id: string; version: number };
    expect((await coordinator.request("POST", `/api/reviews/${draft.id}/publish`, { version: draft.version })).status).toBe(200);
    const started = await coordinator.request("POST", `/api/reviews/${draft.id}/exports`, { format: "html" });
    expect(started.status).toBe(202);
    const { job } = (await started.json()) as { job: { id: string } };
    // The same session, on the other process.
    coordinator.base = second.base;
    const state = async () => ((await (await coordinator.request("GET", `/api/jobs/${job.id}`)).json()) as { job: { state: string } }).job.state;
    expect((await eventually(state, (s) => s === "done", 60_000)).value).toBe("done");
    const file = await coordinator.request("GET", `/api/jobs/${job.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await file.text()).toContain("<title>Revue trimestrielle</title>");
  });

  it("does the hourly housekeeping once for both: a single run at start, though both started", async () => {
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const runs = await adminQuery<{ n: number }>(url.toString(), "select count(*)::int as n from pgboss.job where name = 'housekeeping'");
    expect(runs).toEqual([{ n: 1 }]);
    const schedules = await adminQuery<{ name: string; cron: string }>(url.toString(), "select name, cron from pgboss.schedule");
    expect(schedules).toEqual([{ name: "housekeeping", cron: "5 * * * *" }]);
  });

  it("counts the failed sign-ins of one address on both: the 31st is refused by either", async () => {
    const clients = [new HttpClient(first.base), new HttpClient(second.base)];
    for (const client of clients) await client.refresh();
    const attempt = async (client: HttpClient, n: number) => (await client.request("POST", "/api/auth/sign-in", { email: `inconnu-${n}@exemple.test`, password: "pas le bon mot de passe" })).status;
    // The earlier tests' sign-ins from this address count too (5 successful ones).
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push(await attempt(clients[i % 2]!, i));
    expect(new Set(statuses)).toEqual(new Set([401]));
    const refused = [await attempt(clients[0]!, 100), await attempt(clients[1]!, 101)];
    expect(refused).toEqual([429, 429]);
  });
});
