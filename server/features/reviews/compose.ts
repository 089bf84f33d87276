/**
 * The draft of a quarterly review, drawn from the quarter's data with the structure of
 * the CAMVS seed review: purpose reminder; governance news; one section per committee
 * held; one section per fiche that moved, in fiche order; the fiches without movement in
 * one line; residents' participation; annexes. Pure: data in, sections out.
 */
import { createHash } from "node:crypto";
import type { Rhythm } from "../governance/rhythm.js";
import type { BodyKind } from "../../domain/governance.js";
import type { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES } from "../followup/rules.js";
import { frenchNumber, longDay, parisDay, parisTime, plural, shortDay, type DatePrecision } from "../../domain/dates.js";
import { quarterRange, type Quarter } from "./quarters.js";
import type { ReviewSection, SectionKind, SectionSources } from "../../domain/review-sections.js";
import { surveyNews, workshopNews, type ReviewSurvey, type ReviewWorkshop } from "./participation-news.js";
import { escape, p, splitMinutes, ul } from "./html-text.js";
import { ficheProse } from "./fiche-prose.js";
import { distinctSteps, lowerFirst, participantsByKind, sentence } from "./prose.js";

export interface ReviewMeeting {
  id: string;
  bodyId: string;
  title: string;
  startsAt: Date;
  place: string;
  headCount: number | null;
  /** Present participants, and the organisations they came from (names, in order), those signing the contract apart. */
  presentCount: number;
  organisations: string[];
  signatoryOrganisations: string[];
  /** The agenda's items, in order. */
  agenda: string[];
  /** Present participants who took part as residents (e.g. presenting the workshops' synthesis). */
  residentsPresent: number;
  /** Sanitised HTML. */
  minutes: string;
  decisions: string[];
  /** Fiches named by the agenda. */
  agendaActionIds: string[];
  invitationSentAt: Date | null;
  cancelled: boolean;
  attachments: { id: string; fileName: string }[];
}

export interface ReviewData extends Quarter {
  /** Sanitised HTML of the contract's purpose reminder; empty for the default text. */
  purpose: string;
  bodies: { id: string; kind: BodyKind; name: string; participation: boolean; rhythm: Rhythm | null; actionIds: string[] }[];
  /** Meetings of the quarter, and the committees planned after it. */
  meetings: ReviewMeeting[];
  fiches: { id: string; number: number; title: string }[];
  progress: { id: string; actionId: string; happenedOn: string; text: string; meetingId: string | null }[];
  measurements: { id: string; actionId: string; indicator: string; unit: string; target: number | null; value: number; measuredOn: string; source: string }[];
  /** Milestones done in the quarter, and those still open. */
  milestones: { id: string; actionId: string; title: string; plannedBy: string; originallyBy: string; doneOn: string | null; doneOnPrecision?: DatePrecision }[];
  /** Adjustments agreed or done in the quarter. */
  adjustments: { id: string; actionId: string; kind: keyof typeof ADJUSTMENT_KINDS; description: string; status: keyof typeof ADJUSTMENT_STATUSES; agreedOn: string | null; doneOn: string | null; targetNumber: number | null }[];
  /** Remaining work not done yet. */
  remaining: { id: string; actionId: string; text: string }[];
  /** Residents' workshops of the contract (participation-news.ts keeps those that moved in the quarter). */
  workshops: ReviewWorkshop[];
  /** Residents' surveys of the contract, summarised (participation-news.ts keeps those of the quarter). */
  surveys: ReviewSurvey[];
}

export const DEFAULT_PURPOSE =
  "<p>La revue trimestrielle est un outil de suivi et de communication du Contrat Local de Santé : une synthèse de l'ensemble des rencontres et des avancées sur les différentes actions, produite chaque trimestre et partagée avec l'ensemble des acteurs.</p>";


