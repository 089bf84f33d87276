/** A meeting as its form edits it (text fields, Paris day and times), and what the server takes. */
import type { Meeting } from "../../api/governance";
import type { Errors } from "../../components/form";
import { parisIso, parisParts } from "./parisTime";
import { personBody, type PersonDraft } from "./PeopleFields";

export interface AgendaDraft {
  title: string;
  duration: string;
  presenter: string;
  actionIds: string[];
}

/** A decision and the fiches it concerns, kept together so that moving or removing one keeps its links. */
export interface DecisionDraft {
  text: string;
  actionIds: string[];
}

export interface MeetingDraft {
  bodyId: string;
  title: string;
  /** Paris day "2021-09-14", times "14:00". */
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  videoUrl: string;
  agenda: AgendaDraft[];
  headCount: string;
  minutes: string;
  decisions: DecisionDraft[];
  participants: PersonDraft[];
}

export const emptyAgendaItem = (): AgendaDraft => ({ title: "", duration: "", presenter: "", actionIds: [] });

export const emptyDecision = (): DecisionDraft => ({ text: "", actionIds: [] });

export const emptyMeetingDraft = (bodyId: string): MeetingDraft => ({
  bodyId,
  title: "",
  date: "",
  startTime: "",
  endTime: "",
  place: "",
  videoUrl: "",
  agenda: [],
  headCount: "",
  minutes: "",
  decisions: [],
  participants: [],
});

export function draftFromMeeting(m: Meeting): MeetingDraft {
  const start = parisParts(m.startsAt);
  return {
    bodyId: m.bodyId,
    title: m.title,
    date: start.date,
    startTime: start.time,
    endTime: parisParts(m.endsAt).time,
    place: m.place,
    videoUrl: m.videoUrl ?? "",
    agenda: m.agenda.map((i) => ({ title: i.title, duration: i.durationMinutes === null ? "" : String(i.durationMinutes), presenter: i.presenter, actionIds: i.actionIds })),
    headCount: m.headCount === null ? "" : String(m.headCount),
    minutes: m.minutes,
    decisions: m.decisions.map((text, i) => ({ text, actionIds: m.decisionActionIds[i] ?? [] })),
    participants: m.participants.map((p) => ({ userId: p.userId, organisationId: p.organisationId, name: p.name, email: p.email, invited: p.invited, present: p.present, resident: p.resident })),
  };
}

const numberOrNull = (s: string) => (s.trim() === "" ? null : Number(s));

/** The body of POST /contracts/:id/meetings and PUT /meetings/:id (without the version). */
export function meetingBodyOf(d: MeetingDraft) {
  return {
    bodyId: d.bodyId,
    title: d.title,
    startsAt: parisIso(d.date, d.startTime) ?? "",
    endsAt: parisIso(d.date, d.endTime) ?? "",
    place: d.place,
    videoUrl: d.videoUrl.trim() || null,
    // A duration is optional: an empty field is none.
    agenda: d.agenda.map((i) => ({ title: i.title, durationMinutes: numberOrNull(i.duration), presenter: i.presenter, actionIds: i.actionIds })),
    headCount: numberOrNull(d.headCount),
    minutes: d.minutes,
    // An empty line is no decision; its fiches go with it.
    ...decisionsBodyOf(d.decisions),
  };
}

/** The decisions and, entry for entry, their fiches (the server takes both lists together). */
export function decisionsBodyOf(decisions: DecisionDraft[]) {
  const kept = decisions.map((x) => ({ text: x.text.trim(), actionIds: x.actionIds })).filter((x) => x.text);
  return { decisions: kept.map((x) => x.text), decisionActionIds: kept.map((x) => x.actionIds) };
}

export const participantsBodyOf = (d: MeetingDraft) => ({
  participants: d.participants.map((p) => ({ ...personBody(p), invited: !!p.invited, present: !!p.present, resident: !!p.resident })),
});

/** What the form says before asking the server: the day and the times, in words people use. */
export function scheduleErrors(d: MeetingDraft): Errors {
  const errors: Errors = {};
  if (!d.date) errors.date = "Indiquez la date de la réunion.";
  if (!d.startTime) errors.startsAt = "Indiquez l'heure de début.";
  if (!d.endTime) errors.endsAt = "Indiquez l'heure de fin.";
  return errors;
}

/** The visible labels of the meeting form's fields (without « (facultatif) », which the optional ones add). */
export const MEETING_LABELS = {
  bodyId: "Instance",
  title: "Titre",
  date: "Date",
  startsAt: "Début",
  endsAt: "Fin",
  place: "Lieu",
  videoUrl: "Lien de visioconférence",
  agenda: "Ordre du jour",
  headCount: "Nombre de participants",
  minutes: "Compte rendu de la réunion",
  decisions: "Décisions",
  participants: "Participants",
} as const;

/** The fields of an agenda item (n from 1), of a decision, of a participant's line. */
export const agendaLabels = (n: number) => ({ title: `Intitulé du point ${n}`, durationMinutes: "Durée en minutes", presenter: "Intervenant·e", actionIds: "Fiches concernées" });
export const decisionLabel = (n: number) => `Décision ${n}`;
export const PARTICIPANT_LABELS = { userId: "Membre du contrat", organisationId: "Organisation", name: "Nom", email: "E-mail" } as const;

/**
 * The error summary's name for the field of `path`: its visible label, and for a field of a
 * list's entry that does not say which, the entry (« Durée en minutes (point 2) »).
 */
export function errorLabel(path: string): string {
  const [head = "", index, field] = path.split(".");
  const n = Number(index) + 1;
  if (index !== undefined && head === "agenda") {
    const labels: Record<string, string> = agendaLabels(n);
    const label = labels[field ?? ""];
    return label === undefined ? `Point ${n}` : field === "title" ? label : `${label} (point ${n})`;
  }
  if (index !== undefined && head === "decisions") return decisionLabel(n);
  if (index !== undefined && head === "decisionActionIds") return `Fiches concernées (décision ${n})`;
  if (index !== undefined && head === "participants") {
    const label = (PARTICIPANT_LABELS as Record<string, string>)[field ?? ""];
    return label === undefined ? `Participant ${n}` : `${label} (participant ${n})`;
  }
  if (head === "decisionActionIds") return MEETING_LABELS.decisions;
  return (MEETING_LABELS as Record<string, string>)[head] ?? "Champ";
}
