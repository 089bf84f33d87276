import { readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, auditEntries } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { cleanFileName, detectType } from "./detect.js";

const LIMIT = 64 * 1024;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

let ctx: TestContext;
let coordinator: TestClient;
let partner: TestClient;
let outsider: TestClient;
let meetingId: string;
let xlsx: Buffer;

/** A multipart/form-data body with one file field. */
function multipart(fileName: string, bytes: Buffer, field = "file") {
  const boundary = "----cles-test-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

beforeAll(async () => {
  process.env.ATTACHMENT_MAX_BYTES = String(LIMIT);
  ctx = await startTestApp({ seed: true });
  delete process.env.ATTACHMENT_MAX_BYTES;
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  const camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  meetingId = (await ctx.app.inject({ url: `/api/contracts/${camvs}/meetings` })).json<{ items: { id: string; title: string }[] }>().items.find((m) => m.title === "Comité technique 2021")!.id;
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Présents").addRow(["Nom", "Organisation"]);
  xlsx = Buffer.from(await book.xlsx.writeBuffer());
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const upload = (client: TestClient, fileName: string, bytes: Buffer, field?: string) => client.inject({ method: "POST", url: `/api/meetings/${meetingId}/attachments`, ...multipart(fileName, bytes, field) });
const total = async (table: typeof attachments | typeof auditEntries) => (await ctx.database.db.select({ n: count() }).from(table))[0]!.n;
const storedFiles = () => readdirSync(ctx.filesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe("attachments of a meeting", () => {
  it("keeps slides and pictures whose content is what their name says, lists them on the meeting, serves them back", async () => {
    const res = await upload(coordinator, "Support COTECH 14-09-2021.pdf", PDF);
    expect(res.statusCode).toBe(201);
    const pdf = res.json<{ id: string; fileName: string; mediaType: string; sizeBytes: number; uploadedByName: string }>();
    expect(pdf).toMatchObject({ fileName: "Support COTECH 14-09-2021.pdf", mediaType: "application/pdf", sizeBytes: PDF.length, uploadedByName: "Marie Dupont" });
    expect((await upload(coordinator, "présents.xlsx", xlsx)).json()).toMatchObject({ mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect((await upload(coordinator, "photo.png", PNG)).statusCode).toBe(201);

    const view = (await partner.inject({ url: `/api/meetings/${meetingId}` })).json<{ attachments: { fileName: string }[] }>();
    expect(view.attachments.map((a) => a.fileName)).toEqual(["Support COTECH 14-09-2021.pdf", "présents.xlsx", "photo.png"]);
    const download = await partner.inject({ url: `/api/attachments/${pdf.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-disposition"]).toBe(`attachment; filename="Support COTECH 14-09-2021.pdf"; filename*=UTF-8''Support%20COTECH%2014-09-2021.pdf`);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(storedFiles()).toHaveLength(3);

    expect((await coordinator.inject({ method: "DELETE", url: `/api/attachments/${pdf.id}` })).statusCode).toBe(204);
    expectProblem(await partner.inject({ url: `/api/attachments/${pdf.id}` }), 404);
    expect(storedFiles()).toHaveLength(2);
  });

  it("refuses a file over the size limit, content that does not match its type, an unknown type, an empty file, no file — keeping nothing", async () => {
    const [rows, audit, files] = [await total(attachments), await total(auditEntries), storedFiles().length];
    const tooBig = await upload(coordinator, "gros.pdf", Buffer.concat([PDF, Buffer.alloc(LIMIT)]));
    expect(expectProblem(tooBig, 413).detail).toBe("Le fichier dépasse la taille maximale de 64 Ko.");
    expect(expectProblem(await upload(coordinator, "compte-rendu.pdf", PNG), 400).errors).toEqual([{ path: "file", message: "Le contenu du fichier ne correspond pas à son type (.pdf)." }]);
    expect(expectProblem(await upload(coordinator, "script.exe", PDF), 400).errors?.[0]?.message).toMatch(/^Ce type de fichier n'est pas accepté\. Types acceptés : PDF, DOCX/);
    expect(expectProblem(await upload(coordinator, "vide.pdf", Buffer.alloc(0)), 400).errors).toEqual([{ path: "file", message: "Le fichier est vide." }]);
    expect(expectProblem(await upload(coordinator, "a.pdf", PDF, "document"), 400).errors?.[0]?.path).toBe("file");
    expectProblem(await coordinator.inject({ method: "POST", url: `/api/meetings/${meetingId}/attachments`, payload: { file: "x" } }), 415);
    expectProblem(await upload(partner, "a.pdf", PDF), 403);
    expectProblem(await upload(outsider, "a.pdf", PDF), 404);
    expect([await total(attachments), await total(auditEntries), storedFiles().length]).toEqual([rows, audit, files]);
  });

  it("hides attachments from outsiders and keeps partners from removing them", async () => {
    const [first] = (await partner.inject({ url: `/api/meetings/${meetingId}` })).json<{ attachments: { id: string }[] }>().attachments;
    expectProblem(await outsider.inject({ url: `/api/attachments/${first!.id}` }), 404);
    expectProblem(await partner.inject({ method: "DELETE", url: `/api/attachments/${first!.id}` }), 403);
  });
});

describe("file type and name", () => {
  it("detects from the bytes, accepts .jpeg for JPEG, cleans names", async () => {
    expect(await detectType("a.PDF", PDF)).toEqual({ mediaType: "application/pdf" });
    expect(await detectType("a.docx", xlsx)).toEqual({ error: "Le contenu du fichier ne correspond pas à son type (.docx)." });
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName('C:\\Users\\marie\\"CR"\u0000.pdf')).toBe("CR.pdf");
    expect(cleanFileName("   ")).toBe("fichier");
  });

  it("strips direction characters (a right-to-left override disguises an extension) and never cuts a character in two (issue 12)", async () => {
    expect(cleanFileName("facture\u202Efdp.exe")).toBe("facturefdp.exe");
    expect(cleanFileName("\u2067CR\u2069 \u200Fréunion\u200E.pdf")).toBe("CR réunion.pdf");
    expect(cleanFileName(`😀${"a".repeat(199)}.pdf`)).toBe(`${"a".repeat(196)}.pdf`);
    expect(cleanFileName(`${"😀".repeat(300)}.pdf`)).toBe(`${"😀".repeat(196)}.pdf`);
    const res = await upload(coordinator, "Compte rendu\u202Efdp.pdf", PDF);
    expect(res.statusCode).toBe(201);
    const { id, fileName } = res.json<{ id: string; fileName: string }>();
    expect(fileName).toBe("Compte rendufdp.pdf");
    expect((await partner.inject({ url: `/api/attachments/${id}` })).headers["content-disposition"]).toBe(`attachment; filename="Compte rendufdp.pdf"; filename*=UTF-8''Compte%20rendufdp.pdf`);
  });
});
