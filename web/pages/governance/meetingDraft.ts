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

/** Labels of the error summary, by the first part of the path. */
export function errorLabel(path: string): string {
  const [head, index, field] = path.split(".");
  const n = Number(index) + 1;
  switch (head) {
    case "bodyId":
      return "Instance";
    case "title":
      return "Titre";
    case "date":
      return "Date";
    case "startsAt":
      return "Début";
    case "endsAt":
      return "Fin";
    case "place":
      return "Lieu";
    case "videoUrl":
      return "Lien de visioconférence";
    case "agenda":
      return index === undefined ? "Ordre du jour" : `Point ${n} de l'ordre du jour${field === "durationMinutes" ? " (durée)" : ""}`;
    case "headCount":
      return "Nombre de participants";
    case "minutes":
      return "Compte rendu";
    case "decisions":
      return `Décision ${n}`;
    case "decisionActionIds":
      return index === undefined ? "Décisions" : `Décision ${n} (fiches concernées)`;
    case "participants":
      return `Participant ${n}`;
    default:
      return "Champ";
  }
}
