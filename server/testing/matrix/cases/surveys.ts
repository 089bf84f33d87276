/**
 * Residents' surveys (issue 14): every reader sees surveys and their anonymous results,
 * the coordination builds and publishes them and alone reads the e-mails respondents
 * left, members type in paper answers, and the public answers once published. Also the
 * fixtures the survey tests share (a survey with every kind of question, its answers).
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { TestClient } from "../../client.js";
import { everyone, type Cases, type Fixture, json, managers, readers } from "../support.js";
import { CAMVS_SLUG, camvsParticipation } from "./participation.js";

/** A survey as the coordination writes it: a ranking, a multiple choice with « Autre », a conditional, a scale, profile questions. */
export const surveyPayload = (overrides: Record<string, unknown> = {}) => ({
  title: `Sondage des habitants ${randomUUID().slice(0, 6)} (illustratif)`,
  intro: "Dites-nous ce qui compte pour votre santé.",
  opensOn: "2021-01-01",
  closesOn: "2099-12-31",
  oneAnswerPerDevice: true,
  askContact: true,
  retentionMonths: 12,
  actionIds: [] as string[],
  questions: [
    {
      id: "priorites",
      kind: "ranking",
      label: "Classez vos priorités",
      required: true,
      options: [
        { id: "jeunes", label: "Santé des jeunes" },
        { id: "agees", label: "Personnes âgées" },
        { id: "bien-etre", label: "Bien-être" },
      ],
      rankCount: 2,
    },
    {
      id: "sources",
      kind: "multiple",
      label: "Où vous informez-vous ?",
      options: [
        { id: "medecin", label: "Médecin" },
        { id: "internet", label: "Internet" },
      ],
      other: true,
    },
    { id: "precision", kind: "short_text", label: "Quel site ?", showIf: { questionId: "sources", optionIds: ["internet"] } },
    { id: "note", kind: "scale", label: "Votre santé aujourd'hui", scaleMin: 1, scaleMax: 5, minLabel: "Mauvaise", maxLabel: "Très bonne" },
    { id: "commune", kind: "commune", label: "Votre commune" },
    { id: "age", kind: "age_band", label: "Votre âge" },
  ],
  ...overrides,
});

/** Answers to `surveyPayload`'s questions. */
export const answersPayload = (communeInsee: string, overrides: Record<string, unknown> = {}) => ({
  priorites: { ranking: ["jeunes", "agees"] },
  sources: { choices: ["internet", "other"], otherText: "La radio" },
  precision: { text: "Le site de la mairie" },
  note: { value: 4 },
  commune: { insee: communeInsee },
  age: { ageBand: "25-39" },
  ...overrides,
});

export interface SurveyView {
  id: string;
  contractId: string;
  title: string;
  version: number;
  state: string;
  publicPath: string;
  publishedAt: string | null;
  resultsPublishedAt: string | null;
  answers: { total: number; online: number; paper: number };
  questions: { id: string; kind: string; label: string; options: { id: string; label: string }[] }[];
  canManage: boolean;
  canEnter: boolean;
  [key: string]: unknown;
}

/** Creates a survey (published when asked) as `client`; returns it as read back. */
export async function createSurvey(client: TestClient, contractId: string, options: { published?: boolean; resultsPublished?: boolean; overrides?: Record<string, unknown> } = {}): Promise<SurveyView> {
  const created = await client.inject({ method: "POST", url: `/api/contracts/${contractId}/surveys`, payload: surveyPayload(options.overrides) });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = created.json<{ id: string }>();
  for (const [flag, path] of [
    [options.published, "publication"],
    [options.resultsPublished, "results-publication"],
  ] as const) {
    if (!flag) continue;
    const res = await client.inject({ method: "PUT", url: `/api/surveys/${id}/${path}`, payload: { published: true } });
    expect(res.statusCode, res.body).toBe(204);
  }
  return json<SurveyView>(client, `/api/surveys/${id}`);
}

async function camvsCommune(f: Fixture): Promise<string> {
  return (await camvsParticipation(f.ctx.database.db, f.ids.camvs)).communeInsee;
}

/** A published survey with one paper answer that left no e-mail, and one online answer with an e-mail. */
async function answeredSurvey(f: Fixture): Promise<{ survey: SurveyView; answerId: string }> {
  const survey = await createSurvey(f.admin, f.ids.camvs, { published: true });
  const res = await f.admin.inject({ method: "POST", url: `/api/surveys/${survey.id}/paper-answers`, payload: { answers: answersPayload(await camvsCommune(f)), respondedOn: "2021-06-30" } });
  expect(res.statusCode, res.body).toBe(201);
  return { survey, answerId: res.json<{ id: string }>().id };
}

/** Typing a paper answer in: members of the contract, not the ARS that only follows it. */
const enterers = { ...readers, ars: 403 } as const;

