/**
 * Reviews shared before Clés (issue 16, item 9): the coordination records the quarters it
 * shared in Word, the list and the annual report say so; bad input, refusals and conflicts
 * write nothing.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, contracts, sharedReviews } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { atTheSameTime, MAX_AT_ONCE } from "../../testing/concurrency.js";

let ctx: TestContext;
let coordinator: TestClient;
let partner: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
let camvs: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  [coordinator, partner, outsider, anonymous] = await Promise.all([
    signedInClient(ctx.server, "marie.dupont@camvs.test"),
    signedInClient(ctx.server, "karim.benali@cpam77.test"),
    signedInClient(ctx.server, "thomas.petit@capvm.test"),
    anonymousClient(ctx.server),
  ]);
  camvs = (await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "camvs-2021-2023")))[0]!.id;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const stored = async () => (await ctx.database.db.select({ n: count() }).from(sharedReviews))[0]!.n;
const url = () => `/api/contracts/${camvs}/shared-reviews`;
const list = async (client: TestClient) => (await client.inject({ url: `/api/contracts/${camvs}/reviews` })).json<{ sharedElsewhere: { id: string; label: string; sharedOn: string; note: string }[] }>().sharedElsewhere;

describe("reviews shared before Clés", () => {
  it("records a quarter's review shared in Word, lists it for every reader, and writes it in the history", async () => {
    const res = await coordinator.inject({ method: "POST", url: url(), payload: { year: 2021, quarter: 2, sharedOn: "2021-07-15", note: "  Envoyée par courriel aux signataires et aux pilotes  " } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ year: 2021, quarter: 2, label: "2e trimestre 2021", sharedOn: "2021-07-15", note: "Envoyée par courriel aux signataires et aux pilotes", recordedByName: "Marie Dupont" });
    expect((await list(partner)).map((r) => [r.label, r.sharedOn])).toEqual([["2e trimestre 2021", "2021-07-15"]]);
    const [entry] = await ctx.database.db.select().from(auditEntries).where(eq(auditEntries.objectId, res.json<{ id: string }>().id));
    expect(entry).toMatchObject({ objectLabel: "Revue du 2e trimestre 2021 (partagée hors Clés)", operation: "create" });
  });

  it("puts it in the annual report, which no longer says that no review was published", async () => {
    const report = await coordinator.inject({ url: `/api/contracts/${camvs}/annual-report.html?year=2021` });
    expect(report.statusCode).toBe(200);
    const text = report.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").replace(/&#39;|&#x27;/g, "'");
    expect(text).toContain("1 revue trimestrielle partagée avec les acteurs du contrat en 2021 hors de Clés.");
    expect(text).toContain("Envoyée par courriel aux signataires et aux pilotes");
    expect(text).not.toContain("Aucune revue trimestrielle n'a été publiée en 2021.");
  });

  it("refuses a quarter outside the contract, a day before the quarter or in the future, and bad fields, next to each field, writing nothing", async () => {
    const before = await stored();
    const refuse = async (payload: object) => expectProblem(await coordinator.inject({ method: "POST", url: url(), payload }), 400).errors ?? [];
    expect(await refuse({ year: 2020, quarter: 4, sharedOn: "2021-01-10" })).toEqual([{ path: "quarter", message: "Le 4e trimestre 2020 n'est pas un trimestre commencé de ce contrat (2021-2023)." }]);
    expect(await refuse({ year: 2021, quarter: 3, sharedOn: "2021-06-30" })).toEqual([{ path: "sharedOn", message: "Une revue du 3e trimestre 2021 est partagée à partir du 01/07/2021." }]);
    expect(await refuse({ year: 2021, quarter: 3, sharedOn: "2099-01-01" })).toEqual([{ path: "sharedOn", message: "La date de partage ne peut pas être dans le futur." }]);
    const fields = await refuse({ year: 2021, quarter: 5, sharedOn: "15/07/2021", note: "x".repeat(501) });
    expect(fields.map((e) => e.path).sort()).toEqual(["note", "quarter", "sharedOn"]);
    expect(fields.find((e) => e.path === "quarter")!.message).toBe("Le trimestre va de 1 à 4.");
    expect(fields.find((e) => e.path === "sharedOn")!.message).toBe("Indiquez une date valide au format AAAA-MM-JJ.");
    expect(fields.find((e) => e.path === "note")!.message).toBe("La précision ne doit pas dépasser 500 caractères.");
    expect(await stored()).toBe(before);
  });

  it("refuses a quarter already recorded, or whose review is published in Clés (409), writing nothing", async () => {
    const before = await stored();
    const twice = await coordinator.inject({ method: "POST", url: url(), payload: { year: 2021, quarter: 2, sharedOn: "2021-07-20" } });
    expect(expectProblem(twice, 409).detail).toBe("La revue du 2e trimestre 2021 est déjà enregistrée comme partagée hors Clés.");
    const draft = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2022, quarter: 1 } })).json<{ id: string; version: number }>();
    expect((await coordinator.inject({ method: "POST", url: `/api/reviews/${draft.id}/publish`, payload: { version: draft.version } })).statusCode).toBe(200);
    const published = await coordinator.inject({ method: "POST", url: url(), payload: { year: 2022, quarter: 1, sharedOn: "2022-04-10" } });
    expect(expectProblem(published, 409).detail).toBe("La revue du 1er trimestre 2022 est publiée dans Clés : elle n'a pas à être enregistrée comme partagée hors Clés.");
    expect(await stored()).toBe(before);
  });

  it("records a quarter once when several requests come at the same instant: one 201, the others 409 in French", async () => {
    const before = await stored();
    const payload = { year: 2022, quarter: 2, sharedOn: "2022-07-08" };
    const results = await atTheSameTime(ctx.database, { table: "contracts", id: camvs }, MAX_AT_ONCE, () =>
      Promise.all(Array.from({ length: MAX_AT_ONCE }, () => coordinator.inject({ method: "POST", url: url(), payload }))),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) expect(expectProblem(r, 409).detail).toMatch(/partagée hors Clés\.$/);
    expect(await stored()).toBe(before + 1);
    const { id } = (await list(coordinator)).find((r) => r.label === "2e trimestre 2022")!;
    expect((await coordinator.inject({ method: "DELETE", url: `/api/shared-reviews/${id}` })).statusCode).toBe(204);
  });

  it("lets the coordination alone record or remove one: 401, 403 for a partner, 404 outside the contract, nothing written or removed", async () => {
    const before = await stored();
    const payload = { year: 2021, quarter: 1, sharedOn: "2021-04-12" };
    expect((await anonymous.inject({ method: "POST", url: url(), payload })).statusCode).toBe(401);
    expectProblem(await partner.inject({ method: "POST", url: url(), payload }), 403);
    expectProblem(await outsider.inject({ method: "POST", url: url(), payload }), 404);
    expect(await stored()).toBe(before);

    const { id } = (await list(coordinator))[0]!;
    expect((await anonymous.inject({ method: "DELETE", url: `/api/shared-reviews/${id}` })).statusCode).toBe(401);
    expectProblem(await partner.inject({ method: "DELETE", url: `/api/shared-reviews/${id}` }), 403);
    expect(expectProblem(await outsider.inject({ method: "DELETE", url: `/api/shared-reviews/${id}` }), 404).detail).toBe("Cette revue partagée hors Clés est introuvable.");
    expect(await stored()).toBe(before);

    expect((await coordinator.inject({ method: "DELETE", url: `/api/shared-reviews/${id}` })).statusCode).toBe(204);
    expect(await stored()).toBe(before - 1);
    expect(expectProblem(await coordinator.inject({ method: "DELETE", url: `/api/shared-reviews/${id}` }), 404).detail).toBe("Cette revue partagée hors Clés est introuvable.");
    expectProblem(await coordinator.inject({ method: "DELETE", url: "/api/shared-reviews/pas-un-identifiant" }), 400);
  });
});
