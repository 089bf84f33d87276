/**
 * What the coordination prints and keeps of a workshop (issue 14): the session's sheets
 * (tables by first name, rotation plan with times, one sheet per moderator), read back
 * from the PDF and from the DOCX opened in LibreOffice; the « registre des traitements »;
 * and the purge sparing the demonstration's fictitious residents.
 */
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contracts, registrations, workshopSessions, workshops } from "../../db/schema.js";
import { demoContractIds } from "../../demo/seed.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { convertToPdf, pdfText } from "../../testing/office.js";
import { purgeExpiredRegistrations } from "./registrations.js";

let ctx: TestContext;
let coordinator: TestClient;
let camvs: string;
let workshopId: string;
let sessionIds: string[];

/** pdftotext keeps no-break spaces and layout: compare words. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  const db = ctx.database.db;
  camvs = (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "camvs-2021-2023")))[0]!.id;
  workshopId = (await db.select({ id: workshops.id }).from(workshops).where(eq(workshops.contractId, camvs)))[0]!.id;
  sessionIds = (await db.select({ id: workshopSessions.id }).from(workshopSessions).where(eq(workshopSessions.workshopId, workshopId)).orderBy(asc(workshopSessions.position))).map((s) => s.id);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

describe("the sheets of a session", () => {
  it("print the tables by first name, the rotation with its times and a sheet per moderator with the questions (PDF)", async () => {
    const res = await coordinator.inject({ url: `/api/workshop-sessions/${sessionIds[0]}/sheets.pdf` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = flat(await pdfText(res.rawPayload));
    const tables = await coordinator.inject({ url: `/api/workshop-sessions/${sessionIds[0]}/tables` });
    const seated = tables.json<{ tables: { people: { name: string }[] }[] }>().tables;
    const workshop = (await coordinator.inject({ url: `/api/workshops/${workshopId}` })).json<{ topics: { title: string; questions: string[] }[]; moderators: { name: string }[] }>();
    expect(text).toContain("Séance 1 : jeudi 4 novembre 2021, de 18h30 à 21h00");
    // First names only: « Maryse L. » is printed « Maryse ».
    for (const person of seated.flatMap((t) => t.people)) {
      const first = person.name.split(" ")[0]!;
      expect(text).toContain(first);
      expect(text).not.toContain(person.name);
    }
    // The rotation's first round, its times in the first column (a narrow cell may wrap them).
    expect(text).toMatch(/Tour 1 : 18h30 – (\S+ )*?19h00/);
    for (const t of workshop.topics) expect(text).toContain(t.title);
    expect(text).toContain(workshop.topics[0]!.questions[0]!);
    for (const [i, m] of workshop.moderators.entries()) {
      expect(text).toContain(`Fiche d'animation — Table ${i + 1}`);
      expect(text).toContain(m.name);
    }
  });

  it("open in LibreOffice as DOCX, and are refused to whoever may not read residents' data", async () => {
    const docx = await coordinator.inject({ url: `/api/workshop-sessions/${sessionIds[1]}/sheets.docx` });
    expect(docx.statusCode).toBe(200);
    expect(flat(await pdfText(await convertToPdf(docx.rawPayload, "docx")))).toContain("Séance 2 : jeudi 18 novembre 2021");
    const ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
    expect((await ars.inject({ url: `/api/workshop-sessions/${sessionIds[0]}/sheets.pdf` })).statusCode).toBe(403);
    expect((await coordinator.inject({ url: `/api/workshop-sessions/${sessionIds[0]}/sheets.odt` })).statusCode).toBe(400);
  });
});

describe("the « registre des traitements »", () => {
  it("says why, on what basis, for whom and how long, and per workshop how many people until when", async () => {
    const res = await coordinator.inject({ url: `/api/contracts/${camvs}/processing-register` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { kind: string; purpose: string; legalBasis: string; readers: string; retention: string; groups: { title: string; people: number; erasure: string }[] }[] }>().items;
    expect(items.map((i) => i.kind)).toEqual(["registrations", "survey_contacts", "ambassadors"]);
    const [entry, contacts] = items;
    expect(entry!.kind).toBe("registrations");
    expect(entry!.legalBasis).toContain("article 6-1-a");
    expect(entry!.readers).toContain("ni les partenaires, ni l'ARS");
    expect(entry!.retention).toBe("12 mois après la dernière séance de l'atelier, puis effacement automatique.");
    expect(entry!.groups).toEqual([expect.objectContaining({ people: 18, erasure: "le 18 novembre 2022 (12 mois après la dernière séance)" })]);
    // The demo survey's answers were typed from paper forms: no one left an address.
    expect(contacts!.groups).toEqual([expect.objectContaining({ people: 0, erasure: "le 30 juin 2022 (12 mois après la clôture)" })]);
    const ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
    expect((await ars.inject({ url: `/api/contracts/${camvs}/processing-register` })).statusCode).toBe(403);
  });
});

describe("the purge and the demonstration", () => {
  it("spares the demonstration's contracts when told to, and erases their registrations otherwise", async () => {
    const db = ctx.database.db;
    const demoCount = async () => (await db.select({ n: count() }).from(registrations).where(eq(registrations.contractId, camvs)))[0]!.n;
    const spare = await demoContractIds(db);
    expect(spare).toContain(camvs);
    expect(await demoCount()).toBe(18);
    await purgeExpiredRegistrations(db, new Date("2026-12-02T12:00:00Z"), { spareContractIds: spare });
    expect(await demoCount()).toBe(18);
    await purgeExpiredRegistrations(db, new Date("2022-11-17T12:00:00Z"));
    expect(await demoCount()).toBe(18);
    expect(await purgeExpiredRegistrations(db, new Date("2022-11-19T12:00:00Z"))).toBeGreaterThanOrEqual(18);
    expect(await demoCount()).toBe(0);
  });
});
