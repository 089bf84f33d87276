/**
 * « À faire » (issue 15) on the demo: the lead of CAMVS FA 5 and 6 sees her fiches and what
 * is due on each; the coordinator sees the same across the contract; who may not is told so.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, contracts } from "../../db/schema.js";
import { addDays, addMonths, parisDay } from "../../domain/dates.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";

let ctx: TestContext;
let coordinator: TestClient;
let lead: TestClient;
let partner: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
let camvs: string;
let fa5: string;
let fa6: string;

interface DueItem {
  kind: "milestone_late" | "milestone_due" | "progress" | "indicator";
  targetId: string | null;
  day: string | null;
  late: boolean;
  message: string;
}
interface TodoFiche {
  id: string;
  number: number;
  title: string;
  shownStatus: string;
  pilots: { id: string; name: string }[];
  due: DueItem[];
}
interface MyFiches {
  today: string;
  coordinates: boolean;
  contracts: { id: string; name: string; fiches: TodoFiche[] }[];
}
interface ContractTodo {
  today: string;
  counts: Record<DueItem["kind"], number>;
  fiches: TodoFiche[];
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const db = ctx.database.db;
  [coordinator, lead, partner, outsider, anonymous] = await Promise.all([
    signedInClient(ctx.server, "marie.dupont@camvs.test"),
    signedInClient(ctx.server, "sophie.leroy@camvs.test"),
    signedInClient(ctx.server, "karim.benali@cpam77.test"),
    signedInClient(ctx.server, "thomas.petit@capvm.test"),
    anonymousClient(ctx.server),
  ]);
  camvs = (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "camvs-2021-2023")))[0]!.id;
  const fiche = async (number: number) => (await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, number))))[0]!.id;
  [fa5, fa6] = await Promise.all([fiche(5), fiche(6)]);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

async function read<T>(client: TestClient, url: string): Promise<T> {
  const res = await client.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

async function post(client: TestClient, url: string, payload: Record<string, unknown>): Promise<{ id: string }> {
  const res = await client.inject({ method: "POST", url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

const mine = () => read<MyFiches>(lead, "/api/my/fiches");
const ficheIn = (body: MyFiches, id: string) => body.contracts.flatMap((c) => c.fiches).find((f) => f.id === id);

describe("« Mes fiches »", () => {
  it("lists the fiches the lead pilots, by contract, with their pilots, and says she coordinates nothing", async () => {
    const body = await mine();
    expect(body.today).toBe(parisDay());
    expect(body.coordinates).toBe(false);
    const camvsGroup = body.contracts.find((c) => c.id === camvs);
    expect(camvsGroup?.name).toMatch(/Melun Val de Seine/);
    expect(camvsGroup!.fiches.map((f) => f.number)).toEqual([5, 6]);
    expect(camvsGroup!.fiches[0]!.pilots.map((p) => p.name)).toContain("Sophie Leroy");
  });

  it("shows a late milestone first and one due soon, and forgets the quarter's progress once an entry is added", async () => {
    const today = parisDay();
    const late = await post(lead, `/api/actions/${fa5}/milestones`, { title: "Étape en retard (test)", plannedBy: addDays(today, -400) });
    const soon = await post(lead, `/api/actions/${fa5}/milestones`, { title: "Étape proche (test)", plannedBy: addDays(today, 10) });
    const far = await post(lead, `/api/actions/${fa5}/milestones`, { title: "Étape lointaine (test)", plannedBy: addDays(today, 60) });
    const before = ficheIn(await mine(), fa5)!;
    expect(before.shownStatus).toBe("late");
    expect(before.due[0]).toMatchObject({ kind: "milestone_late", late: true });
    const lateItem = before.due.find((d) => d.targetId === late.id)!;
    expect(lateItem).toMatchObject({ kind: "milestone_late", day: addDays(today, -400), late: true });
    expect(lateItem.message).toMatch(/^Étape en retard : « Étape en retard \(test\) », prévue le \d+(er)? [a-zéû]+ \d{4}$/);
    expect(before.due.find((d) => d.targetId === soon.id)).toMatchObject({ kind: "milestone_due", late: false });
    expect(before.due.some((d) => d.targetId === far.id)).toBe(false);
    const kinds = before.due.map((d) => d.kind);
    expect(kinds.lastIndexOf("milestone_late")).toBeLessThan(kinds.indexOf("milestone_due"));

    if (before.due.some((d) => d.kind === "progress")) {
      await post(lead, `/api/actions/${fa5}/progress`, { happenedOn: today, text: "Point d'étape de test." });
    }
    const after = ficheIn(await mine(), fa5)!;
    expect(after.due.some((d) => d.kind === "progress")).toBe(false);
    expect(after.due.some((d) => d.targetId === late.id)).toBe(true);
  });

  it("asks for a measurement of an indicator never measured or not for 12 months, and no longer once measured", async () => {
    const indicators = await read<{ items: { id: string; latest: { measuredOn: string } | null }[] }>(lead, `/api/actions/${fa6}/indicators`);
    const fiche = ficheIn(await mine(), fa6)!;
    const flagged = fiche.due.filter((d) => d.kind === "indicator").map((d) => d.targetId);
    const today = parisDay();
    for (const i of indicators.items) expect(flagged.includes(i.id), i.id).toBe(!i.latest || i.latest.measuredOn <= addMonths(today, -12));
    const target = flagged[0];
    if (!target) return;
    await post(lead, `/api/actions/${fa6}/measurements`, { indicatorId: target, measuredOn: today, value: 12 });
    const after = ficheIn(await mine(), fa6)!.due.filter((d) => d.targetId === target);
    expect(after).toEqual([]);
  });

  it("is empty for a partner, and for the coordinator who pilots nothing says she coordinates", async () => {
    expect((await read<MyFiches>(partner, "/api/my/fiches")).contracts).toEqual([]);
    const coordination = await read<MyFiches>(coordinator, "/api/my/fiches");
    expect(coordination.coordinates).toBe(true);
  });

  it("answers 401 signed out", async () => {
    expectProblem(await anonymous.inject({ url: "/api/my/fiches" }), 401);
  });
});

describe("the contract's « À faire »", () => {
  it("lists every fiche of the contract that owes something, with counts by kind, for the coordinator", async () => {
    await post(coordinator, `/api/actions/${fa6}/milestones`, { title: "Étape oubliée (test)", plannedBy: addDays(parisDay(), -30) });
    const todo = await read<ContractTodo>(coordinator, `/api/contracts/${camvs}/todo`);
    expect(todo.fiches.length).toBeGreaterThan(0);
    expect(todo.fiches.every((f) => f.due.length > 0)).toBe(true);
    expect(todo.fiches.map((f) => f.number)).toEqual([...todo.fiches.map((f) => f.number)].sort((a, b) => a - b));
    const six = todo.fiches.find((f) => f.id === fa6)!;
    expect(six.due.some((d) => d.kind === "milestone_late" && d.message.includes("Étape oubliée (test)"))).toBe(true);
    expect(six.pilots.map((p) => p.name)).toContain("Sophie Leroy");
    const total = todo.fiches.reduce((n, f) => n + f.due.filter((d) => d.kind === "milestone_late").length, 0);
    expect(todo.counts.milestone_late).toBe(total);
  });

  it("keeps one kind of item when asked, and refuses an unknown kind in French", async () => {
    const late = await read<ContractTodo>(coordinator, `/api/contracts/${camvs}/todo?kind=milestone_late`);
    expect(late.fiches.length).toBeGreaterThan(0);
    expect(late.fiches.flatMap((f) => f.due).every((d) => d.kind === "milestone_late")).toBe(true);
    const res = await coordinator.inject({ url: `/api/contracts/${camvs}/todo?kind=autre` });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Type d'élément inconnu.");
  });

  it("answers 401 signed out, 403 to a partner and a lead of the contract, 404 to an outsider and for a contract that does not exist", async () => {
    expectProblem(await anonymous.inject({ url: `/api/contracts/${camvs}/todo` }), 401);
    expectProblem(await partner.inject({ url: `/api/contracts/${camvs}/todo` }), 403);
    expectProblem(await lead.inject({ url: `/api/contracts/${camvs}/todo` }), 403);
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/todo` }), 404);
    expectProblem(await outsider.inject({ url: "/api/contracts/00000000-0000-4000-8000-000000000000/todo" }), 404);
  });
});
