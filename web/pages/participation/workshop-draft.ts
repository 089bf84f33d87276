/**
 * A workshop as its form edits it (text fields, Paris days and times, questions one per
 * line, one moderator per table), what the server takes, and the errors said before asking it.
 */
import { workshopBody } from "../../../server/shared-forms";
import type { Workshop, WorkshopInput } from "../../api/workshops";
import { zodErrors, type Errors } from "../../components/form";
import { parisIso, parisParts } from "../governance/parisTime";

export interface TopicDraft {
  /** Kept for a topic that exists (its syntheses stay with it). */
  id?: string;
  title: string;
  /** One question per line. */
  questions: string;
  actionIds: string[];
}

export interface SessionDraft {
  id?: string;
  /** Paris day "2021-11-04", times "18:00". */
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  roundMinutes: string;
}

export interface WorkshopDraft {
  bodyId: string;
  title: string;
  intro: string;
  capacity: string;
  maxPerTable: string;
  tableCount: string;
  meal: boolean;
  deadline: string;
  retentionMonths: string;
  /** The moderator's name by table (index = table); empty: none yet. */
  moderators: { name: string; userId: string | null }[];
  topics: TopicDraft[];
  sessions: SessionDraft[];
}

export const emptyTopic = (): TopicDraft => ({ title: "", questions: "", actionIds: [] });
export const emptySession = (): SessionDraft => ({ date: "", startTime: "", endTime: "", place: "", roundMinutes: "25" });

/** A new workshop, as in the CAMVS deck: 18 places, 3 tables of 6. */
export const emptyWorkshopDraft = (bodyId: string): WorkshopDraft => ({
  bodyId,
  title: "",
  intro: "",
  capacity: "18",
  maxPerTable: "6",
  tableCount: "3",
  meal: false,
  deadline: "",
  retentionMonths: "12",
  moderators: [],
  topics: [emptyTopic()],
  sessions: [emptySession()],
});

export function draftFromWorkshop(w: Workshop): WorkshopDraft {
  return {
    bodyId: w.bodyId,
    title: w.title,
    intro: w.intro,
    capacity: String(w.capacity),
    maxPerTable: String(w.maxPerTable),
    tableCount: String(w.tableCount),
    meal: w.meal,
    deadline: w.deadline,
    retentionMonths: String(w.retentionMonths),
    moderators: w.moderators.map((m) => ({ name: m.name, userId: m.userId })),
    topics: w.topics.map((t) => ({ id: t.id, title: t.title, questions: t.questions.join("\n"), actionIds: t.actionIds })),
    sessions: w.sessions.map((s) => ({ id: s.id, date: parisParts(s.startsAt).date, startTime: parisParts(s.startsAt).time, endTime: parisParts(s.endsAt).time, place: s.place, roundMinutes: String(s.roundMinutes) })),
  };
}

const count = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/** How many tables the form shows a moderator field for (0 while the count is not a number). */
export function tableCountOf(d: WorkshopDraft): number {
  const n = Number(d.tableCount);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 50) : 0;
}

/**
 * The body of POST /contracts/:id/workshops and PUT /workshops/:id (without the version).
 * Moderators: one per table in order, those of tables past the count or after the last named dropped.
 */
export function workshopPayload(d: WorkshopDraft) {
  const moderators = d.moderators.slice(0, tableCountOf(d)).map((m) => ({ name: m.name.trim(), userId: m.userId }));
  while (moderators.length && !moderators[moderators.length - 1]!.name) moderators.pop();
  return {
    bodyId: d.bodyId,
    title: d.title,
    intro: d.intro,
    capacity: count(d.capacity),
    maxPerTable: count(d.maxPerTable),
    tableCount: count(d.tableCount),
    meal: d.meal,
    deadline: d.deadline,
    retentionMonths: count(d.retentionMonths),
    moderators,
    topics: d.topics.map((t) => ({
      ...(t.id ? { id: t.id } : {}),
      title: t.title,
      questions: t.questions
        .split("\n")
        .map((q) => q.trim())
        .filter(Boolean),
      actionIds: t.actionIds,
    })),
    sessions: d.sessions.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      startsAt: parisIso(s.date, s.startTime) ?? "",
      endsAt: parisIso(s.date, s.endTime) ?? "",
      place: s.place,
      roundMinutes: count(s.roundMinutes),
    })),
  };
}

