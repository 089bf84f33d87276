import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { convertToPdf, pdfText } from "../../testing/office.js";
import { hasWrittenPart } from "./service.js";

let ctx: TestContext;
let camvs: string;
let coordinator: TestClient;
let partner: TestClient;
let lead: TestClient;
let ars: TestClient;
let bodies: { id: string; kind: string }[];

interface View {
  status: string;
  version: number;
  parts: { key: string; html: string }[];
  questions: { id: string; part: string; kind: string; label: string; choices?: string[] }[];
  respondents: number;
  answers: { question: { id: string }; n: number; mean?: number | null; counts?: number[]; choices?: { choice: string; count: number }[]; texts?: string[] }[];
  copilMeetings: { id: string; title: string; day: string; held: boolean; cancelled: boolean }[];
  validatedOn: string | null;
  permissions: { manage: boolean; editQuestions: boolean; answer: boolean };
}

const url = () => `/api/contracts/${camvs}/evaluation`;
const read = async (client: TestClient = coordinator) => (await client.inject({ url: url() })).json<View>();
const paths = (res: { json: () => { errors: { path: string }[] } }) => res.json().errors.map((e) => e.path);

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const list = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>();
  camvs = list.items.find((c) => c.slug.startsWith("camvs"))!.id;
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
  bodies = (await coordinator.inject({ url: `/api/contracts/${camvs}/bodies` })).json<{ items: { id: string; kind: string }[] }>().items;
}, 120_000);
afterAll(async () => ctx?.close());

