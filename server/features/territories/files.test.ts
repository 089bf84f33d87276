/**
 * The files of a territory (issue 15, item 5): the overview and the fiches in XLSX (read back
 * with exceljs) and CSV (parsed), and the open-data ZIP (listed, its datapackage.json matching
 * its files, no person's name or e-mail anywhere) — each holding only the reader's territory.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { isNotNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, ambassadors, bodyMembers, meetingParticipants, organisations, registrations, signatories, surveyAnswers, users } from "../../db/schema.js";
import { startTestApp } from "../../testing/app.js";
import { expectProblem } from "../../testing/http.js";
import type { TestClient } from "../../testing/client.js";
import { DIJON_PERSON, DIJON_TITLE, setUpTerritory, type Territory } from "./territories.fixtures.js";

let t: Territory;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  t = await setUpTerritory(await startTestApp({ seed: true }));
});
afterAll(async () => {
  await t?.ctx.close();
});

async function download(client: TestClient, url: string, type: string): Promise<Buffer> {
  const res = await client.inject(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers["content-type"]).toContain(type);
  expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="[a-z0-9-]+\.(xlsx|csv|zip)"$/);
  return res.rawPayload;
}

async function sheetRows(bytes: Buffer): Promise<{ names: string[]; rows: string[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
  return { names: book.worksheets.map((s) => s.name), rows };
}

const csvRows = (bytes: Buffer) => {
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(bytes.toString("utf8"), { delimiter: ";", bom: true }) as string[][];
};

describe("the overview's files", () => {
  it("exports one row per contract of the ARS's département, in XLSX and CSV, never another's", async () => {
    const book = await sheetRows(await download(t.clients.d77, "/api/territories/overview.xlsx", XLSX));
    expect(book.names).toEqual(["Contrats", "À lire"]);
    const [header, ...rows] = book.rows;
    expect(header!.slice(0, 4)).toEqual(["Contrat", "Collectivité", "Départements", "Statut"]);
    expect(rows.map((r) => r[2])).toEqual(["77", "77"]);
    expect(JSON.stringify(book.rows)).not.toContain("Dijon");

    const csv = csvRows(await download(t.clients.d77, "/api/territories/overview.csv", "text/csv"));
    expect(csv[0]).toEqual(header);
    expect(csv.slice(1).map((r) => r[0]).sort()).toEqual(rows.map((r) => r[0]).sort());
  });

  it("exports the Côte-d'Or contract to its ARS with the same filters as the overview", async () => {
    const csv = csvRows(await download(t.clients.r27, "/api/territories/overview.csv?status=running", "text/csv"));
    expect(csv).toHaveLength(2);
    expect(csv[1]!.slice(0, 4)).toEqual(["CLS de Dijon Métropole", "Dijon Métropole", "21", "En cours"]);
    const none = csvRows(await download(t.clients.r27, "/api/territories/overview.csv?status=closed", "text/csv"));
    expect(none).toHaveLength(1);
  });

  it("refuses the same people as the overview, and bad parameters", async () => {
    for (const path of ["overview.xlsx", "overview.csv", "fiches.xlsx", "fiches.csv", "open-data.zip"]) {
      expectProblem(await t.clients.d77.inject(`/api/territories/${path}?departement=21`), 403);
      expectProblem(await t.clients.coordinator.inject(`/api/territories/${path}`), 403);
      expectProblem(await t.clients.anonymous.inject(`/api/territories/${path}`), 401);
      expect(expectProblem(await t.admin.inject(`/api/territories/${path}?region=99`), 400).errors?.[0]?.path).toBe("querystring.region");
    }
    expect(expectProblem(await t.admin.inject("/api/territories/fiches.csv?year=abc"), 400).errors?.[0]?.path).toBe("querystring.year");
  });
});

describe("the fiches' files", () => {
  it("exports one row per fiche with its contract, themes, PRS codes and budget; formulas escaped in CSV", async () => {
    const csv = csvRows(await download(t.clients.d21, "/api/territories/fiches.csv", "text/csv"));
    const [header, row] = csv;
    expect(csv).toHaveLength(2);
    const at = (name: string) => row![header!.indexOf(name)];
    expect(at("Contrat")).toBe("CLS de Dijon Métropole");
    expect(at("Intitulé")).toBe(`'=${DIJON_TITLE}`);
    expect(at("Statut")).toBe("En retard");
    expect(at("Thématiques")).toBe("Activité physique");
    expect(at("Projets du PRS")).toBe("2.3");
    expect(at("Budget total (€)")).toBe("42000");
    expect(at("Porteur")).toBe("Ville de Dijon");
    expect(csv.flat().join(" ")).not.toContain(DIJON_PERSON);
  });

  it("exports every fiche of the 77 in XLSX, as many as the overview counts", async () => {
    const overview = (await t.clients.d77.inject("/api/territories/overview")).json<{ aggregates: { fiches: { total: number } } }>();
    const book = await sheetRows(await download(t.clients.d77, "/api/territories/fiches.xlsx", XLSX));
    expect(book.names).toEqual(["Fiches", "À lire"]);
    expect(book.rows).toHaveLength(overview.aggregates.fiches.total + 1);
    expect(new Set(book.rows.slice(1).map((r) => r[1]))).toEqual(new Set(["77"]));
    const sport = csvRows(await download(t.clients.d77, `/api/territories/fiches.csv?theme=${encodeURIComponent("Accès aux soins")}`, "text/csv"));
    const themes = sport[0]!.indexOf("Thématiques");
    expect(sport.length).toBeGreaterThan(1);
    for (const r of sport.slice(1)) expect(r[themes]).toContain("Accès aux soins");
  });
});

/**
 * Every name, e-mail and phone of a person the database holds (accounts, signatories, meeting
 * participants, body members, fiche leads; residents: registrations, survey contacts, ambassadors).
 */
