import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { convertToPdf, pdfText } from "../../testing/office.js";

let ctx: TestContext;
let camvs: string;
let capvm: string;
let coordinator: TestClient;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const list = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>();
  camvs = list.items.find((c) => c.slug.startsWith("camvs"))!.id;
  capvm = list.items.find((c) => c.slug.startsWith("capvm"))!.id;
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
}, 120_000);
afterAll(async () => ctx?.close());

const flat = (text: string) => text.replace(/\s+/g, " ");

describe("annual report of the CAMVS demo, 2021", () => {
  it("as DOCX: opens in LibreOffice and reads the title, the COTECH, FA 5 and an indicator", async () => {
    const res = await coordinator.inject({ url: `/api/contracts/${camvs}/annual-report.docx?year=2021` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="bilan-annuel-2021.docx"');
    const text = flat(await pdfText(await convertToPdf(res.rawPayload, "docx")));
    expect(text).toContain("Bilan annuel 2021");
    expect(text).toContain("Comité technique");
    expect(text).toContain("FA 5");
    expect(text).toContain("Suivi du nombre de partenaires");
    expect(text).toContain("14/09/2021");
    expect(text).toContain("07/12/2021");
    expect(text).toContain("Participation des habitants");
  }, 180_000);

  it("as PDF: the text of every section, the governance figures and the participation total", async () => {
    const res = await coordinator.inject({ url: `/api/contracts/${camvs}/annual-report.pdf?year=2021` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = flat(await pdfText(res.rawPayload));
    for (const title of ["Bilan annuel 2021", "Gouvernance", "Avancement des fiches actions", "Indicateurs", "Participation des habitants", "Documents publiés"]) expect(text).toContain(title);
    expect(text).toContain("Comité technique (COTECH)");
    expect(text).toContain("Aucune revue trimestrielle n'a été publiée en 2021.");
    // The Rencontres de la Santé met residents; the working group on participation is professionals, listed apart.
    // The review gives no head count for it (17 is the number of the survey's respondents).
    expect(text).toContain("1 rencontre de participation des habitants en 2021 ; le nombre de participants n'a pas été renseigné.");
    expect(text).toContain("La participation des habitants a été préparée en 1 réunion de travail entre professionnels");
    expect(text).toContain("Rencontres de la Santé 2021");
  }, 120_000);

  it("as HTML: the sections, an indicator label and its chart", async () => {
    const res = await coordinator.inject({ url: `/api/contracts/${camvs}/annual-report.html?year=2021` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    const html = res.body;
    for (const title of ["Bilan annuel 2021", "Gouvernance", "Avancement des fiches actions", "Indicateurs", "Participation des habitants", "Documents publiés"]) expect(html).toContain(title);
    expect(html).toContain("FA 5");
    expect(html).toContain("Comité de pilotage 2021");
    expect(html).toContain("Rencontres de la Santé 2021");
    // An indicator of FA 6, measured once (30/06/2021, the survey's 17 respondents): its value stated in the table, no chart of a single point.
    expect(html).toContain("Mise en place d&#39;un GT, mobilisation de partenaires et d&#39;habitants");
    expect(html).toContain("17 (30/06/2021)");
    expect(html).not.toMatch(/alt="Évolution de l&#39;indicateur «[\s\u00a0]Mise en place d&#39;un GT/);
    // FA 5's indicators are not measured: listed among those without a measurement.
    expect(html).toContain("Suivi du nombre de partenaires et personnes à recourir au dispositif");
  });

  it("is read by every reader of the contract: ARS and partner; an outsider learns nothing (404), anonymous 401", async () => {
    for (const email of ["ars77@ars-idf.test", "karim.benali@cpam77.test", "sophie.leroy@camvs.test"]) {
      const client = await signedInClient(ctx.server, email);
      expect((await client.inject({ url: `/api/contracts/${camvs}/annual-report.html?year=2022` })).statusCode).toBe(200);
    }
    const outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    expect((await outsider.inject({ url: `/api/contracts/${camvs}/annual-report.html?year=2021` })).statusCode).toBe(404);
    const anonymous = await anonymousClient(ctx.server);
    expect((await anonymous.inject({ url: `/api/contracts/${camvs}/annual-report.pdf?year=2021` })).statusCode).toBe(401);
  });

  it("refuses a missing year, a year outside the contract and an unknown format with field errors; unknown contract 404", async () => {
    const missing = await coordinator.inject({ url: `/api/contracts/${camvs}/annual-report.pdf` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(["querystring.year"]);
    const outside = await coordinator.inject({ url: `/api/contracts/${camvs}/annual-report.docx?year=2019` });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([{ path: "year", message: "Choisissez une année de la période du contrat (2021 à 2023)." }]);
    const format = await coordinator.inject({ url: `/api/contracts/${camvs}/annual-report.odt?year=2021` });
    expect(format.statusCode).toBe(400);
    expect(format.json().errors[0].path).toBe("params.format");
    const unknown = await ctx.app.inject({ url: "/api/contracts/00000000-0000-4000-8000-000000000000/annual-report.html?year=2021" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe("Ce contrat est introuvable.");
  });

  it("measures the generation of the largest demo contract (CAPVM) as DOCX and PDF", async () => {
    const thomas = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    const times: Record<string, number[]> = { docx: [], pdf: [] };
    for (let round = 0; round < 3; round++) {
      for (const format of ["docx", "pdf"] as const) {
        const started = performance.now();
        const res = await thomas.inject({ url: `/api/contracts/${capvm}/annual-report.${format}?year=2021` });
        times[format]!.push(performance.now() - started);
        expect(res.statusCode).toBe(200);
      }
    }
    console.log(`annual report CAPVM 2021: docx ${times.docx!.map((t) => t.toFixed(0)).join(", ")} ms; pdf ${times.pdf!.map((t) => t.toFixed(0)).join(", ")} ms`);
  }, 120_000);
});
