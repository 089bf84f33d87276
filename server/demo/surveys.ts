/**
 * The survey of the Rencontres de la Santé of CAMVS (30/06/2021, FA 6 « Journée de la
 * Santé »): residents were helped to fill in a paper questionnaire of evaluation and
 * orientation; 17 answered, and their ranking gave three priority themes, in this order
 * (seed review, Q3 2021): education to health for children and young people; the health
 * of older people; well-being and way of life. The seed gives neither the questionnaire
 * nor the answers: the questions beyond the priorities and every answer are fictitious
 * and marked « (illustratif) ». The answers go through the services, as typed on paper.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { actions, contracts } from "../db/schema.js";
import { systemActor } from "../policies/index.js";
import { paperAnswerBody, surveyBody } from "../features/surveys/schema.js";
import { createSurvey, setPublication } from "../features/surveys/service.js";
import { submitAnswer } from "../features/surveys/answers.js";
import { datedAs, DEMO_ACTOR, parisAt } from "./history.js";
import type { SurveyAnswers } from "../domain/surveys.js";

export const DEMO_SURVEY_TITLE = "Rencontres de la Santé du 30 juin 2021 — questionnaire d'évaluation et d'orientation";
const DAY = "2021-06-30";
const actor = systemActor(DEMO_ACTOR);

/** The themes to rank; the first three are the seed's priorities (in its order), the others illustrative. */
const THEMES = [
  { id: "jeunes", label: "Éducation à la santé pour les enfants et les jeunes" },
  { id: "agees", label: "Santé des personnes âgées (lutte contre l'isolement, aides existantes, soins à domicile…)" },
  { id: "bien-etre", label: "Le bien-être et l'hygiène de vie" },
  { id: "acces", label: "Accès aux soins et aux droits (illustratif)" },
  { id: "mentale", label: "Santé mentale (illustratif)" },
] as const;

const QUESTIONS = [
  { id: "matinee", kind: "scale", label: "Qu'avez-vous pensé de la matinée ? (illustratif)", required: true, scaleMin: 1, scaleMax: 5, minLabel: "Pas du tout satisfait", maxLabel: "Très satisfait" },
  {
    id: "priorites",
    kind: "ranking",
    label: "Parmi ces thèmes, lesquels sont pour vous les plus importants sur le territoire ? Classez vos trois priorités.",
    required: true,
    options: THEMES.map((t) => ({ id: t.id, label: t.label })),
    rankCount: 3,
  },
  {
    id: "atelier",
    kind: "single",
    label: "Aimeriez-vous participer à un atelier des habitants sur ces thèmes ? (illustratif)",
    options: [
      { id: "oui", label: "Oui" },
      { id: "peut-etre", label: "Peut-être" },
      { id: "non", label: "Non" },
    ],
  },
  { id: "contact-atelier", kind: "single", label: "Comment préférez-vous être informé(e) de l'atelier ? (illustratif)", options: [{ id: "partenaire", label: "Par le centre social ou une association" }, { id: "affiche", label: "Par une affiche ou un flyer" }], other: true, showIf: { questionId: "atelier", optionIds: ["oui", "peut-etre"] } },
  { id: "commune", kind: "commune", label: "Dans quelle commune habitez-vous ?" },
  { id: "age", kind: "age_band", label: "Quelle est votre tranche d'âge ?" },
  { id: "idees", kind: "long_text", label: "Une idée, une remarque pour la santé dans votre quartier ? (illustratif)" },
] as const;

const MELUN = "77288";
const LE_MEE = "77285";
const DAMMARIE = "77152";