describe("the evaluation of the CAMVS contract", () => {
  it("is created on first read, in preparation, with a default questionnaire over strategy, governance and partnership", async () => {
    const view = await read(ars);
    expect(view.status).toBe("draft");
    expect(view.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(view.questions.map((q) => q.part))).toEqual(new Set(["strategy", "governance", "partnership"]));
    expect(view.parts.map((p) => p.key)).toEqual(["strategy", "governance", "partnership", "results", "conclusion"]);
    expect(view.permissions).toEqual({ manage: false, editQuestions: false, answer: false });
    expect(view.copilMeetings).toEqual([]);
    expect((await read()).permissions).toEqual({ manage: true, editQuestions: true, answer: false });
    const outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    expect((await outsider.inject({ url: url() })).statusCode).toBe(404);
    expect((await (await anonymousClient(ctx.server)).inject({ url: url() })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: "/api/contracts/00000000-0000-4000-8000-000000000000/evaluation" })).statusCode).toBe(404);
  });

  it("keeps the coordinator's prose sanitised, refuses stale versions, bad input and other roles without writing anything", async () => {
    const before = await read();
    const parts = [{ key: "strategy", html: "<p>Les axes sont <strong>pertinents</strong>.</p><script>alert(1)</script>" }];
    const saved = await coordinator.inject({ method: "PUT", url: url(), payload: { parts, version: before.version } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<View>().parts[0]!.html).toBe("<p>Les axes sont <strong>pertinents</strong>.</p>");
    expect(saved.json<View>().version).toBe(before.version + 1);

    const stale = await coordinator.inject({ method: "PUT", url: url(), payload: { parts, version: before.version } });
    expect(stale.statusCode).toBe(409);
    const bad = await coordinator.inject({
      method: "PUT",
      url: url(),
      payload: { parts: [{ key: "avenir", html: "" }], questions: [{ id: "q", part: "strategy", kind: "choice", label: "Un seul choix ?", choices: ["Oui"] }], version: before.version + 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(["parts.0.key", "questions.0.choices"]);
    for (const client of [partner, lead, ars]) expect((await client.inject({ method: "PUT", url: url(), payload: { parts, version: before.version + 1 } })).statusCode).toBe(403);
    expect((await read()).version).toBe(before.version + 1);
  });

  it("lets the coordination edit the questions while in preparation", async () => {
    const view = await read();
    const questions = [...view.questions, { id: "partenariat-4", part: "partnership", kind: "choice", label: "Souhaitez-vous rester partenaire du prochain contrat ?", choices: ["Oui", "Non"] }];
    const res = await coordinator.inject({ method: "PUT", url: url(), payload: { parts: [], questions, version: view.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json<View>().questions.at(-1)!.id).toBe("partenariat-4");
    expect(res.json<View>().parts[0]!.html).toContain("pertinents");
  });

  it("refuses answers while the questionnaire is not open (409), and answers from the ARS (403)", async () => {
    const res = await partner.inject({ method: "PUT", url: `${url()}/answers/mine`, payload: { answers: [{ questionId: "strategie-1", value: 4 }] } });
    expect(res.statusCode).toBe(409);
    expect((await ars.inject({ url: `${url()}/answers/mine` })).statusCode).toBe(403);
    expect((await read()).respondents).toBe(0);
  });

  it("opens the questionnaire and e-mails every member of the contract a link to the answer page", async () => {
    expect((await partner.inject({ method: "POST", url: `${url()}/questionnaire`, payload: {} })).statusCode).toBe(403);
    const before = await read();
    const res = await coordinator.inject({ method: "POST", url: `${url()}/questionnaire`, payload: { version: before.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "questionnaire_open", failed: [] });
    const members = (await coordinator.inject({ url: `/api/contracts/${camvs}/members` })).json<{ items: { email: string }[] }>().items.map((m) => m.email);
    expect(res.json().notified).toBe(members.length);
    const sent = await Promise.all((await readdir(ctx.outboxDir)).filter((n) => n.endsWith(".json")).map(async (n) => JSON.parse(await readFile(join(ctx.outboxDir, n), "utf8")) as { to: string; subject: string; text: string }));
    const mails = sent.filter((m) => m.subject.startsWith("Évaluation du"));
    expect(mails.map((m) => m.to).sort()).toEqual([...members].sort());
    expect(mails[0]!.text).toContain(`http://localhost:3000/contrats/${camvs}/evaluation/questionnaire`);
    expect((await coordinator.inject({ method: "POST", url: `${url()}/questionnaire`, payload: {} })).statusCode).toBe(409);
  });

  it("freezes the questions once the questionnaire is sent", async () => {
    const view = await read();
    const res = await coordinator.inject({ method: "PUT", url: url(), payload: { parts: [], questions: view.questions.slice(1), version: view.version } });
    expect(res.statusCode).toBe(409);
    expect((await read()).version).toBe(view.version);
  });

  it("takes each member's answers, checks them against the questions, and aggregates them anonymously", async () => {
    const wrong = await partner.inject({
      method: "PUT",
      url: `${url()}/answers/mine`,
      payload: { answers: [{ questionId: "strategie-1", value: 7 }, { questionId: "strategie-2", value: "Beaucoup" }, { questionId: "inconnue", value: 1 }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(paths(wrong)).toEqual(["answers.0.value", "answers.1.value", "answers.2.questionId"]);
    expect((await read()).respondents).toBe(0);

    const mine = (await partner.inject({ url: `${url()}/answers/mine` })).json<{ open: boolean; questions: unknown[]; answers: unknown[] }>();
    expect(mine.open).toBe(true);
    expect(mine.answers).toEqual([]);
    const answers = [
      { questionId: "strategie-1", value: 4 },
      { questionId: "strategie-2", value: "Adapté" },
      { questionId: "partenariat-3", value: "Des rencontres plus régulières entre partenaires." },
    ];
    const ok = await partner.inject({ method: "PUT", url: `${url()}/answers/mine`, payload: { answers } });
    expect(ok.statusCode).toBe(200);
    expect((await partner.inject({ url: `${url()}/answers/mine` })).json<{ answers: unknown[] }>().answers).toEqual(answers);
    await lead.inject({ method: "PUT", url: `${url()}/answers/mine`, payload: { answers: [{ questionId: "strategie-1", value: 2 }] } });
    // Answering again replaces the previous answers.
    await lead.inject({ method: "PUT", url: `${url()}/answers/mine`, payload: { answers: [{ questionId: "strategie-1", value: 5 }] } });

    const view = await read(ars);
    expect(view.respondents).toBe(2);
    const scale = view.answers.find((a) => a.question.id === "strategie-1")!;
    expect(scale).toMatchObject({ n: 2, mean: 4.5, counts: [0, 0, 0, 1, 1] });
    expect(view.answers.find((a) => a.question.id === "strategie-2")!.choices).toContainEqual({ choice: "Adapté", count: 1 });
    expect(view.answers.find((a) => a.question.id === "partenariat-3")!.texts).toEqual(["Des rencontres plus régulières entre partenaires."]);
    expect(JSON.stringify(view)).not.toContain("Karim");
  });

  it("closes the questionnaire; answers are then refused", async () => {
    expect((await lead.inject({ method: "POST", url: `${url()}/questionnaire/close`, payload: {} })).statusCode).toBe(403);
    const res = await coordinator.inject({ method: "POST", url: `${url()}/questionnaire/close`, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json<View>().status).toBe("questionnaire_closed");
    const late = await partner.inject({ method: "PUT", url: `${url()}/answers/mine`, payload: { answers: [{ questionId: "strategie-1", value: 1 }] } });
    expect(late.statusCode).toBe(409);
    expect((await read()).answers.find((a) => a.question.id === "strategie-1")!.mean).toBe(4.5);
    expect((await coordinator.inject({ method: "DELETE", url: `${url()}/questionnaire` })).statusCode).toBe(409);
  });

  it("tells an evaluation with text from an empty one (tags and spaces only)", () => {
    expect(hasWrittenPart([{ key: "strategy", html: "<p> &nbsp;</p>" }, { key: "conclusion", html: "" }])).toBe(false);
    expect(hasWrittenPart([{ key: "conclusion", html: "<p>Bilan.</p>" }])).toBe(true);
  });

  it("is validated only by a held COPIL of this contract in the evaluation period, then frozen", async () => {
    const copilOf2021 = (await read()).copilMeetings.find((m) => m.day === "2021-12-07")!;
    expect(copilOf2021.held).toBe(true);
    // The final COPIL, in the contract's last year (the demo stops in 2021).
    const last = await coordinator.inject({
      method: "POST",
      url: `/api/contracts/${camvs}/meetings`,
      payload: { bodyId: bodies.find((b) => b.kind === "copil")!.id, title: "Comité de pilotage de fin de contrat", startsAt: "2023-12-12T10:00:00+01:00", endsAt: "2023-12-12T12:00:00+01:00" },
    });
    expect(last.statusCode, last.body).toBe(201);
    const view = await read();
    const copil = view.copilMeetings.find((m) => m.day === "2023-12-12")!;
    expect(copil.held).toBe(true);
    const cotechMeeting = (await coordinator.inject({ url: `/api/contracts/${camvs}/meetings` })).json<{ items: { id: string; bodyId: string }[] }>().items.find((m) => m.bodyId === bodies.find((b) => b.kind === "cotech")!.id)!;
    const copilBody = bodies.find((b) => b.kind === "copil")!.id;
    const future = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: { bodyId: copilBody, title: "COPIL à venir", startsAt: "2099-12-07T10:00:00+01:00", endsAt: "2099-12-07T12:00:00+01:00" } });
    expect(future.statusCode).toBe(201);
    const cancelled = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: { bodyId: copilBody, title: "COPIL annulé", startsAt: "2022-06-07T10:00:00+02:00", endsAt: "2022-06-07T12:00:00+02:00" } })).json<{ id: string }>();
    expect((await coordinator.inject({ method: "POST", url: `/api/meetings/${cancelled.id}/cancel` })).statusCode).toBe(200);

    const refusals: [string, string][] = [
      [cotechMeeting.id, "Choisissez une réunion du Comité de pilotage de ce contrat."],
      ["00000000-0000-4000-8000-000000000000", "Choisissez une réunion du Comité de pilotage de ce contrat."],
      [future.json<{ id: string }>().id, "Cette réunion du Comité de pilotage n'a pas encore eu lieu."],
      [cancelled.id, "Cette réunion du Comité de pilotage a été annulée."],
      [copilOf2021.id, "Cette réunion du Comité de pilotage (7 décembre 2021) précède la période d'évaluation, qui s'ouvre le 31 décembre 2022 (un an avant la fin du contrat) : choisissez le COPIL qui a validé l'évaluation."],
    ];
    for (const [meetingId, message] of refusals) {
      const res = await coordinator.inject({ method: "POST", url: `${url()}/validation`, payload: { meetingId } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ path: "meetingId", message }]);
    }
    expect((await coordinator.inject({ method: "POST", url: `${url()}/validation`, payload: { meetingId: "pas-un-id" } })).statusCode).toBe(400);
    expect((await partner.inject({ method: "POST", url: `${url()}/validation`, payload: { meetingId: copil.id } })).statusCode).toBe(403);
    const unchanged = await read();
    expect(unchanged.version).toBe(view.version);

    const ok = await coordinator.inject({ method: "POST", url: `${url()}/validation`, payload: { meetingId: copil.id, version: view.version } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<View>()).toMatchObject({ status: "validated", validatedOn: "2023-12-12", permissions: { manage: false, editQuestions: false } });
    const frozen = ok.json<View>();
    for (const attempt of [
      coordinator.inject({ method: "PUT", url: url(), payload: { parts: [{ key: "conclusion", html: "<p>Trop tard</p>" }], version: frozen.version } }),
      coordinator.inject({ method: "POST", url: `${url()}/questionnaire`, payload: {} }),
      coordinator.inject({ method: "POST", url: `${url()}/validation`, payload: { meetingId: copil.id } }),
    ]) {
      const res = await attempt;
      expect(res.statusCode).toBe(409);
    }
    expect((await read()).version).toBe(frozen.version);

    const history = (await coordinator.inject({ url: `/api/contracts/${camvs}/history` })).json<{ items: { objectType: string; changes: { label: string; after: string | null }[] }[] }>();
    const entries = history.items.filter((i) => i.objectType === "evaluation");
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries[0]!.changes).toContainEqual(expect.objectContaining({ label: "Validée en COPIL le", after: "12/12/2023" }));
  });

  it("exports the validated evaluation as DOCX (opened by LibreOffice), PDF and HTML", async () => {
    const docx = await partner.inject({ url: `${url()}.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-disposition"]).toBe('attachment; filename="evaluation.docx"');
    const docxText = (await pdfText(await convertToPdf(docx.rawPayload, "docx"))).replace(/\s+/g, " ");
    expect(docxText).toContain("Évaluation validée par le Comité de pilotage du 12/12/2023");
    expect(docxText).toContain("Les axes sont pertinents.");
    expect(docxText).toContain("Des rencontres plus régulières entre partenaires.");

    const pdf = await ars.inject({ url: `${url()}.pdf` });
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, " ");
    for (const title of ["Stratégie", "Gouvernance", "Partenariat", "Résultats par fiche action", "Conclusion", "Comité de pilotage (COPIL)", "FA 5"]) expect(text).toContain(title);
    expect(text).toContain("2 membres ont répondu");

    const html = (await coordinator.inject({ url: `${url()}.html` })).body;
    expect(html).toContain("Évaluation validée par le Comité de pilotage du 12/12/2023");
    expect(html).toContain("Réponses des membres au questionnaire");
    expect((await (await anonymousClient(ctx.server)).inject({ url: `${url()}.pdf` })).statusCode).toBe(401);
  }, 180_000);
});
