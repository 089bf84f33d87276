/** The annual report's synthesis and outlook through the API: proposed, saved, published, reopened, refused. */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annualReportTexts, auditEntries } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";

let ctx: TestContext;
let camvs: string;
let coordinator: TestClient;
let ars: TestClient;

interface Texts {
  status: string;
  statusLabel: string;
  synthesis: string;
  outlook: string;
  proposal: { synthesis: string; outlook: string } | null;
  version: number | null;
  publishedByName: string | null;
  permissions: { edit: boolean; publish: boolean; reopen: boolean };
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const list = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>();
  camvs = list.items.find((c) => c.slug.startsWith("camvs"))!.id;
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
}, 120_000);
afterAll(async () => ctx?.close());

const url = (year: number, tail = "") => `/api/contracts/${camvs}/annual-reports/${year}/texts${tail}`;
const rows = (year: number) => ctx.database.db.select().from(annualReportTexts).where(and(eq(annualReportTexts.contractId, camvs), eq(annualReportTexts.year, year)));
// In the order they were written (PostgreSQL returns an unordered select in any order).
const history = () => ctx.database.db.select().from(auditEntries).where(and(eq(auditEntries.contractId, camvs), eq(auditEntries.objectType, "annual_report"))).orderBy(asc(auditEntries.at));
const report = async (client: TestClient, year: number) => (await client.inject({ url: `/api/contracts/${camvs}/annual-report.html?year=${year}` })).body;