/** 17 answers (illustratif): [satisfaction, top three, workshop, how informed, commune, age band, idea]. */
const ANSWERS: [number, [string, string, string], string, string | null, string, string, string][] = [
  [5, ["jeunes", "agees", "bien-etre"], "oui", "partenaire", MELUN, "25-39", "Des ateliers pour les parents sur le sommeil des enfants. (illustratif)"],
  [4, ["jeunes", "bien-etre", "agees"], "peut-etre", "affiche", MELUN, "40-54", ""],
  [5, ["agees", "jeunes", "acces"], "oui", "partenaire", LE_MEE, "55-69", "Plus de visites à domicile pour les personnes seules. (illustratif)"],
  [4, ["jeunes", "agees", "mentale"], "non", null, MELUN, "25-39", ""],
  [3, ["bien-etre", "jeunes", "agees"], "oui", "partenaire", DAMMARIE, "16-24", "Du sport gratuit le samedi. (illustratif)"],
  [5, ["jeunes", "acces", "agees"], "oui", "affiche", LE_MEE, "40-54", ""],
  [4, ["agees", "bien-etre", "jeunes"], "peut-etre", "partenaire", MELUN, "70+", ""],
  [5, ["jeunes", "agees", "bien-etre"], "oui", "partenaire", MELUN, "40-54", ""],
  [4, ["acces", "jeunes", "bien-etre"], "non", null, DAMMARIE, "25-39", "Trouver un médecin traitant est très difficile. (illustratif)"],
  [5, ["jeunes", "bien-etre", "mentale"], "oui", "partenaire", LE_MEE, "25-39", ""],
  [4, ["agees", "jeunes", "bien-etre"], "oui", "affiche", MELUN, "55-69", ""],
  [3, ["bien-etre", "agees", "jeunes"], "peut-etre", "partenaire", MELUN, "16-24", ""],
  [5, ["jeunes", "mentale", "agees"], "oui", "partenaire", DAMMARIE, "40-54", "Parler davantage des écrans avec les ados. (illustratif)"],
  [4, ["agees", "bien-etre", "acces"], "non", null, LE_MEE, "70+", ""],
  [5, ["jeunes", "agees", "bien-etre"], "oui", "partenaire", MELUN, "25-39", ""],
  [4, ["mentale", "bien-etre", "jeunes"], "peut-etre", "affiche", MELUN, "40-54", ""],
  [5, ["bien-etre", "jeunes", "agees"], "oui", "partenaire", LE_MEE, "55-69", ""],
];

/** Seeds the survey on the CAMVS demo contract (slug): published, 17 paper answers, results published. */
export async function seedSurveys(db: Db, slug: string): Promise<{ surveyId: string }> {
  const [contract] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug));
  if (!contract) throw new Error(`Contrat de démonstration introuvable : ${slug}`);
  const [fiche] = await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, contract.id), eq(actions.number, 6)));
  if (!fiche) throw new Error(`Données de démonstration : la fiche 6 du contrat ${slug} est introuvable.`);
  const body = surveyBody.parse({
    title: DEMO_SURVEY_TITLE,
    intro: "Merci d'avoir participé aux Rencontres de la Santé. Vos réponses, anonymes, aident à choisir les priorités du contrat local de santé.",
    questions: QUESTIONS,
    actionIds: [fiche.id],
    opensOn: DAY,
    closesOn: DAY,
    oneAnswerPerDevice: true,
    askContact: false,
  });
  // The history says when, as on the day: the questionnaire prepared in the morning, the paper answers typed in the afternoon, the results published at the end of the day.
  const surveyId = await datedAs(db, parisAt(DAY, "08:30"), async () => {
    const id = await createSurvey(db, actor, contract.id, body);
    await setPublication(db, actor, id, "survey", true);
    return id;
  });
  for (const [i, [matinee, top, atelier, how, commune, age, idea]] of ANSWERS.entries()) {
    const answers: SurveyAnswers = { matinee: { value: matinee }, priorites: { ranking: [...top] }, atelier: { choice: atelier }, commune: { insee: commune }, age: { ageBand: age } };
    if (how) answers["contact-atelier"] = { choice: how };
    if (idea) answers.idees = { text: idea };
    const paper = paperAnswerBody.parse({ answers, respondedOn: DAY });
    await datedAs(db, new Date(parisAt(DAY, "14:00").getTime() + i * 60_000), () =>
      submitAnswer(db, { surveyId, answers: paper.answers, source: "paper", device: null, actor, enteredBy: { userId: null, name: `Centre social (illustratif) — fiche ${i + 1}` }, respondedOn: paper.respondedOn }),
    );
  }
  await datedAs(db, parisAt(DAY, "17:30"), () => setPublication(db, actor, surveyId, "results", true));
  return { surveyId };
}