const COMMITTEE_KINDS: ReadonlySet<BodyKind> = new Set(["copil", "cotech", "thematic"]);
/** « Le Comité technique », as a sentence starts. */
const COMMITTEE_NAMES: Partial<Record<BodyKind, string>> = { copil: "Comité de pilotage", cotech: "Comité technique", thematic: "Commission thématique" };
/** A committee's name with its article and agreement: a « Commission » is feminine. */
const committeeWords = (kind: BodyKind) => {
  const name = COMMITTEE_NAMES[kind] ?? "Comité";
  return kind === "thematic"
    ? { name, the: `La ${name}`, this: `cette ${name}`, of: `de la ${name}`, met: "s'est réunie" }
    : { name, the: `Le ${name}`, this: `ce ${name}`, of: `du ${name}`, met: "s'est réuni" };
};

const noSources = (): SectionSources => ({ meetingIds: [], progressEntryIds: [], measurementIds: [], milestoneIds: [], adjustmentIds: [], attachmentIds: [], actionIds: [] });

/**
 * A drafted section. Its own headings start at h3, as the editor's « Intertitre » does
 * (h4 below it): the pages nest them under the section's title, whatever its level.
 */
function section(key: string, kind: SectionKind, title: string, html: string, sources: Partial<SectionSources> = {}): ReviewSection {
  return {
    key,
    kind,
    title,
    generatedTitle: title,
    html,
    generatedHtml: html,
    sourceHash: createHash("sha256").update(`${title}\n${html}`).digest("hex").slice(0, 32),
    sources: { ...noSources(), ...sources },
    edited: false,
    hidden: false,
    refreshState: "unchanged",
  };
}

const meetingDay = (m: ReviewMeeting) => parisDay(m.startsAt);
const inQuarter = (day: string, range: { start: string; end: string }) => day >= range.start && day <= range.end;

/** « Il a réuni 14 participants : représentants des signataires, référents des communes, CCAS… » */
function participantsSentence(m: ReviewMeeting): string {
  const count = m.headCount ?? (m.presentCount || null);
  const kinds = participantsByKind(m.organisations, m.signatoryOrganisations);
  if (count) return `Il a réuni ${plural(count, "participant", "participants")}${kinds ? ` : ${kinds}` : ""}.`;
  return kinds ? `Étaient représentés : ${kinds}.` : "";
}

/** « d'au moins un comité de pilotage par an », « d'un comité technique tous les 6 mois ». */
function expectedMeetings(kind: "copil" | "cotech", rhythm: Rhythm): string {
  const noun = kind === "copil" ? "comité de pilotage" : "comité technique";
  if (rhythm.kind === "every_months") return `d'un ${noun} ${rhythm.months === 1 ? "par mois" : `tous les ${rhythm.months} mois`}`;
  return rhythm.count === 1 ? `d'au moins un ${noun} par an` : `d'au moins ${rhythm.count} ${noun.replace("comité", "comités")} par an`;
}

function governanceSection(data: ReviewData, range: { start: string; end: string }): ReviewSection {
  const parts: string[] = [];
  const ids: string[] = [];
  for (const kind of ["copil", "cotech"] as const) {
    const bodies = data.bodies.filter((b) => b.kind === kind);
    const name = COMMITTEE_NAMES[kind]!;
    const next = data.meetings
      .filter((m) => !m.cancelled && bodies.some((b) => b.id === m.bodyId) && meetingDay(m) > range.end)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
    // A body with no date set says nothing yet: « pas encore fixée » is filler to the reader.
    if (next) {
      for (const body of bodies.filter((b) => b.rhythm)) parts.push(p(`La coordination du CLS implique l'organisation ${expectedMeetings(kind, body.rhythm!)}.`));
      ids.push(next.id);
      parts.push(p(`Le prochain ${name} aura lieu le ${longDay(meetingDay(next))} à ${parisTime(next.startsAt)}${next.place ? ` (${next.place})` : ""}.`));
      parts.push(
        p(
          next.invitationSentAt
            ? `Les invitations ont été envoyées aux membres du comité le ${longDay(parisDay(next.invitationSentAt))}.`
            : "Les invitations seront envoyées aux membres du comité à l'approche de la date de la rencontre.",
        ),
      );
    }
  }
  if (!parts.length && !data.bodies.some((b) => b.kind === "copil" || b.kind === "cotech")) parts.push(p("Aucune instance de gouvernance n'est encore enregistrée pour ce contrat."));
  else if (!parts.length) parts.push(p("Aucune date n'est encore fixée pour le prochain Comité de pilotage ni pour le prochain Comité technique."));
  return section("governance", "governance", "Actualité de la gouvernance", parts.join(""), { meetingIds: ids });
}