describe("synthesis and outlook of the CAMVS annual report", () => {
  it("are proposed by Clés from the data until the coordination saves its own; the ARS gets no proposal", async () => {
    const res = await coordinator.inject({ url: url(2021) });
    expect(res.statusCode, res.body).toBe(200);
    const texts = res.json<Texts>();
    expect(texts).toMatchObject({ status: "none", statusLabel: "Non rédigées", synthesis: "", outlook: "", version: null, permissions: { edit: true, publish: false, reopen: false } });
    expect(texts.proposal!.synthesis).toMatch(/^<p>Au 31 décembre 2021, les 15 fiches actions du contrat se répartissent ainsi : /);
    expect(texts.proposal!.outlook).toContain("En 2022,");
    const read = (await ars.inject({ url: url(2021) })).json<Texts>();
    expect(read).toMatchObject({ status: "none", proposal: null, permissions: { edit: false, publish: false, reopen: false } });
    expect(await report(ars, 2021)).toContain("Texte proposé par Clés à partir des données du contrat");
  });

  it("are saved as a draft (sanitised), shown to the coordination only, then published for every reader, and reopened", async () => {
    const saved = await coordinator.inject({ method: "PUT", url: url(2022), payload: { synthesis: "<p>Une année <strong>de mise en route</strong>.</p><script>alert(1)</script>", outlook: "<ul><li>Relancer la CPAM</li></ul>", version: null } });
    expect(saved.statusCode, saved.body).toBe(200);
    const draft = saved.json<Texts>();
    expect(draft).toMatchObject({ status: "draft", statusLabel: "Brouillon", synthesis: "<p>Une année <strong>de mise en route</strong>.</p>", version: 1, permissions: { edit: true, publish: true, reopen: false } });
    expect(await report(coordinator, 2022)).toContain("Projet de la coordination, non publié.");
    // The ARS reads neither the draft nor its status: Clés's proposal stands in the report.
    expect((await ars.inject({ url: url(2022) })).json<Texts>()).toMatchObject({ status: "none", synthesis: "", version: null });
    expect(await report(ars, 2022)).not.toContain("mise en route");

    const edited = await coordinator.inject({ method: "PUT", url: url(2022), payload: { synthesis: "<p>Une année de mise en route des actions.</p>", outlook: "<ul><li>Relancer la CPAM</li></ul>", version: 1 } });
    expect(edited.json<Texts>().version).toBe(2);
    const published = await coordinator.inject({ method: "POST", url: url(2022, "/publication"), payload: { version: 2 } });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<Texts>()).toMatchObject({ status: "published", statusLabel: "Publiées", publishedByName: "Marie Dupont", version: 3, permissions: { edit: false, publish: false, reopen: true } });
    const seen = await report(ars, 2022);
    expect(seen).toContain("Une année de mise en route des actions.");
    expect(seen).toContain("Relancer la CPAM");
    expect(seen).not.toContain("Projet de la coordination");
    expect(seen).not.toContain("Texte proposé par Clés");

    const reopened = await coordinator.inject({ method: "POST", url: url(2022, "/reopening"), payload: { version: 3 } });
    expect(reopened.json<Texts>()).toMatchObject({ status: "draft", publishedByName: null, version: 4 });
    expect((await history()).map((h) => [h.operation, h.objectLabel, h.changes.map((c) => c.field).join(",")])).toEqual([
      ["create", "2022 : synthèse et perspectives", "status,synthesis,outlook"],
      ["update", "2022 : synthèse et perspectives", "synthesis"],
      ["update", "2022 : synthèse et perspectives", "status,publishedAt"],
      ["update", "2022 : synthèse et perspectives", "status,publishedAt"],
    ]);
  });

  it("refuse a stale version, a published text and a second publication (409), changing nothing", async () => {
    const [before] = await rows(2022);
    const stale = await coordinator.inject({ method: "PUT", url: url(2022), payload: { synthesis: "<p>Écrasé</p>", outlook: "", version: null } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/viennent d'être modifiées par quelqu'un d'autre/);
    expect((await coordinator.inject({ method: "PUT", url: url(2022), payload: { synthesis: "<p>Écrasé</p>", outlook: "", version: before!.version - 1 } })).statusCode).toBe(409);
    await coordinator.inject({ method: "POST", url: url(2022, "/publication"), payload: { version: before!.version } });
    const [published] = await rows(2022);
    const frozen = await coordinator.inject({ method: "PUT", url: url(2022), payload: { synthesis: "<p>Écrasé</p>", outlook: "", version: published!.version } });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().detail).toBe("La synthèse et les perspectives du bilan 2022 sont publiées : rouvrez-les pour les modifier.");
    expect((await coordinator.inject({ method: "POST", url: url(2022, "/publication"), payload: { version: published!.version } })).statusCode).toBe(409);
    expect((await rows(2022))[0]).toEqual(published);
    const never = await coordinator.inject({ method: "POST", url: url(2023, "/reopening"), payload: { version: 1 } });
    expect(never.statusCode).toBe(409);
    expect(never.json().detail).toBe("La synthèse et les perspectives de ce bilan n'ont pas encore été enregistrées.");
  });

  it("refuse bad input with French field errors, and empty texts at publication, writing nothing", async () => {
    const count = (await history()).length;
    const missing = await coordinator.inject({ method: "PUT", url: url(2023), payload: { synthesis: "<p>Texte</p>" } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(["outlook", "version"]);
    const long = await coordinator.inject({ method: "PUT", url: url(2023), payload: { synthesis: "x".repeat(100_001), outlook: "", version: null } });
    expect(long.json().errors).toEqual([{ path: "synthesis", message: "La synthèse de l'année ne doit pas dépasser 100000 caractères." }]);
    const outside = await coordinator.inject({ method: "PUT", url: url(2019), payload: { synthesis: "", outlook: "", version: null } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([{ path: "year", message: "Choisissez une année de la période du contrat (2021 à 2023)." }]);
    expect((await coordinator.inject({ url: url(20_000) })).json().errors[0].path).toBe("params.year");
    const unpublished = await coordinator.inject({ method: "POST", url: url(2023, "/publication"), payload: { version: 1 } });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json().detail).toBe("Enregistrez la synthèse et les perspectives avant de les publier.");
    await coordinator.inject({ method: "PUT", url: url(2023), payload: { synthesis: "<p> </p>", outlook: "", version: null } });
    const empty = await coordinator.inject({ method: "POST", url: url(2023, "/publication"), payload: { version: 1 } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ path: "synthesis", message: "Rédigez la synthèse ou les perspectives avant de les publier." }]);
    expect((await rows(2023))[0]).toMatchObject({ status: "draft", version: 1 });
    expect((await rows(2019)).length).toBe(0);
    expect((await history()).length).toBe(count + 1);
  });

  it("are written by the coordination only: 403 for a lead, a partner and the ARS, 404 outside the contract, 401 anonymous, nothing written", async () => {
    await ctx.database.db.delete(annualReportTexts).where(eq(annualReportTexts.contractId, camvs));
    const payload = { synthesis: "<p>Non</p>", outlook: "", version: null };
    for (const email of ["sophie.leroy@camvs.test", "karim.benali@cpam77.test", "ars77@ars-idf.test"]) {
      const client = await signedInClient(ctx.server, email);
      expect((await client.inject({ method: "PUT", url: url(2021), payload })).statusCode).toBe(403);
      expect((await client.inject({ method: "POST", url: url(2021, "/publication"), payload: { version: 1 } })).statusCode).toBe(403);
    }
    const outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    expect((await outsider.inject({ url: url(2021) })).statusCode).toBe(404);
    expect((await outsider.inject({ method: "PUT", url: url(2021), payload })).statusCode).toBe(404);
    const anonymous = await anonymousClient(ctx.server);
    expect((await anonymous.inject({ method: "PUT", url: url(2021), payload })).statusCode).toBe(401);
    expect((await rows(2021)).length).toBe(0);
    const unknown = await ctx.app.inject({ method: "PUT", url: "/api/contracts/00000000-0000-4000-8000-000000000000/annual-reports/2021/texts", payload });
    expect(unknown.statusCode).toBe(404);
  });
});