export const surveyCases: Cases = {
  "GET /api/contracts/:contractId/surveys": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/surveys` }), expect: readers }],
  "POST /api/contracts/:contractId/surveys": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/surveys`, payload: surveyPayload() }), expect: managers }],
  "GET /api/surveys/:surveyId": [{ call: async (f) => ({ url: `/api/surveys/${(await createSurvey(f.admin, f.ids.camvs)).id}` }), expect: readers }],
  "PUT /api/surveys/:surveyId": [
    {
      call: async (f) => {
        const s = await createSurvey(f.admin, f.ids.camvs);
        return { url: `/api/surveys/${s.id}`, payload: { ...surveyPayload({ title: "Sondage renommé (illustratif)" }), version: s.version } };
      },
      expect: managers,
    },
  ],
  "DELETE /api/surveys/:surveyId": [{ call: async (f) => ({ url: `/api/surveys/${(await createSurvey(f.admin, f.ids.camvs)).id}` }), expect: managers }],
  "PUT /api/surveys/:surveyId/publication": [{ call: async (f) => ({ url: `/api/surveys/${(await createSurvey(f.admin, f.ids.camvs)).id}/publication`, payload: { published: true } }), expect: managers }],
  "PUT /api/surveys/:surveyId/results-publication": [
    { call: async (f) => ({ url: `/api/surveys/${(await createSurvey(f.admin, f.ids.camvs)).id}/results-publication`, payload: { published: true } }), expect: managers },
  ],
  "GET /api/surveys/:surveyId/results": [{ call: async (f) => ({ url: `/api/surveys/${(await answeredSurvey(f)).survey.id}/results?by=age` }), expect: readers }],
  "GET /api/surveys/:surveyId/answers.csv": [{ call: async (f) => ({ url: `/api/surveys/${(await answeredSurvey(f)).survey.id}/answers.csv` }), expect: readers }],
  "GET /api/surveys/:surveyId/results.xlsx": [{ call: async (f) => ({ url: `/api/surveys/${(await answeredSurvey(f)).survey.id}/results.xlsx` }), expect: readers }],
  "POST /api/surveys/:surveyId/paper-answers": [
    {
      call: async (f) => {
        const s = await createSurvey(f.admin, f.ids.camvs, { published: true });
        return { url: `/api/surveys/${s.id}/paper-answers`, payload: { answers: answersPayload(await camvsCommune(f)), respondedOn: "2021-06-30" } };
      },
      expect: enterers,
    },
  ],
  "GET /api/surveys/:surveyId/contacts": [{ call: async (f) => ({ url: `/api/surveys/${(await answeredSurvey(f)).survey.id}/contacts` }), expect: managers }],
  "GET /api/survey-answers/:answerId/export": [{ call: async (f) => ({ url: `/api/survey-answers/${(await answeredSurvey(f)).answerId}/export` }), expect: managers }],
  "DELETE /api/survey-answers/:answerId": [{ call: async (f) => ({ url: `/api/survey-answers/${(await answeredSurvey(f)).answerId}?withAnswers=true` }), expect: managers }],
  "GET /api/actions/:actionId/surveys": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/surveys` }), expect: readers }],
  // The public answer page: everyone once published (no personal data in it), no one before.
  "GET /api/public/contracts/:slug/surveys/:surveyId": [
    {
      call: async (f) => ({ url: `/api/public/contracts/${CAMVS_SLUG}/surveys/${(await createSurvey(f.admin, f.ids.camvs, { published: true })).id}` }),
      expect: everyone("ok"),
      check: (res) => expect(res.json()).toMatchObject({ state: "open", alreadyAnswered: false }),
    },
    { call: async (f) => ({ url: `/api/public/contracts/${CAMVS_SLUG}/surveys/${(await createSurvey(f.admin, f.ids.camvs)).id}` }), expect: everyone(404), reason: "Ce sondage est introuvable." },
  ],
  // One row only: the route allows 10 answers a minute per address, and the matrix calls from one address.
  "POST /api/public/contracts/:slug/surveys/:surveyId/answers": [
    {
      call: async (f) => {
        const s = await createSurvey(f.admin, f.ids.camvs, { published: true });
        return { url: `/api/public/contracts/${CAMVS_SLUG}/surveys/${s.id}/answers`, payload: { answers: answersPayload(await camvsCommune(f)) } };
      },
      expect: everyone("ok"),
      check: (res) => expect(res.json()).toMatchObject({ id: expect.any(String), message: expect.stringMatching(/^Merci/) }),
    },
  ],
  "GET /api/public/contracts/:slug/surveys/:surveyId/results": [
    {
      call: async (f) => ({ url: `/api/public/contracts/${CAMVS_SLUG}/surveys/${(await createSurvey(f.admin, f.ids.camvs, { resultsPublished: true })).id}/results` }),
      expect: everyone("ok"),
      check: (res) => expect(res.json()).toMatchObject({ total: 0, questions: expect.any(Array) }),
    },
    { call: async (f) => ({ url: `/api/public/contracts/${CAMVS_SLUG}/surveys/${(await createSurvey(f.admin, f.ids.camvs)).id}/results` }), expect: everyone(404), reason: "Les résultats de ce sondage ne sont pas publiés." },
  ],
};
