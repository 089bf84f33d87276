import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { regionalReferentials } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import type { ContractDocument } from "../transfer/format.js";
import { newFicheBody } from "../../testing/fixtures.js";
import { actions } from "../../db/schema.js";

let ctx: TestContext;
let coordinator: TestClient;
let ars: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  for (const c of (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items) ids[c.slug] = c.id;
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

const bfcBody = (version: number) => ({
  arsName: "ARS Bourgogne-Franche-Comté",
  templateWording: "",
  prsName: "PRS BFC",
  prsEdition: "2018-2028",
  prsProjects: [
    { code: "OS1", label: "Prévention et promotion de la santé" },
    { code: "OS2", label: "" },
  ],
  regionalPlans: ["PRSE 4 Bourgogne-Franche-Comté"],
  version,
});

async function savedRows() {
  return ctx.database.db.select().from(regionalReferentials).where(eq(regionalReferentials.regionCode, "27"));
}

/** The text of a Word file's body. */
async function docxText(file: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(file)).file("word/document.xml")!.async("string");
  const entities: Record<string, string> = { "&apos;": "'", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&amp;": "&" };
  return xml.replace(/<[^>]+>/g, "").replace(/&(apos|quot|lt|gt|amp);/g, (e) => entities[e]!);
}

describe("regional referentials", () => {
  it("lists every region, Île-de-France with its shipped PRS, the others with their ARS's name only", async () => {
    const res = await coordinator.inject({ url: "/api/referentials" });
    expect(res.statusCode).toBe(200);
    const { referentials } = res.json<{ referentials: { regionCode: string; arsName: string; prsName: string; prsProjects: unknown[]; version: number }[] }>();
    expect(referentials).toHaveLength(18);
    expect(referentials.find((r) => r.regionCode === "11")).toMatchObject({ arsName: "ARS Île-de-France", prsName: "PRS 2", version: 0 });
    expect(referentials.find((r) => r.regionCode === "27")).toMatchObject({ arsName: "ARS Bourgogne-Franche-Comté", prsName: "", prsProjects: [] });
    expect((await (await anonymousClient(ctx.server)).inject({ url: "/api/referentials" })).statusCode).toBe(401);
    expectProblem(await coordinator.inject({ url: "/api/referentials/99" }), 400);
  });

  it("lets the admin alone edit a region's, refusing bad input and a stale version, writing nothing then", async () => {
    expectProblem(await coordinator.inject({ method: "PUT", url: "/api/referentials/27", payload: bfcBody(0) }), 403);
    expectProblem(await ars.inject({ method: "PUT", url: "/api/referentials/27", payload: bfcBody(0) }), 403);
    const bad = expectProblem(await ctx.app.inject({ method: "PUT", url: "/api/referentials/27", payload: { ...bfcBody(0), arsName: " ", prsProjects: [{ code: "OS1", label: "" }, { code: "OS1", label: "" }] } }), 400);
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(["arsName", "prsProjects.1.code"]);
    expect(await savedRows()).toEqual([]);

    const first = await ctx.app.inject({ method: "PUT", url: "/api/referentials/27", payload: bfcBody(0) });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ regionCode: "27", prsName: "PRS BFC", version: 1 });
    // Two admins who both read version 0 (or 1): the second is refused.
    expectProblem(await ctx.app.inject({ method: "PUT", url: "/api/referentials/27", payload: { ...bfcBody(0), prsName: "Autre" } }), 409);
    const second = await ctx.app.inject({ method: "PUT", url: "/api/referentials/27", payload: { ...bfcBody(1), prsEdition: "2023-2028" } });
    expect(second.json()).toMatchObject({ prsEdition: "2023-2028", version: 2 });
    expectProblem(await ctx.app.inject({ method: "PUT", url: "/api/referentials/27", payload: { ...bfcBody(1), prsName: "Autre" } }), 409);
    expect((await savedRows())[0]).toMatchObject({ prsName: "PRS BFC", prsEdition: "2023-2028", version: 2 });
  });

  it("gives a contract its region's referential to its readers, and 404 to others", async () => {
    const res = await coordinator.inject({ url: `/api/contracts/${ids["camvs-2021-2023"]}/referential` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ referential: { regionCode: string }; planSuggestions: string[]; templatePhrase: string }>();
    expect(body.referential.regionCode).toBe("11");
    expect(body.planSuggestions.slice(0, 2)).toEqual(["PRS 2", "PRSE 3"]);
    expect(body.templatePhrase).toBe("au modèle de l'ARS Île-de-France");
    expectProblem(await coordinator.inject({ url: `/api/contracts/${ids["capvm-2019-2022"]}/referential` }), 404);
    expectProblem(await ctx.app.inject({ url: "/api/contracts/00000000-0000-4000-8000-000000000000/referential" }), 404);
  });

  it("imports a rural contract of Côte-d'Or whose Word export names its region's ARS, never Île-de-France", async () => {
    const exported = (await ctx.app.inject({ url: `/api/contracts/${ids["camvs-2021-2023"]}/export` })).json<ContractDocument>();
    // A communauté de communes of Côte-d'Or (fixture): three of its communes, no QPV, every fiche on the whole territory.
    const doc = {
      ...exported,
      contract: {
        ...exported.contract,
        name: "CLS de la communauté de communes du Pays d'Arnay-Liernais",
        localAuthority: "Communauté de communes du Pays d'Arnay-Liernais",
        communes: [
          { inseeCode: "21025", name: "Arnay-le-Duc", population: 1500 },
          { inseeCode: "21350", name: "Liernais", population: 500 },
          { inseeCode: "21348", name: "Lacanche", population: 500 },
        ],
        priorityAreas: [],
        actions: exported.contract.actions.map((a) => ({ ...a, territory: { scope: "whole", communes: [] } })),
      },
    } as ContractDocument;
    const imported = await ctx.app.inject({ method: "POST", url: "/api/contracts/import?slug=cc-arnay-liernais", payload: doc as object });
    expect(imported.statusCode, imported.body).toBe(201);
    const id = imported.json<{ id: string }>().id;

    const referential = (await ctx.app.inject({ url: `/api/contracts/${id}/referential` })).json<{ referential: { regionCode: string; prsName: string } }>();
    expect(referential.referential).toMatchObject({ regionCode: "27", prsName: "PRS BFC" });
    const docx = await ctx.app.inject({ url: `/api/contracts/${id}/actions.docx` });
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain("au modèle de l'ARS Bourgogne-Franche-Comté");
    // (Its fiches, copied from CAMVS's, still name partners such as the « Groupe hospitalier Sud Île-de-France »: data, not Clés' words.)
    expect(text).not.toContain("ARS Île-de-France");
    // Its fiches' PRS codes are checked against Bourgogne-Franche-Comté's list, not Île-de-France's.
    const axisId = (await ctx.app.inject({ url: `/api/contracts/${id}` })).json<{ axes: { id: string }[] }>().axes[0]!.id;
    const before = (await ctx.database.db.select({ id: actions.id }).from(actions).where(eq(actions.contractId, id))).length;
    const refused = expectProblem(await ctx.app.inject({ method: "POST", url: `/api/contracts/${id}/actions`, payload: newFicheBody(axisId, { number: 99, prsProjects: ["OS1", "1.1"] }) }), 400);
    expect(refused.errors).toEqual([{ path: "prsProjects.1", message: "« 1.1 » n'est pas un projet du PRS BFC de l'ARS Bourgogne-Franche-Comté (voir les référentiels régionaux)." }]);
    expect((await ctx.database.db.select({ id: actions.id }).from(actions).where(eq(actions.contractId, id))).length).toBe(before);
    expect((await ctx.app.inject({ method: "POST", url: `/api/contracts/${id}/actions`, payload: newFicheBody(axisId, { number: 99, prsProjects: ["OS1", "OS2"] }) })).statusCode).toBe(201);
    // The CAMVS contract still says its own.
    expect(await docxText((await ctx.app.inject({ url: `/api/contracts/${ids["camvs-2021-2023"]}/actions.docx` })).rawPayload)).toContain("au modèle de l'ARS Île-de-France");
  });
});