function committeeSection(m: ReviewMeeting, kind: BodyKind): ReviewSection {
  const words = committeeWords(kind);
  const day = meetingDay(m);
  // The minutes' opening paragraphs say who came and what the meeting was for, in the coordinator's words.
  const { lead, rest } = splitMinutes(m.minutes);
  const saysWho = /\bparticipants?\b|\bréuni\b/i.test(lead.join(" "));
  const parts = [p(`${words.the} du CLS ${words.met} le ${longDay(day)} à ${parisTime(m.startsAt)}${m.place ? ` (${m.place})` : ""}. ${saysWho ? "" : participantsSentence(m)}`.trim())];
  if (m.residentsPresent)
    parts.push(p(`${m.residentsPresent > 1 ? `${frenchNumber(m.residentsPresent)} habitants y ont porté` : "Un habitant y a porté"} la parole des ateliers des habitants.`));
  if (lead.length) parts.push(...lead);
  else if (m.agenda.length) parts.push(p(`Son ordre du jour portait sur les points suivants : ${m.agenda.map((item) => item.trim().replace(/[.;]$/, "")).join(" ; ")}.`));
  if (m.decisions.length) parts.push(p(`Ci-dessous les principales orientations évoquées lors de ${words.this} :`), ul(m.decisions.map(sentence)));
  else if (rest) parts.push(rest);
  // Its deck, drawn by Clés, is the first annex (see `annexesSection`).
  parts.push(p(`Le support de présentation de ${words.this} est annexé à la présente revue.`));
  return section(`committee:${m.id}`, "committee", `${words.name} du ${longDay(day)}`, parts.join(""), { meetingIds: [m.id], attachmentIds: m.attachments.map((a) => a.id) });
}

