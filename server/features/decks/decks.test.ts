import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { convertToPdf, pdfPages, pdfText } from "../../testing/office.js";

let ctx: TestContext;
let coordinator: TestClient;
let partner: TestClient;
let outsider: TestClient;
let camvs: string;
let capvm: string;
let cotech: string;
let foreignMeeting: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  capvm = contracts.find((c) => c.slug !== "camvs-2021-2023")!.id;
  const meetings = async (id: string) => (await ctx.app.inject({ url: `/api/contracts/${id}/meetings` })).json<{ items: { id: string; title: string }[] }>().items;
  cotech = (await meetings(camvs)).find((m) => m.title === "Comité technique 2021")!.id;
  const others = await meetings(capvm);
  if (others.length) foreignMeeting = others[0]!.id;
  else {
    // The CAPVM demo has no meeting: record one, so that a meeting of another contract exists.
    const body = (await ctx.app.inject({ url: `/api/contracts/${capvm}/bodies` })).json<{ id: string }[] | { items: { id: string }[] }>();
    const bodies = Array.isArray(body) ? body : body.items;
    const bodyId = bodies[0]?.id ?? (await ctx.app.inject({ method: "POST", url: `/api/contracts/${capvm}/bodies`, payload: { kind: "cotech", name: "COTECH" } })).json<{ id: string }>().id;
    const created = await ctx.app.inject({ method: "POST", url: `/api/contracts/${capvm}/meetings`, payload: { bodyId, title: "COTECH CAPVM", startsAt: "2021-05-04T10:00:00+02:00", endsAt: "2021-05-04T12:00:00+02:00" } });
    foreignMeeting = created.json<{ id: string }>().id;
  }
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

/** The text of each slide of a PPTX, in slide order. */
async function slideTexts(file: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return Promise.all(names.map(async (n) => [...(await zip.file(n)!.async("string")).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1]!)).join(" ")));
}
const squeeze = (s: string) => s.replace(/\s+/g, " ");

