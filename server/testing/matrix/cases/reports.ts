/** The annual report and the evaluation (issue 6, items 7 and 8). */
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { annualReportTexts, evaluations, governanceBodies, meetings } from "../../../db/schema.js";
import { type Cases, type Expected, type Fixture, json, managers, readers, type Role } from "../support.js";

/** Members answer; the ARS reads from outside and does not. */
const members: Record<Role, Expected> = { admin: "ok", coordinator: "ok", lead: "ok", partner: "ok", ars: 403, outsider: 404, anonymous: 401 };

const base = (f: Fixture) => `/api/contracts/${f.ids.camvs}/evaluation`;

/** A fresh evaluation of CAMVS in the given state, and its version. */
async function freshEvaluation(f: Fixture, status: "draft" | "questionnaire_open" = "draft"): Promise<number> {
  await f.ctx.database.db.delete(evaluations).where(eq(evaluations.contractId, f.ids.camvs));
  await json<{ version: number }>(f.admin, base(f));
  // A written part: an empty evaluation cannot be validated.
  await f.ctx.database.db
    .update(evaluations)
    .set({ parts: [{ key: "conclusion", html: "<p>Bilan du contrat.</p>" }], ...(status !== "draft" ? { status, questionnaireOpenedAt: new Date() } : {}) })
    .where(eq(evaluations.contractId, f.ids.camvs));
  return (await json<{ version: number }>(f.admin, base(f))).version;
}

/** A COPIL of CAMVS held in the evaluation period (the contract's last year). */
async function copilMeeting(f: Fixture): Promise<string> {
  const [body] = await f.ctx.database.db
    .select({ id: governanceBodies.id })
    .from(governanceBodies)
    .where(and(eq(governanceBodies.kind, "copil"), eq(governanceBodies.contractId, f.ids.camvs)));
  const [found] = await f.ctx.database.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.bodyId, body!.id), eq(meetings.title, "COPIL de fin de contrat (matrice)")));
  if (found) return found.id;
  const res = await f.admin.inject({
    method: "POST",
    url: `/api/contracts/${f.ids.camvs}/meetings`,
    payload: { bodyId: body!.id, title: "COPIL de fin de contrat (matrice)", startsAt: "2023-12-12T10:00:00+01:00", endsAt: "2023-12-12T12:00:00+01:00" },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const texts = (f: Fixture, tail = "") => `/api/contracts/${f.ids.camvs}/annual-reports/2021/texts${tail}`;

/** CAMVS's 2021 synthesis and outlook: none saved, a draft or published; the version to send. */
async function freshTexts(f: Fixture, status: "none" | "draft" | "published"): Promise<number | null> {
  const db = f.ctx.database.db;
  await db.delete(annualReportTexts).where(and(eq(annualReportTexts.contractId, f.ids.camvs), eq(annualReportTexts.year, 2021)));
  if (status === "none") return null;
  await db.insert(annualReportTexts).values({ contractId: f.ids.camvs, year: 2021, status, synthesis: "<p>Synthèse (matrice)</p>", ...(status === "published" ? { publishedAt: new Date(), publishedByName: "Marie Dupont" } : {}) });
  return 1;
}

export const reportCases: Cases = {
  "GET /api/contracts/:contractId/annual-reports/:year/texts": [{ call: (f) => ({ url: texts(f) }), expect: readers }],
  "PUT /api/contracts/:contractId/annual-reports/:year/texts": [
    { call: async (f) => ({ url: texts(f), payload: { synthesis: "<p>Synthèse</p>", outlook: "", version: await freshTexts(f, "none") } }), expect: managers },
  ],
  "POST /api/contracts/:contractId/annual-reports/:year/texts/publication": [{ call: async (f) => ({ url: texts(f, "/publication"), payload: { version: await freshTexts(f, "draft") } }), expect: managers }],
  "POST /api/contracts/:contractId/annual-reports/:year/texts/reopening": [{ call: async (f) => ({ url: texts(f, "/reopening"), payload: { version: await freshTexts(f, "published") } }), expect: managers }],
  "GET /api/contracts/:contractId/annual-report.:format": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/annual-report.html?year=2021` }), expect: readers }],
  "GET /api/contracts/:contractId/evaluation": [{ call: (f) => ({ url: base(f) }), expect: readers }],
  "GET /api/contracts/:contractId/evaluation.:format": [{ call: (f) => ({ url: `${base(f)}.html` }), expect: readers }],
  "PUT /api/contracts/:contractId/evaluation": [
    { call: async (f) => ({ url: base(f), payload: { parts: [{ key: "strategy", html: "<p>Texte</p>" }], version: await freshEvaluation(f) } }), expect: managers },
  ],
  "POST /api/contracts/:contractId/evaluation/questionnaire": [{ call: async (f) => ({ url: `${base(f)}/questionnaire`, payload: { version: await freshEvaluation(f) } }), expect: managers }],
  "POST /api/contracts/:contractId/evaluation/questionnaire/close": [
    { call: async (f) => ({ url: `${base(f)}/questionnaire/close`, payload: { version: await freshEvaluation(f, "questionnaire_open") } }), expect: managers },
  ],
  "DELETE /api/contracts/:contractId/evaluation/questionnaire": [
    {
      call: async (f) => {
        await freshEvaluation(f, "questionnaire_open");
        return { url: `${base(f)}/questionnaire` };
      },
      expect: managers,
    },
  ],
  "GET /api/contracts/:contractId/evaluation/answers/mine": [{ call: (f) => ({ url: `${base(f)}/answers/mine` }), expect: members }],
  "PUT /api/contracts/:contractId/evaluation/answers/mine": [
    {
      call: async (f) => {
        await freshEvaluation(f, "questionnaire_open");
        return { url: `${base(f)}/answers/mine`, payload: { answers: [{ questionId: "strategie-1", value: 4 }] } };
      },
      expect: members,
    },
  ],
  "POST /api/contracts/:contractId/evaluation/validation": [
    {
      call: async (f) => {
        await freshEvaluation(f);
        return { url: `${base(f)}/validation`, payload: { meetingId: await copilMeeting(f) } };
      },
      expect: managers,
    },
  ],
};