/** What a fiche did in the quarter, and whether it moved at all (a step of the quarter not done counts). */
function actionSection(data: ReviewData, fiche: ReviewData["fiches"][number], range: { start: string; end: string }, related: ReviewMeeting[]): ReviewSection | null {
  const mine = <T extends { actionId: string }>(rows: T[]) => rows.filter((r) => r.actionId === fiche.id);
  const progress = mine(data.progress).filter((e) => inQuarter(e.happenedOn, range)).sort((a, b) => a.happenedOn.localeCompare(b.happenedOn));
  const measurements = mine(data.measurements).filter((m) => inQuarter(m.measuredOn, range));
  const milestones = mine(data.milestones).sort((a, b) => a.plannedBy.localeCompare(b.plannedBy));
  const done = milestones.filter((m) => m.doneOn && inQuarter(m.doneOn, range));
  const overdue = milestones.filter((m) => !m.doneOn && inQuarter(m.plannedBy, range));
  const adjustments = mine(data.adjustments).filter((a) => [a.agreedOn, a.doneOn].some((d) => d && inQuarter(d, range)));
  // An adjustment merely agreed at a committee is told by that committee's section; one carried out is movement.
  const carriedOut = adjustments.some((a) => a.doneOn && inQuarter(a.doneOn, range));
  if (!progress.length && !measurements.length && !done.length && !overdue.length && !carriedOut && !related.length) return null;

  // A meeting is named only when it is one of the fiche's own: progress reported at a COPIL or COTECH did not happen there.
  const meetingById = new Map(data.meetings.map((m) => [m.id, m]));
  const own = (id: string | null) => (id && related.some((r) => r.id === id) ? meetingById.get(id) : undefined);
  const told = new Set(progress.map((e) => own(e.meetingId)?.id).filter(Boolean));
  const html = ficheProse({
    progress: progress.map((e) => {
      const m = own(e.meetingId);
      return { text: e.text, meeting: m ? { title: m.title, day: meetingDay(m) } : null };
    }),
    meetings: related.filter((m) => !told.has(m.id)).map((m) => ({ title: m.title, day: meetingDay(m), count: m.headCount ?? (m.presentCount || null) })),
    decisions: related.flatMap((m) => m.decisions),
    done: done.map((m) => ({ title: m.title, doneOn: m.doneOn!, doneOnPrecision: m.doneOnPrecision })),
    overdue: overdue.map((m) => ({ title: m.title, plannedBy: m.plannedBy })),
    upcoming: milestones.filter((m) => !m.doneOn && m.plannedBy > range.end).map((m) => ({ title: m.title, plannedBy: m.plannedBy })),
    measurements,
    adjustments,
    remaining: mine(data.remaining).map((r) => r.text),
  });
  return section(`action:${fiche.id}`, "action", `FICHE ACTION ${fiche.number} « ${fiche.title} »`, html, {
    actionIds: [fiche.id],
    progressEntryIds: progress.map((e) => e.id),
    measurementIds: measurements.map((m) => m.id),
    milestoneIds: [...done, ...overdue].map((m) => m.id),
    adjustmentIds: adjustments.map((a) => a.id),
    meetingIds: related.map((m) => m.id),
  });
}

/**
 * The meetings of the quarter that concern a fiche: those its progress entries name,
 * those whose agenda names it, and those of a working group devoted to it alone —
 * never a COPIL or COTECH that goes through every fiche.
 */
function relatedMeetings(data: ReviewData, ficheId: string, quarterMeetings: ReviewMeeting[], kindOf: (m: ReviewMeeting) => BodyKind | undefined): ReviewMeeting[] {
  const named = new Set(data.progress.filter((e) => e.actionId === ficheId && e.meetingId).map((e) => e.meetingId!));
  return quarterMeetings.filter((m) => {
    const kind = kindOf(m);
    if (!kind || COMMITTEE_KINDS.has(kind)) return false;
    const body = data.bodies.find((b) => b.id === m.bodyId);
    if (body?.participation) return named.has(m.id);
    return named.has(m.id) || m.agendaActionIds.includes(ficheId) || (body?.actionIds.length === 1 && body.actionIds[0] === ficheId);
  });
}

function participationSection(meetings: ReviewMeeting[], workshops: { html: string; workshopIds: string[] }, surveys: { html: string; surveyIds: string[] }): ReviewSection | null {
  if (!meetings.length && !workshops.workshopIds.length && !surveys.surveyIds.length) return null;
  // A next step the workshops' news already tells (« L'appel à participation sera publié le 4 octobre ») is not listed again.
  const told = workshops.html ? [workshops.html.replace(/<[^>]+>/g, " ")] : [];
  const parts = meetings.flatMap((m) => {
    const next = distinctSteps(m.decisions, told);
    const count = m.headCount ?? (m.presentCount || null);
    const who = m.organisations.length ? `, avec ${m.organisations.join(", ")}` : "";
    return [
      `<h3>${escape(m.title)}</h3>`,
      p(`Réunion du ${longDay(meetingDay(m))}${count ? ` : ${plural(count, "participant", "participants")}` : ""}${who}.`),
      m.minutes,
      next.length > 1 ? p("Prochaines étapes :") + ul(next) : next.length ? p(`Prochaine étape : ${lowerFirst(sentence(next[0]!))}`) : "",
      m.attachments.length ? p(`Le support de cette réunion est annexé à la présente revue (${m.attachments.map((a) => a.fileName).join(", ")}).`) : "",
    ];
  });
  return section("participation", "participation", "Démocratie sanitaire : participation des habitants", parts.join("") + workshops.html + surveys.html, {
    meetingIds: meetings.map((m) => m.id),
    attachmentIds: meetings.flatMap((m) => m.attachments.map((a) => a.id)),
  });
}