/** What is missing, in words people use, before the shared schema's messages about formats. */
function emptyFieldErrors(d: WorkshopDraft): Errors {
  const errors: Errors = {};
  if (!d.bodyId) errors.bodyId = "Choisissez l'instance de participation des habitants.";
  if (!d.deadline) errors.deadline = "Indiquez la date limite d'inscription.";
  d.sessions.forEach((s, i) => {
    if (!s.date) errors[`sessions.${i}.date`] = "Indiquez la date de la séance.";
    if (!s.startTime) errors[`sessions.${i}.startsAt`] = "Indiquez l'heure de début de la séance.";
    if (!s.endTime) errors[`sessions.${i}.endsAt`] = "Indiquez l'heure de fin de la séance.";
  });
  return errors;
}

/** The shared schema's verdict: the body to send, or the errors to show by field. */
export function validateWorkshop(d: WorkshopDraft): { body: WorkshopInput; errors?: undefined } | { body?: undefined; errors: Errors } {
  const payload = workshopPayload(d);
  const parsed = workshopBody.safeParse(payload);
  const errors: Errors = parsed.success ? {} : zodErrors(parsed.error);
  // Without its day, a session's times are said to be missing by the day's field alone.
  d.sessions.forEach((s, i) => {
    if (s.date) return;
    delete errors[`sessions.${i}.startsAt`];
    delete errors[`sessions.${i}.endsAt`];
  });
  Object.assign(errors, emptyFieldErrors(d));
  if (Object.keys(errors).length || !parsed.success) return { errors };
  return { body: parsed.data };
}

/** The visible labels of the workshop form's fields (without « (facultatif) », which the optional ones add). */
export const WORKSHOP_LABELS = {
  bodyId: "Instance",
  title: "Titre",
  intro: "Présentation",
  deadline: "Date limite d'inscription",
  retentionMonths: "Conservation des données (mois)",
  capacity: "Nombre de places",
  tableCount: "Nombre de tables",
  maxPerTable: "Personnes par table, au plus",
  moderators: "Places, tables et animation",
  topics: "Thèmes",
  sessions: "Séances",
} as const;

/** « Animateur ou animatrice de la table 2 », « Thème 1 »…: labels of the n-th (from 1) entry's fields. */
export const moderatorLabel = (n: number) => `Animateur ou animatrice de la table ${n}`;
export const topicLabels = (n: number) => ({ title: `Thème ${n}`, questions: "Questions pour les tables", actionIds: "Fiches liées" });
export const sessionLabels = (n: number) => ({ date: `Date de la séance ${n}`, startsAt: "Début", endsAt: "Fin", place: "Lieu", roundMinutes: "Durée d'un tour (minutes)" });

/** The error summary's name for the field of `path`: its visible label, with its entry when the label does not say it. */
export function workshopErrorLabel(path: string): string {
  const [head = "", index, field = ""] = path.split(".");
  const n = Number(index) + 1;
  if (index !== undefined && head === "moderators") return moderatorLabel(n);
  if (index !== undefined && head === "topics") {
    const labels: Record<string, string> = topicLabels(n);
    return field === "title" || !labels[field] ? labels.title! : `${labels[field]} (thème ${n})`;
  }
  if (index !== undefined && head === "sessions") {
    const labels: Record<string, string> = sessionLabels(n);
    if (field === "date") return labels.date!;
    return labels[field] ? `${labels[field]} (séance ${n})` : `Séance ${n}`;
  }
  return (WORKSHOP_LABELS as Record<string, string>)[head] ?? "Champ";
}