async function personalData(): Promise<string[]> {
  const db = t.ctx.database.db;
  const orgs = new Set((await db.select({ name: organisations.name }).from(organisations)).map((o) => o.name));
  const [people, reps, participants, members, leads, registrants, answers, roster] = await Promise.all([
    db.select({ name: users.name, email: users.email }).from(users),
    db.select({ name: signatories.representative }).from(signatories).where(ne(signatories.representative, "")),
    db.select({ name: meetingParticipants.name, email: meetingParticipants.email }).from(meetingParticipants),
    db.select({ name: bodyMembers.name, email: bodyMembers.email }).from(bodyMembers),
    db.select({ name: actions.leadPerson }).from(actions).where(isNotNull(actions.leadPerson)),
    db.select({ first: registrations.firstName, last: registrations.lastName, email: registrations.email, phone: registrations.phone }).from(registrations),
    db.select({ email: surveyAnswers.contactEmail }).from(surveyAnswers),
    db.select({ first: ambassadors.firstName, last: ambassadors.lastName, email: ambassadors.email, phone: ambassadors.phone }).from(ambassadors),
  ]);
  const residents = [...registrants, ...roster].map((r) => ({ name: `${r.first} ${r.last}`, email: r.email, phone: r.phone }));
  const rows: { name?: string | null; email?: string; phone?: string }[] = [...people, ...reps, ...participants, ...members, ...leads, ...residents, ...answers];
  const values = rows.flatMap((p) => [p.name ?? "", p.email ?? "", p.phone ?? ""]).map((v) => v.trim());
  return [...new Set(values.filter((v) => v.length > 4 && !orgs.has(v)))];
}

function unzip(bytes: Buffer) {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

describe("the open data", () => {
  it("is a ZIP of CSV files described by datapackage.json, with a README", async () => {
    const files = unzip(await download(t.admin, "/api/territories/open-data.zip", "application/zip"));
    const pkg = JSON.parse(files["datapackage.json"]!) as { profile: string; resources: { name: string; path: string; schema: { fields: { name: string; type: string; description: string }[] } }[] };
    expect(pkg.profile).toBe("tabular-data-package");
    expect(Object.keys(files).sort()).toEqual(["README.md", "datapackage.json", ...pkg.resources.map((r) => r.path)].sort());
    for (const r of pkg.resources) {
      const rows = parse(files[r.path]!, { delimiter: "," }) as string[][];
      expect(rows[0], r.path).toEqual(r.schema.fields.map((f) => f.name));
      for (const row of rows.slice(1)) expect(row, r.path).toHaveLength(r.schema.fields.length);
      for (const f of r.schema.fields.filter((x) => x.type === "date")) {
        const i = rows[0]!.indexOf(f.name);
        for (const row of rows.slice(1)) expect(row[i], `${r.path}.${f.name}`).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      }
    }
    const table = (name: string) => parse(files[`${name}.csv`]!, { delimiter: ",", columns: true }) as Record<string, string>[];
    expect(table("contrats").map((c) => c.id).sort()).toEqual([t.camvs, t.capvm, t.dijon].sort());
    expect(table("communes").filter((c) => c.contrat_id === t.dijon).map((c) => c.code_insee).sort()).toEqual(["21166", "21231", "21617"]);
    expect(table("fiches_projets_prs")).toContainEqual({ fiche_id: t.dijonFiche, code_prs: "2.3" });
    const budgets = table("budgets").filter((b) => b.fiche_id === t.dijonFiche);
    expect(budgets).toHaveLength(2);
    expect(budgets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ annee: "2024", financeur: "Agence régionale de santé Bourgogne-Franche-Comté", montant: "30000", statut: "Acquis" }),
        expect.objectContaining({ annee: "2025", financeur: "Ville de Dijon", montant: "12000", statut: "Demandé" }),
      ]),
    );
    expect(table("mesures").some((m) => m.fiche_id === t.dijonFiche && m.valeur === "42")).toBe(true);
    expect(files["README.md"]).toContain("Aucune : ni nom, ni adresse électronique");
  });

  it("holds no person's name nor e-mail, anywhere", async () => {
    const text = Object.values(unzip(await download(t.admin, "/api/territories/open-data.zip", "application/zip"))).join("\n");
    const people = await personalData();
    expect(people).toEqual(expect.arrayContaining(["Marie Dupont", "marie.dupont@camvs.test", "Hélène Garnier", DIJON_PERSON, "Amina K.", "Fatou D. (illustratif)", "06 39 98 01 10"]));
    for (const person of people) expect(text.includes(person), person).toBe(false);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });

  it("holds only the reader's territory", async () => {
    const idf = Object.values(unzip(await download(t.clients.r11, "/api/territories/open-data.zip", "application/zip"))).join("\n");
    expect(idf).toContain(t.camvs);
    expect(idf).not.toContain(t.dijon);
    expect(idf).not.toContain(t.dijonFiche);
    expect(idf).not.toContain("Dijon");
    const bfc = unzip(await download(t.clients.d21, "/api/territories/open-data.zip", "application/zip"));
    const all = Object.values(bfc).join("\n");
    expect(all).toContain(t.dijonFiche);
    expect(all).not.toContain(t.camvs);
    expect(all).not.toContain("Melun");
    expect(JSON.parse(bfc["datapackage.json"]!).title).toBe("Contrats locaux de santé — Département 21");
  });
});
