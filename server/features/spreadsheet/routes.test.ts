import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, auditEntries, indicatorMeasurements, indicators } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { convertToPdf, pdfText } from "../../testing/office.js";
import { measuredIndicatorMessage } from "../actions/indicators.js";
import { FICHE_SHEETS } from "./columns.js";
import { PARTNER_SECTORS } from "../../domain/vocabulary.js";
import { indicatorLine, type IndicatorLine } from "./lists.js";

let ctx: TestContext;
let coordinator: TestClient; // CAPVM
let otherCoordinator: TestClient; // CAMVS: a stranger to CAPVM
let lead: TestClient; // CAMVS
let partner: TestClient; // CAMVS
let capvm: string;
let camvs: string;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  otherCoordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  capvm = contracts.find((c) => c.slug.startsWith("capvm"))!.id;
  camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

async function exportOf(client: TestClient, contractId: string): Promise<Buffer> {
  const res = await client.inject({ url: `/api/contracts/${contractId}/actions.xlsx` });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function book(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(bytes as unknown as ArrayBuffer);
  return b;
}

/** The export with some cells changed: `edit(sheet, fiche number, header, value)`. */
async function edited(bytes: Buffer, changes: [sheet: string, number: number, header: string, value: ExcelJS.CellValue][]): Promise<Buffer> {
  const b = await book(bytes);
  for (const [name, number, header, value] of changes) {
    const sheet = b.getWorksheet(name)!;
    const headers = sheet.getRow(1).values as unknown[];
    const col = headers.indexOf(header);
    expect(col, `${name} › ${header}`).toBeGreaterThan(0);
    let target = 0;
    sheet.eachRow((row, n) => {
      if (n > 1 && Number(row.getCell(1).value) === number) target = n;
    });
    if (!target) target = sheet.addRow([number]).number;
    sheet.getRow(target).getCell(col).value = value;
  }
  return Buffer.from(await b.xlsx.writeBuffer());
}

function upload(client: TestClient, contractId: string, bytes: Buffer, fileName = "fiches.xlsx") {
  const boundary = "----cles-test-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX}\r\n\r\n`);
  return client.inject({
    method: "POST",
    url: `/api/contracts/${contractId}/actions.xlsx`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

async function versions(contractId: string): Promise<Map<number, number>> {
  const rows = await ctx.database.db.select({ number: actions.number, version: actions.version }).from(actions).where(eq(actions.contractId, contractId));
  return new Map(rows.map((r) => [r.number, r.version]));
}

async function auditCount(): Promise<number> {
  const [row] = await ctx.database.db.select({ n: count() }).from(auditEntries);
  return row!.n;
}

describe("the fiches workbook", () => {
  it("exports one sheet per block after « À lire », one row per fiche, the number first", async () => {
    const started = performance.now();
    const res = await coordinator.inject({ url: `/api/contracts/${capvm}/actions.xlsx` });
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="fiches-capvm.*\.xlsx"$/);
    const b = await book(res.rawPayload);
    expect(b.worksheets.map((s) => s.name)).toEqual(["À lire", "Identification", "Justification", "Description", "Typologie", "Partenaires", "Suivi et évaluation", "Budget"]);
    for (const def of FICHE_SHEETS) {
      const sheet = b.getWorksheet(def.name)!;
      expect(sheet.getRow(1).getCell(1).value).toBe("N° fiche");
      expect(sheet.rowCount).toBe(17);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    const id = b.getWorksheet("Identification")!;
    const header = (id.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["N° fiche", "Intitulé", "Axe (numéro)", "Intitulé de l'axe (rappel)", "Objectif opérationnel (code)", "Statut", "Porteur (organisation)", "Porteur (personne)", "Début (MM/AAAA)", "Fin (MM/AAAA)", "Version (ne pas modifier)", "Statut affiché (non importé)"]);
    expect(id.getRow(2).getCell(2).value).toBe("Assurer la coordination du CLS");
    // The status declared (imported back) and the one every screen shows on the day of the export.
    const shown = (await ctx.app.inject({ url: `/api/contracts/${capvm}/actions?perPage=100` })).json<{ items: { number: number; shownStatusLabel: string }[] }>();
    expect(id.getRow(2).getCell(12).value).toBe(shown.items.find((f) => f.number === 1)!.shownStatusLabel);
    expect(id.getRow(2).getCell(6).value).toBe("En cours");
    expect(id.getRow(2).getCell(7).value).toBe("Coordinateur du CLS");
    expect(id.getRow(2).getCell(9).value).toBe("10/2019");
    expect(id.getRow(2).getCell(6).dataValidation).toMatchObject({ type: "list", formulae: ['"Non démarrée,En cours,Réalisée,Abandonnée"'] });
    // One list rule per column, over its rows: no overlapping duplicates (« F10:F17 » beside « F2:F17 »).
    const zip = await JSZip.loadAsync(res.rawPayload);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const ranges = [...(await zip.file(name)!.async("string")).matchAll(/<dataValidation [^>]*sqref="([A-Z]+)(\d+):\1(\d+)"/g)];
      expect(ranges.map((r) => r[1]), name).toEqual([...new Set(ranges.map((r) => r[1]))]);
      for (const r of ranges) expect([r[2], r[3]], name).toEqual(["2", "17"]);
    }
    const partners = b.getWorksheet("Partenaires")!;
    expect(String(partners.getRow(2).getCell(3).value)).toMatch(new RegExp(`^[^\n]+ — (${PARTNER_SECTORS.join("|")}) — `));
    // FA 1's budget (illustrative demo data), one line per funding; FA 11's determinant as the seed names it.
    expect(String(b.getWorksheet("Budget")!.getRow(2).getCell(3).value).split("\n")[0]).toBe("2020 : 25\u202f000\u202f€ — Agence régionale de santé Île-de-France (acquis)");
    expect(b.getWorksheet("Budget")!.getRow(2).getCell(4).value).toBe("125\u202f000\u202f€ dont 100\u202f000\u202f€ acquis et 25\u202f000\u202f€ demandés");
    expect(b.getWorksheet("Typologie")!.getRow(12).getCell(3).value).toBe("Facteurs psychosociaux et environnement social");
    console.info(`export CAPVM (16 fiches): ${ms.toFixed(0)} ms, ${res.rawPayload.length} octets`);
  });

  it("reads its own export back without changing anything", async () => {
    const bytes = await exportOf(coordinator, capvm);
    const before = await versions(capvm);
    const audits = await auditCount();
    const started = performance.now();
    const res = await upload(coordinator, capvm, bytes);
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: [], unchanged: 16 });
    expect(await versions(capvm)).toEqual(before);
    expect(await auditCount()).toBe(audits);
    console.info(`import CAPVM inchangé (16 fiches): ${ms.toFixed(0)} ms`);
  });

  it("updates only the fiches whose cells changed, through the fiche service (version, history)", async () => {
    const bytes = await exportOf(coordinator, capvm);
    const before = await versions(capvm);
    const b = await book(bytes);
    const themesOf7 = String(b.getWorksheet("Typologie")!.getRow(8).getCell(4).value ?? "");
    const file = await edited(bytes, [
      ["Identification", 2, "Intitulé", "Faciliter l'installation des professionnels de santé (titre revu)"],
      ["Description", 5, "Public cible", "Habitants des quartiers prioritaires, jeunes de 16 à 25 ans"],
      ["Typologie", 7, "Thèmes (un par ligne, 3 au plus ; « Autre : précision »)", [themesOf7.split("\n")[0], "santé mentale"].filter(Boolean).join("\n")],
    ]);
    const started = performance.now();
    const res = await upload(coordinator, capvm, file);
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: [2, 5, 7], unchanged: 13 });
    const after = await versions(capvm);
    for (const [n, v] of before) expect(after.get(n), `FA ${n}`).toBe([2, 5, 7].includes(n) ? v + 1 : v);
    const list = (await coordinator.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
    const fa = async (n: number) => (await coordinator.inject({ url: `/api/actions/${list.find((a) => a.number === n)!.id}` })).json<{ title: string; targetPublic: string; themes: { theme: string }[] }>();
    expect((await fa(2)).title).toBe("Faciliter l'installation des professionnels de santé (titre revu)");
    expect((await fa(5)).targetPublic).toBe("Habitants des quartiers prioritaires, jeunes de 16 à 25 ans");
    expect((await fa(7)).themes.map((t) => t.theme)).toContain("Santé mentale");
    const history = await ctx.database.db.select().from(auditEntries).where(eq(auditEntries.objectId, list.find((a) => a.number === 5)!.id));
    const last = history.sort((a, b) => a.at.getTime() - b.at.getTime()).at(-1)!;
    expect(last).toMatchObject({ operation: "update", actorName: "Thomas Petit" });
    expect(last.changes.map((c) => c.field)).toEqual(["targetPublic"]);
    console.info(`import CAPVM, 3 fiches modifiées: ${ms.toFixed(0)} ms`);
  });

  it("names every bad cell by sheet, row and column, and writes nothing", async () => {
    const bytes = await exportOf(coordinator, capvm);
    const before = await versions(capvm);
    const audits = await auditCount();
    const file = await edited(bytes, [
      ["Identification", 3, "Statut", "Terminée"],
      ["Identification", 4, "Intitulé", ""],
      ["Justification", 6, "Inégalités sociales et territoriales de santé repérées", "Peut-être"],
      ["Typologie", 8, "Thèmes (un par ligne, 3 au plus ; « Autre : précision »)", "Jardinage"],
      ["Description", 9, "Public cible", "x".repeat(2001)],
      ["Description", 99, "Public cible", "Une fiche qui n'existe pas"],
      // A valid change: not written either, since the file has errors.
      ["Description", 10, "Lieu de l'action", "Mairie de Torcy"],
    ]);
    const res = await upload(coordinator, capvm, file);
    const problem = expectProblem(res, 400);
    expect(problem.detail).toBe("Le fichier contient 6 erreur(s) ; rien n'a été enregistré.");
    const byPath = Object.fromEntries(problem.errors!.map((e) => [e.path, e.message]));
    expect(Object.keys(byPath)).toEqual(["Identification!B5", "Identification!F4", "Justification!D7", "Description!G10", "Description!A18", "Typologie!D9"].sort((a, b) => sheetOrder(a) - sheetOrder(b) || rowOf(a) - rowOf(b)));
    expect(byPath["Identification!F4"]).toMatch(/^Statut — FA 3 : « Terminée » n'est pas un statut de la liste \(« Non démarrée », « En cours », « Réalisée », « Abandonnée »\)\.$/);
    expect(byPath["Identification!B5"]).toBe("Intitulé — FA 4 : L'intitulé est obligatoire.");
    expect(byPath["Justification!D7"]).toMatch(/FA 6 : « Peut-être » n'est pas une réponse possible : écrivez « Oui » ou « Non »/);
    expect(byPath["Typologie!D9"]).toMatch(/FA 8 : « Jardinage » n'est pas un thème de la liste/);
    expect(byPath["Description!G10"]).toBe("Public cible — FA 9 : Le public cible ne doit pas dépasser 2000 caractères.");
    expect(byPath["Description!A18"]).toMatch(/^N° fiche — Ce contrat n'a pas de fiche FA 99 : l'import ne crée pas de fiche/);
    expect(await versions(capvm)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("imports determinants and a budget from their cells (old short labels read), and refuses a funder outside the directory", async () => {
    const BUDGET = "Budget (une ligne par financement : « 2021 : 12 000 € — Financeur (acquis) » ou « (demandé) »)";
    const DETERMINANTS = "Déterminants visés (1 à 3, un par ligne)";
    const bytes = await exportOf(coordinator, capvm);
    const audits = await auditCount();
    const refused = await upload(coordinator, capvm, await edited(bytes, [["Budget", 3, BUDGET, "2021 : 4 000 € — Mairie de Torcy (acquis)"]]));
    expect(expectProblem(refused, 400).errors).toEqual([{ path: "Budget!C4", message: expect.stringMatching(/^Budget .* — FA 3 : L'organisation « Mairie de Torcy » n'est pas dans l'annuaire du contrat/) }]);
    expect(await auditCount()).toBe(audits);
    const file = await edited(bytes, [
      ["Budget", 3, BUDGET, "2021 : 4 000 € — Agence régionale de santé Île-de-France (acquis)\n2022 : 2 500 € — Préfecture de Seine-et-Marne (demandé)"],
      ["Typologie", 3, DETERMINANTS, "Système de santé ; Comportements"],
    ]);
    const res = await upload(coordinator, capvm, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: [3], unchanged: 15 });
    const list = (await coordinator.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string; number: number; budget: unknown }[] }>().items;
    const fa3 = (await coordinator.inject({ url: `/api/actions/${list.find((a) => a.number === 3)!.id}` })).json<{ determinants: string[]; budget: { lines: { funder: { name: string } }[]; total: number; secured: number; requested: number } }>();
    expect(fa3.determinants).toEqual(["Système de santé", "Facteurs comportementaux (style de vie)"]);
    expect(fa3.budget).toMatchObject({ total: 6500, secured: 4000, requested: 2500 });
    expect(fa3.budget.lines.map((l) => l.funder.name)).toEqual(["Agence régionale de santé Île-de-France", "Préfecture de Seine-et-Marne"]);
    expect(list.find((a) => a.number === 3)!.budget).toEqual({ total: 6500, secured: 4000, requested: 2500 });
  });

  it("refuses a fiche changed in Clés since the export, rather than overwrite it", async () => {
    const bytes = await exportOf(coordinator, capvm);
    const list = (await coordinator.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
    const id = list.find((a) => a.number === 4)!.id;
    const { permissions: _p, id: _i, contractId: _c, archivedAt: _a, updatedAt: _u, axis: _x, objective: _o, shownStatus: _s, shownStatusLabel: _l, mergedInto: _m, mergedFrom: _f, ...body } = (await coordinator.inject({ url: `/api/actions/${id}` })).json<Record<string, unknown>>();
    const put = await coordinator.inject({ method: "PUT", url: `/api/actions/${id}`, payload: { ...body, place: "Changé dans Clés" } });
    expect(put.statusCode, put.body).toBe(200);
    const before = await versions(capvm);
    const res = await upload(coordinator, capvm, await edited(bytes, [["Description", 4, "Public cible", "Changé dans le fichier"]]));
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([{ path: "Identification!K5", message: expect.stringMatching(/^Version \(ne pas modifier\) — FA 4 : cette fiche a été modifiée dans Clés depuis l'export/) }]);
    expect(await versions(capvm)).toEqual(before);
  });

  it("refuses to drop an indicator that has measurements, on its cell and naming it, writing nothing", async () => {
    const [measured] = await ctx.database.db
      .select({ actionId: indicators.actionId, number: actions.number, indicatorId: indicators.id, label: indicators.label, n: count() })
      .from(indicatorMeasurements)
      .innerJoin(indicators, eq(indicators.id, indicatorMeasurements.indicatorId))
      .innerJoin(actions, eq(actions.id, indicators.actionId))
      .where(eq(actions.contractId, capvm))
      .groupBy(indicators.actionId, actions.number, indicators.id, indicators.label)
      .orderBy(actions.number);
    const { actionId, number, indicatorId, label, n } = measured!;
    const fiche = (await coordinator.inject({ url: `/api/actions/${actionId}` })).json<{ indicators: (IndicatorLine & { id: string })[] }>();
    const header = "Indicateurs (un par ligne : Type — Libellé — départ : 0 — cible : 10 — unité : %)";
    const bytes = await exportOf(coordinator, capvm);
    const file = await edited(bytes, [["Suivi et évaluation", number, header, fiche.indicators.filter((i) => i.id !== indicatorId).map(indicatorLine).join("\n")]]);
    const before = [await versions(capvm), await auditCount(), (await ctx.database.db.select({ n: count() }).from(indicatorMeasurements))[0]!.n];
    const problem = expectProblem(await upload(coordinator, capvm, file), 400);
    let row = 0;
    (await book(bytes)).getWorksheet("Suivi et évaluation")!.eachRow((r, at) => void (Number(r.getCell(1).value) === number && (row = at)));
    expect(problem.errors).toEqual([{ path: `Suivi et évaluation!C${row}`, message: `${header} — FA ${number} : ${measuredIndicatorMessage(label, n)}` }]);
    expect([await versions(capvm), await auditCount(), (await ctx.database.db.select({ n: count() }).from(indicatorMeasurements))[0]!.n]).toEqual(before);
  });

  it("says when the file is not a workbook, or misses its field", async () => {
    const notXlsx = expectProblem(await upload(coordinator, capvm, Buffer.from("numéro;titre\n1;Coordination\n"), "fiches.csv"), 400);
    expect(notXlsx.detail).toMatch(/^Ce fichier n'est pas un classeur Excel \(\.xlsx\) lisible/);
    const fakeZip = expectProblem(await upload(coordinator, capvm, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)])), 400);
    expect(fakeZip.errors).toEqual([{ path: "file", message: fakeZip.detail }]);
    const json = await coordinator.inject({ method: "POST", url: `/api/contracts/${capvm}/actions.xlsx`, payload: { file: "x" } });
    expect(expectProblem(json, 415).detail).toMatch(/multipart\/form-data/);
    const sheetless = new ExcelJS.Workbook();
    sheetless.addWorksheet("Feuil1").addRow(["N° fiche"]);
    const missing = expectProblem(await upload(coordinator, capvm, Buffer.from(await sheetless.xlsx.writeBuffer())), 400);
    expect(missing.errors!.map((e) => e.path)).toEqual(FICHE_SHEETS.filter((s) => !s.optional).map((s) => `${s.name}!A1`));
  });

  it("lets every reader export, the coordination alone import", async () => {
    const camvsFile = await exportOf(partner, camvs);
    expect((await book(camvsFile)).getWorksheet("Identification")!.rowCount).toBe(16);
    await exportOf(lead, camvs);
    expect(expectProblem(await upload(lead, camvs, camvsFile), 403).detail).toMatch(/droit/);
    expectProblem(await upload(partner, camvs, camvsFile), 403);
    expect((await upload(otherCoordinator, camvs, camvsFile)).json()).toEqual({ updated: [], unchanged: 15 });
    expectProblem(await otherCoordinator.inject({ url: `/api/contracts/${capvm}/actions.xlsx` }), 404);
    expectProblem(await upload(otherCoordinator, capvm, camvsFile), 404);
    const anonymous = await anonymousClient(ctx.server);
    expectProblem(await anonymous.inject({ url: `/api/contracts/${capvm}/actions.xlsx` }), 401);
    expectProblem(await upload(anonymous, capvm, camvsFile), 401);
    expectProblem(await ctx.app.inject({ url: `/api/contracts/00000000-0000-4000-8000-000000000000/actions.xlsx` }), 404);
  });

  it("opens in LibreOffice, every block readable", async () => {
    const pdf = await convertToPdf(await exportOf(coordinator, capvm), "xlsx");
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    expect(text).toContain("Fiches actions —");
    expect(text).toContain("1 Assurer la coordination du CLS");
    expect(text).toContain("Coordinateur du CLS 10/2019 12/2022");
    expect(text).toContain("Dernier avancement");
    expect(text).toContain("22/06/2021 : (Illustratif) Rapport annuel 2020");
    expect(text).toContain("Processus — Création du poste de coordination");
  }, 120_000);

  it("gives a Word document laid out as the ARS fiche, one chapter per fiche, that LibreOffice opens", async () => {
    const res = await partner.inject({ url: `/api/contracts/${camvs}/actions.docx` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="fiches-camvs-2021-2023.docx"');
    const text = (await pdfText(await convertToPdf(res.rawPayload, "docx"))).replace(/\s+/g, " ");
    expect(text).toContain("Fiche action 6 — Journée de la Santé");
    for (const block of ["Axe stratégique", "Intitulé de l'action", "Justification", "Description", "Typologie et thématique", "Partenaires et participation", "Suivi et évaluation"]) expect(text).toContain(block);
    expect(text).toContain("Dernier avancement");
    // The spreadsheet's round-trip columns and import hints stay in the spreadsheet; an empty field is no row of « — ».
    for (const hint of ["Version (ne pas modifier)", "MM/AAAA", "(non importé)", "un par ligne", "(rappel)", "Champ Contenu"]) expect(text).not.toContain(hint);
    // The CAMVS fiches have no budget: no empty budget block.
    expect(text).not.toContain("Budget et financeurs");
    expect((await otherCoordinator.inject({ url: `/api/contracts/${camvs}/actions.docx` })).statusCode).toBe(200);
    expect((await coordinator.inject({ url: `/api/contracts/${camvs}/actions.docx` })).statusCode).toBe(404);
  }, 120_000);

  it("reads back its export once opened and saved again by LibreOffice Calc", async () => {
    const resaved = await resaveWithCalc(await exportOf(coordinator, capvm));
    const res = await upload(coordinator, capvm, resaved);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: [], unchanged: 16 });
  }, 120_000);

  it("handles 40 fiches, every one changed, in one go", async () => {
    const list = (await coordinator.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
    for (let n = 17; n <= 40; n++) {
      const source = list.find((a) => a.number === ((n - 1) % 16) + 1)!;
      const { permissions: _p, id: _i, contractId: _c, archivedAt: _a, updatedAt: _u, axis: _x, objective: _o, shownStatus: _s, shownStatusLabel: _l, mergedInto: _m, mergedFrom: _f, version: _v, ...body } = (await coordinator.inject({ url: `/api/actions/${source.id}` })).json<Record<string, unknown> & { lead: Record<string, unknown> | null; partners: Record<string, unknown>[]; indicators: Record<string, unknown>[] }>();
      const copy = {
        ...body,
        number: n,
        lead: body.lead ? { organisation: body.lead.organisation, person: body.lead.person } : null,
        partners: body.partners.map(({ organisationName: _n, ...p }) => p),
        indicators: body.indicators.map(({ id: _id, ...i }) => i),
      };
      const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${capvm}/actions`, payload: copy });
      expect(created.statusCode, created.body).toBe(201);
    }
    let started = performance.now();
    const bytes = await exportOf(coordinator, capvm);
    const exportMs = performance.now() - started;
    const file = await edited(bytes, Array.from({ length: 40 }, (_, i) => ["Description", i + 1, "Lieu de l'action", `Lieu revu ${i + 1}`] as [string, number, string, string]));
    started = performance.now();
    const unchanged = await upload(coordinator, capvm, bytes);
    const unchangedMs = performance.now() - started;
    expect(unchanged.json()).toEqual({ updated: [], unchanged: 40 });
    started = performance.now();
    const res = await upload(coordinator, capvm, file);
    const changedMs = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: Array.from({ length: 40 }, (_, i) => i + 1), unchanged: 0 });
    console.info(`40 fiches: export ${exportMs.toFixed(0)} ms (${bytes.length} octets), import inchangé ${unchangedMs.toFixed(0)} ms, import des 40 fiches modifiées ${changedMs.toFixed(0)} ms`);
  }, 120_000);
});

/** The workbook as LibreOffice Calc saves it again (.xlsx to .xlsx), with a profile of its own. */
async function resaveWithCalc(bytes: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "cles-calc-"));
  try {
    await writeFile(join(dir, "fiches.xlsx"), bytes);
    const profile = pathToFileURL(join(dir, "profile")).href;
    await promisify(execFile)("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "out"), join(dir, "fiches.xlsx")], { timeout: 90_000 });
    return await readFile(join(dir, "out", "fiches.xlsx"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const SHEET_ORDER = FICHE_SHEETS.map((s) => s.name);
const sheetOrder = (path: string) => SHEET_ORDER.indexOf(path.split("!")[0]!);
const rowOf = (path: string) => Number(/\d+$/.exec(path)![0]);