/** « Support de présentation du Comité technique du 14/09/2021 »: the title of a committee's deck as an annex. */
export const deckAnnexTitle = (kind: BodyKind, day: string) => `Support de présentation ${committeeWords(kind).of} du ${shortDay(day)}`;

/**
 * The annexes, numbered as in the seed: the deck Clés draws for each committee held (its
 * meeting id in `sources.meetingIds`), then the files attached to the quarter's meetings.
 */
function annexesSection(held: ReviewMeeting[], kindOf: (m: ReviewMeeting) => BodyKind | undefined): ReviewSection | null {
  const committees = held.filter((m) => COMMITTEE_KINDS.has(kindOf(m)!));
  const attached = held.filter((m) => m.attachments.length);
  const items = [
    ...committees.map((m) => deckAnnexTitle(kindOf(m)!, meetingDay(m))),
    ...attached.flatMap((m) => m.attachments.map((a) => `${a.fileName} — ${m.title} du ${shortDay(meetingDay(m))}`)),
  ];
  if (!items.length) return null;
  return section("annexes", "annexes", "Annexes", `<ol>${items.map((i) => `<li>${escape(i)}</li>`).join("")}</ol>`, {
    attachmentIds: attached.flatMap((m) => m.attachments.map((a) => a.id)),
    meetingIds: [...new Set([...committees, ...attached].map((m) => m.id))],
  });
}

/** The generated sections of a review, in the seed's order. */
export function composeReview(data: ReviewData): ReviewSection[] {
  const range = quarterRange(data);
  const kindOf = (m: ReviewMeeting) => data.bodies.find((b) => b.id === m.bodyId)?.kind;
  const held = data.meetings.filter((m) => !m.cancelled && inQuarter(meetingDay(m), range)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const sections: ReviewSection[] = [
    section("purpose", "purpose", "La revue trimestrielle : un outil de suivi et de communication", data.purpose || DEFAULT_PURPOSE),
    governanceSection(data, range),
  ];
  for (const m of held) {
    const kind = kindOf(m);
    if (kind && COMMITTEE_KINDS.has(kind)) sections.push(committeeSection(m, kind));
  }
  const unmoved: ReviewData["fiches"] = [];
  for (const fiche of [...data.fiches].sort((a, b) => a.number - b.number)) {
    const s = actionSection(data, fiche, range, relatedMeetings(data, fiche.id, held, kindOf));
    if (s) sections.push(s);
    else unmoved.push(fiche);
  }
  // Partners' fiches listed as idle in a public document would blame them: hidden unless the coordinator shows it.
  if (unmoved.length) {
    const list = unmoved.map((f) => `FA ${f.number} « ${f.title} »`).join(" ; ");
    const text = `${unmoved.length > 1 ? "Les autres fiches actions du contrat n'ont pas fait" : "L'autre fiche action du contrat n'a pas fait"} l'objet d'un point d'étape ce trimestre : ${list}.`;
    sections.push({ ...section("unmoved", "unmoved", "Autres fiches actions", p(text), { actionIds: unmoved.map((f) => f.id) }), hidden: true });
  }
  const participation = participationSection(
    held.filter((m) => data.bodies.find((b) => b.id === m.bodyId)?.participation),
    workshopNews(data.workshops, range),
    surveyNews(data.surveys, range),
  );
  if (participation) sections.push(participation);
  const annexes = annexesSection(held, kindOf);
  if (annexes) sections.push(annexes);
  return sections;
}
