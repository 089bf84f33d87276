/**
 * The review as files: DOCX opened by LibreOffice, PDF read back, print-friendly HTML,
 * the annexes as a ZIP; who may download which version.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../documents/pdf.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { convertToPdf, pdfText } from "../../testing/office.js";

let ctx: TestContext;
let coordinator: TestClient;
let partner: TestClient;
let outsider: TestClient;
let camvs: string;
let reviewId: string;

/** A multipart/form-data body with one file field. */
function multipart(fileName: string, bytes: Buffer) {
  const boundary = "----cles-review-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

const flat = (s: string) => s.replace(/\s+/g, " ");

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  // The COTECH's slides, annexed to the review.
  const meetings = (await coordinator.inject({ url: `/api/contracts/${camvs}/meetings` })).json<{ items: { id: string; title: string }[] }>().items;
  const cotech = meetings.find((m) => m.title === "Comité technique 2021")!;
  const slides = await renderPdf({ title: "Comité technique 2021", runningHeader: "CLS CAMVS", author: "Test", blocks: [{ type: "paragraph", runs: [{ text: "Support de présentation" }] }] });
  const uploaded = await coordinator.inject({ method: "POST", url: `/api/meetings/${cotech.id}/attachments`, ...multipart("support-cotech-2021.pdf", slides) });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 3 } });
  expect(created.statusCode, created.body).toBe(201);
  reviewId = created.json<{ id: string }>().id;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