describe("the committee deck as PowerPoint", () => {
  it("is the COTECH deck of 14/09/2021: title, signatories, agenda, key dates, tables per axis, transversal, process, next steps", async () => {
    const res = await coordinator.inject({ url: `/api/contracts/${camvs}/deck.pptx?year=2021&meetingId=${cotech}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="cotech-2021-09-14.pptx"');
    const slides = await slideTexts(res.rawPayload);
    expect(slides.length).toBeGreaterThanOrEqual(12);
    const all = slides.join("\n");
    expect(slides[0]).toContain("Comité technique 2021");
    expect(slides[0]).toContain("Le 14 septembre 2021");
    expect(slides[0]).toContain("Contrat Local de Santé de la Communauté d'agglomération Melun Val de Seine");
    // The seed's « Ouverture par »: who opens the meeting, from its agenda's opening item.
    expect(slides[1]).toContain("I. OUVERTURE ET MOTS DES SIGNATAIRES OUVERTURE PAR Pascale Gomes Conseillère communautaire déléguée au CLS");
    expect(slides[1]).toContain("Le 14 septembre 2021");
    expect(slides[2]).toContain("Les signataires du contrat");
    for (const s of ["AGENCE RÉGIONALE DE SANTÉ ÎLE-DE-FRANCE", "PRÉFECTURE DE SEINE-ET-MARNE", "CAISSE PRIMAIRE D'ASSURANCE MALADIE DE SEINE-ET-MARNE"]) expect(slides[2]).toContain(s);
    expect(slides[3]).toContain("Ordre du jour");
    expect(slides[3]).toContain("I. Ouverture et mots des signataires");
    expect(slides[3]).toContain("VI. Conclusion : prochaines étapes et mots de clôture");
    // The agenda's tour de table, with the organisations and people recorded for the meeting.
    expect(slides[4]).toContain("II. TOUR DE TABLE");
    expect(slides[4]).toContain("Caisse primaire d'assurance maladie de Seine-et-Marne : ");
    expect(slides[5]).toContain("Dates clés du contrat");
    // The key dates of validation the seed recalls, by month as the seed gives them, then the committees.
    expect(slides[5]).toContain("11/2020 Comité de pilotage 01/2021 Validation de l'ARS 01/01/2021 Début du contrat 02/2021 Validation en conseil communautaire");
    expect(slides[5]).toContain("06/2021 Signature par les 6 partenaires");
    expect(slides[5]).toContain("07/12/2021");
    expect(slides[5]).toContain("Comité de pilotage 2021");
    // Every fiche once, in order, in the tables of the four axes.
    const fiches = [...all.matchAll(/(?<!la )FA (\d+) : /g)].map((m) => Number(m[1]));
    expect([...new Set(fiches)]).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(all).toContain("Axe stratégique 1 — ");
    expect(all).toContain("Axe stratégique 4 — ");
    expect(all).toContain("Objectif opérationnel 1.2 — ");
    expect(slides[6]).toContain("Arborescence des axes et des objectifs");
    expect(slides[6]).toContain("1.2 — Accès aux soins et à l'éducation à la santé FA 5 : ");
    const fa7 = slides.find((s) => s.includes("FA 7 : ") && !s.includes("Arborescence"))!;
    expect(fa7).toContain("Fusionner avec la FA 11");
    expect(all).toContain("Actions transversales");
    expect(all).toContain("Démocratie sanitaire et participation des habitants");
    expect(all).toContain("Suivi du processus de coordination et de gouvernance");
    expect(all).toContain("Un comité technique par an semble plus adéquat ?");
    expect(slides[slides.length - 1]).toContain("Prochaines étapes");
    expect(slides[slides.length - 1]).toContain("Comité de pilotage 2021 (COPIL) le 7 décembre 2021 à 10h00");
    // The footer is on the two slide masters; each slide numbers itself.
    const zip = await JSZip.loadAsync(res.rawPayload);
    const layouts = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
    const footer = "Contrat Local de Santé de la Communauté d&apos;agglomération Melun Val de Seine — Comité technique 2021 du 14/09/2021";
    expect(layouts.filter((x) => x.includes(footer))).toHaveLength(2);
    expect(slides.map((s) => s.split(" ").pop())).toEqual(slides.map((_, i) => String(i + 1)));

    // LibreOffice opens it: one page per slide, the same texts.
    const pdf = await convertToPdf(res.rawPayload, "pptx");
    const text = await pdfText(pdf);
    expect(pdfPages(text)).toHaveLength(slides.length);
    const flat = squeeze(text);
    for (const s of ["Comité technique 2021", "Le 14 septembre 2021", "Ordre du jour", "FA 5 : ", "Fusionner avec la FA 11", "Actions transversales", "Prochaines étapes"]) expect(flat).toContain(s);
  }, 180_000);

  it("holds only the picked fiches, and the default agenda without a meeting", async () => {
    const res = await partner.inject({ url: `/api/contracts/${camvs}/deck.pptx?year=2021&actions=5,1,3` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="diaporama-2021.pptx"');
    const all = (await slideTexts(res.rawPayload)).join("\n");
    expect([...new Set([...all.matchAll(/(?<!la )FA (\d+) : /g)].map((m) => Number(m[1])))]).toEqual([1, 3, 5]);
    expect(all).not.toContain("Axe stratégique 2 — ");
    expect(all).toContain("I. Introduction : rappel des dates clés du contrat");
    expect(all).toContain("IV. Conclusion : prochaines étapes");
  });
});

describe("the committee deck as of its meeting", () => {
  it("shows the fiches as they stood on 14/09/2021: not all late, no progress recorded after it", async () => {
    const res = await coordinator.inject({ url: `/api/contracts/${camvs}/deck.pptx?year=2021&meetingId=${cotech}` });
    expect(res.statusCode).toBe(200);
    const all = (await slideTexts(res.rawPayload)).join("\n");
    const fiches = new Set([...all.matchAll(/(?<!la )FA (\d+) : /g)].map((m) => m[1])).size;
    expect(fiches).toBe(15);
    expect(all.match(/En retard/g)?.length ?? 0).toBeLessThan(fiches);
    // FA 4's entry of 28/09/2021 (the CPTS's public meeting) came after the COTECH.
    expect(all).not.toContain("Mise à disposition d'une salle");
    expect(all).toContain("Le 14 septembre 2021");
    // Today's deck of the year holds it.
    const year = (await slideTexts((await coordinator.inject({ url: `/api/contracts/${camvs}/deck.pptx?year=2021` })).rawPayload)).join("\n");
    expect(year).toContain("Mise à disposition d'une salle");
  }, 60_000);
});

describe("the committee deck as PDF", () => {
  it("has one page per slide with the same content", async () => {
    const pptx = await coordinator.inject({ url: `/api/contracts/${camvs}/deck.pptx?year=2021&meetingId=${cotech}` });
    const res = await coordinator.inject({ url: `/api/contracts/${camvs}/deck.pdf?year=2021&meetingId=${cotech}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="cotech-2021-09-14.pdf"');
    const text = await pdfText(res.rawPayload);
    expect(pdfPages(text)).toHaveLength((await slideTexts(pptx.rawPayload)).length);
    const flat = squeeze(text);
    for (const s of ["Comité technique 2021", "Le 14 septembre 2021", "Les signataires du contrat", "Ouverture et mots des signataires", "FA 5 : ", "Fusionner avec la FA 11", "Démocratie sanitaire", "Un comité technique par an semble plus adéquat ?", "Prochaines étapes"]) {
      expect(flat).toContain(s);
    }
  }, 60_000);
});

describe("the deck's inputs and access", () => {
  const url = (query: string, id = camvs) => `/api/contracts/${id}/deck.pptx?${query}`;
  const paths = async (client: TestClient, query: string) => expectProblem(await client.inject({ url: url(query) }), 400).errors?.map((e) => e.path);

  it("refuses a year outside the contract, an unknown or foreign meeting, unknown fiches, naming the field", async () => {
    const year = expectProblem(await coordinator.inject({ url: url("year=2024") }), 400);
    expect(year.errors).toEqual([{ path: "querystring.year", message: "Choisissez une année de la période du contrat (2021 à 2023)." }]);
    expect(await paths(coordinator, "")).toEqual(["querystring.year"]);
    expect(await paths(coordinator, "year=2021&meetingId=00000000-0000-4000-8000-000000000000")).toEqual(["querystring.meetingId"]);
    expect(await paths(coordinator, `year=2021&meetingId=${foreignMeeting}`)).toEqual(["querystring.meetingId"]);
    expect(await paths(coordinator, "year=2021&meetingId=pas-un-id")).toEqual(["querystring.meetingId"]);
    const fiches = expectProblem(await coordinator.inject({ url: url("year=2021&actions=1,16,42") }), 400);
    expect(fiches.errors).toEqual([{ path: "querystring.actions", message: "Ces fiches n'existent pas dans ce contrat : FA 16, FA 42." }]);
    expect(await paths(coordinator, "year=2021&actions=un,deux")).toEqual(["querystring.actions"]);
    const pdf = await coordinator.inject({ url: `/api/contracts/${camvs}/deck.pdf?year=2019` });
    expect(expectProblem(pdf, 400).errors?.map((e) => e.path)).toEqual(["querystring.year"]);
  });

  it("is for readers of the contract only: 401 signed out, 404 for others and unknown contracts", async () => {
    expectProblem(await (await anonymousClient(ctx.server)).inject({ url: url("year=2021") }), 401);
    expectProblem(await outsider.inject({ url: url("year=2021") }), 404);
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/deck.pdf?year=2021` }), 404);
    expectProblem(await coordinator.inject({ url: url("year=2021", "00000000-0000-4000-8000-000000000000") }), 404);
    expectProblem(await ctx.app.inject({ url: url("year=2021", "00000000-0000-4000-8000-000000000000") }), 404);
    expect((await partner.inject({ url: `/api/contracts/${camvs}/deck.pdf?year=2022` })).statusCode).toBe(200);
  });
});