describe("the review's files", () => {
  it("gives the coordination a DOCX of the draft that LibreOffice opens, with numbered headings and the running header", async () => {
    const res = await coordinator.inject({ url: `/api/reviews/${reviewId}/review.docx` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="revue-trimestrielle-2021-T3-brouillon.docx"');
    const docx = res.rawPayload;
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    expect(xml).toContain('w:val="Heading1"');
    const text = flat(await pdfText(await convertToPdf(docx, "docx")));
    expect(text).toContain("Revue trimestrielle");
    expect(text).toContain("Comité technique du 14 septembre 2021");
    expect(text).toContain("Déploiement du CLS");
    expect(text).toContain("FICHE ACTION 6 « Journée de la Santé »");
    expect(text).toContain("Démocratie sanitaire : participation des habitants");
    expect(text).toContain("support-cotech-2021.pdf");
    expect(text).toContain("Document de travail");
  });

  it("gives a PDF with the same content, the contract and quarter in the header and page numbers", async () => {
    const res = await coordinator.inject({ url: `/api/reviews/${reviewId}/review.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const text = flat(await pdfText(res.rawPayload));
    expect(text).toContain("revue du 3e trimestre 2021");
    expect(text).toContain("Le prochain Comité de pilotage aura lieu le 7 décembre 2021 à 10h00");
    expect(text).toContain("14 participants");
    expect(text).toMatch(/Page 2 \/ \d+/);
  });

  it("gives a print-friendly HTML page, escaped", async () => {
    const res = await coordinator.inject({ url: `/api/reviews/${reviewId}/review.html` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain('<html lang="fr"');
    expect(res.body).toContain("FICHE ACTION 5");
    expect(res.body).toContain("@media print");
  });

  it("bundles the annexes as a ZIP", async () => {
    const res = await coordinator.inject({ url: `/api/reviews/${reviewId}/annexes.zip` });
    expect(res.statusCode, res.body).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files);
    // First the deck Clés draws for the COTECH held in the quarter, as the annex section lists it; then the meeting's file.
    expect(names).toEqual(["01 - 2021-09-14 - Support de présentation du Comité technique du 14-09-2021.pdf", "02 - 2021-09-14 - support-cotech-2021.pdf"]);
    for (const name of names) expect((await zip.file(name)!.async("nodebuffer")).subarray(0, 5).toString()).toBe("%PDF-");
    const deck = flat(await pdfText(await zip.file(names[0]!)!.async("nodebuffer")));
    expect(deck).toContain("Comité technique 2021");
    expect(deck).toContain("14 septembre 2021");
    const annexes = (await coordinator.inject({ url: `/api/reviews/${reviewId}` })).json<{ sections: { kind: string; html: string }[] }>().sections.find((x) => x.kind === "annexes")!;
    expect(annexes.html).toBe("<ol><li>Support de présentation du Comité technique du 14/09/2021</li><li>support-cotech-2021.pdf — Comité technique 2021 du 14/09/2021</li></ol>");
  });

  it("shows readers published versions only, and names the version in the file", async () => {
    expectProblem(await partner.inject({ url: `/api/reviews/${reviewId}/review.pdf` }), 404);
    expectProblem(await outsider.inject({ url: `/api/reviews/${reviewId}/review.docx` }), 404);
    const view = (await coordinator.inject({ url: `/api/reviews/${reviewId}` })).json<{ version: number }>();
    expect((await coordinator.inject({ method: "POST", url: `/api/reviews/${reviewId}/publish`, payload: { version: view.version } })).statusCode).toBe(200);
    const res = await partner.inject({ url: `/api/reviews/${reviewId}/review.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="revue-trimestrielle-2021-T3-v1.docx"');
    const text = flat(await pdfText(await convertToPdf(res.rawPayload, "docx")));
    expect(text).toContain("Version 1 publiée le");
    expectProblem(await partner.inject({ url: `/api/reviews/${reviewId}/review.pdf?number=2` }), 404);
    expectProblem(await partner.inject({ url: `/api/reviews/${reviewId}/review.pdf?number=zero` }), 400);
    expect((await partner.inject({ url: `/api/reviews/${reviewId}/annexes.zip?number=1` })).statusCode).toBe(200);
  });

  it("prepares a file in the background with its progress, for the person who asked only", async () => {
    const started = await partner.inject({ method: "POST", url: `/api/reviews/${reviewId}/exports`, payload: { format: "pdf", number: 1 } });
    expect(started.statusCode, started.body).toBe(202);
    const { job } = started.json<{ job: { id: string; state: string; label: string } }>();
    expect(job.label).toContain("3e trimestre 2021 (PDF)");
    let state = job.state;
    for (let i = 0; i < 200 && state !== "done" && state !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await partner.inject({ url: `/api/jobs/${job.id}` })).json<{ job: { state: string } }>().job.state;
    }
    expect(state).toBe("done");
    expectProblem(await coordinator.inject({ url: `/api/jobs/${job.id}/file` }), 404);
    const file = await partner.inject({ url: `/api/jobs/${job.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const bad = expectProblem(await partner.inject({ method: "POST", url: `/api/reviews/${reviewId}/exports`, payload: { format: "odt" } }), 400);
    expect(bad.errors?.[0]?.path).toBe("format");
    expectProblem(await partner.inject({ method: "POST", url: `/api/reviews/${reviewId}/exports`, payload: { format: "docx", number: 9 } }), 404);
    expectProblem(await outsider.inject({ method: "POST", url: `/api/reviews/${reviewId}/exports`, payload: { format: "docx" } }), 404);
  });

  it("shows published reviews on the contract's public page only when the coordination chooses to", async () => {
    const anonymous = await anonymousClient(ctx.server);
    expect((await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/publication`, payload: { published: true } })).statusCode).toBe(200);
    const page = async () => (await anonymous.inject({ url: "/api/public/contracts/camvs-2021-2023" })).json<{ documents: { title: string; url: string }[] }>();
    expect((await page()).documents).toEqual([]);
    const url = `/api/public/contracts/camvs-2021-2023/reviews/${reviewId}.html`;
    expectProblem(await anonymous.inject({ url }), 404);
    const { settings } = (await coordinator.inject({ url: `/api/contracts/${camvs}/reviews` })).json<{ settings: { purpose: string; version: number } }>();
    await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/review-settings`, payload: { ...settings, publishReviews: true } });
    expect((await page()).documents).toEqual([{ title: "Revue trimestrielle du 3e trimestre 2021", url }]);
    const html = await anonymous.inject({ url });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain("FICHE ACTION 6");
    expectProblem(await anonymous.inject({ url: url.replace("camvs-2021-2023", "capvm-2019-2022") }), 404);
  });

  it("says when a review has no annex", async () => {
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 1 } });
    const problem = expectProblem(await coordinator.inject({ url: `/api/reviews/${created.json<{ id: string }>().id}/annexes.zip` }), 404);
    expect(problem.detail).toContain("pas d'annexe");
  });
});
