/**
 * The synthesis and the outlook of an annual report as Clés drafts them from the data, for
 * the coordination to edit and publish: whole French sentences (« Au 31 décembre 2021, les
 * 15 fiches actions… »), as HTML the rich-text editor opens. Pure: the report's input only.
 */
import { SHOWN_STATUSES, shownStatus, type ShownStatus } from "../../domain/shown-status.js";
import { frenchNumber, joinAnd, longDay, plural, pluralWord } from "../../domain/dates.js";
import { progressTowardsTarget } from "../followup/rules.js";
import { p, ul } from "../reviews/html-text.js";
import { plannedWhen, quoted } from "../reviews/prose.js";
import { attendance, bodiesOverPeriod, expectedMeetings, inYear, isHeld, periodMonths, reportDay, yearWithinContract } from "./governance.js";
import type { AnnualReportInput } from "./input.js";

/** Where the coordination's texts of a year stand. */
export const TEXTS_STATUSES = { none: "Non rédigées", draft: "Brouillon", published: "Publiées" } as const;

/** Steps listed by name in the outlook before « et N autres ». */
const STEPS_LISTED = 8;

/** Feminine plural of each status, as counted: « 2 réalisées », « 3 en cours ». */
const STATUS_COUNTS: Record<ShownStatus, [string, string]> = {
  done: ["réalisée", "réalisées"],
  in_progress: ["en cours", "en cours"],
  late: ["en retard", "en retard"],
  not_started: ["non démarrée", "non démarrées"],
  abandoned: ["abandonnée", "abandonnées"],
  merged: ["fusionnée avec une autre fiche", "fusionnées avec une autre fiche"],
};
const STATUS_ORDER: ShownStatus[] = ["done", "in_progress", "late", "not_started", "abandoned", "merged"];

/** Each fiche's status as of the report's day, by the one status rule. */
export function statusesAsOf(input: AnnualReportInput): Map<string, ShownStatus> {
  const day = reportDay(input);
  return new Map(input.fiches.map((f) => [f.id, shownStatus(f.mergedIntoId ? "merged" : f.status, input.milestones.filter((m) => m.actionId === f.id), day)]));
}

function fichesSentence(input: AnnualReportInput): string {
  const day = reportDay(input);
  const n = input.fiches.length;
  if (!n) return `Au ${longDay(day)}, le contrat ne compte encore aucune fiche action.`;
  const statuses = [...statusesAsOf(input).values()];
  const parts = STATUS_ORDER.map((s) => [s, statuses.filter((x) => x === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${frenchNumber(c)} ${pluralWord(c, ...STATUS_COUNTS[s])}`);
  if (parts.length === 1) {
    const only = statuses[0]!;
    return n === 1 ? `Au ${longDay(day)}, l'unique fiche action du contrat est ${SHOWN_STATUSES[only].toLocaleLowerCase("fr-FR")}.` : `Au ${longDay(day)}, les ${frenchNumber(n)} fiches actions du contrat sont toutes ${STATUS_COUNTS[only][1]}.`;
  }
  return `Au ${longDay(day)}, les ${frenchNumber(n)} fiches actions du contrat se répartissent ainsi : ${joinAnd(parts)}.`;
}

function stepsSentences(input: AnnualReportInput): string[] {
  const { year } = input;
  const day = reportDay(input);
  const planned = input.milestones.filter((m) => inYear(m.plannedBy, year) || inYear(m.originallyBy, year));
  const done = input.milestones.filter((m) => m.doneOn !== null && inYear(m.doneOn, year));
  const moved = new Set([...input.progress.filter((e) => inYear(e.happenedOn, year)).map((e) => e.actionId), ...done.map((m) => m.actionId)]);
  const out: string[] = [];
  if (!planned.length && !done.length) out.push(`Aucune étape n'était prévue ni réalisée en ${year}.`);
  else if (!planned.length) out.push(`${plural(done.length, "étape a été réalisée", "étapes ont été réalisées")} en ${year}.`);
  else out.push(`${done.length ? plural(done.length, "étape a été réalisée", "étapes ont été réalisées") : "Aucune étape n'a été réalisée"} en ${year}, pour ${plural(planned.length, "étape prévue", "étapes prévues")} dans l'année.`);
  const overdue = overdueSteps(input);
  if (overdue.length) out.push(`Au ${longDay(day)}, ${plural(overdue.length, "étape prévue", "étapes prévues")} en ${year} ${overdue.length > 1 ? "restent" : "reste"} à réaliser.`);
  const idle = "dans l'année (ni étape réalisée ni point d'avancement enregistré)";
  if (input.fiches.length && !moved.size) out.push(input.fiches.length === 1 ? `L'unique fiche n'a pas avancé ${idle}.` : `Aucune des ${frenchNumber(input.fiches.length)} fiches n'a avancé ${idle}.`);
  else if (input.fiches.length) out.push(`${frenchNumber(moved.size)} ${pluralWord(moved.size, "fiche")} sur ${frenchNumber(input.fiches.length)} ${moved.size > 1 ? "ont" : "a"} avancé dans l'année (une étape réalisée ou un point d'avancement enregistré).`);
  return out;
}

/** Steps of the year planned by the report's day and not done. */
function overdueSteps(input: AnnualReportInput) {
  const day = reportDay(input);
  return input.milestones.filter((m) => m.doneOn === null && m.plannedBy <= day && (inYear(m.plannedBy, input.year) || inYear(m.originallyBy, input.year)));
}

function governanceSentences(input: AnnualReportInput, from: string, to: string): string[] {
  const rows = bodiesOverPeriod(input.bodies, input.meetings, from, to, input.today).filter((r) => !r.body.participation);
  if (!rows.length) return [];
  const held = rows.reduce((s, r) => s + r.held.length, 0);
  const out: string[] = [];
  const met = rows.filter((r) => r.held.length).map((r) => `${r.body.name} : ${plural(r.held.length, "réunion")}${r.expected !== null ? ` pour ${frenchNumber(r.expected)} ${pluralWord(r.expected, "attendue")}` : ""}`);
  // The report's governance table counts the participation bodies too: say they are apart.
  const apart = input.bodies.some((b) => b.participation && input.meetings.some((m) => m.bodyId === b.id && isHeld(m, input.today) && m.startedOn >= from && m.startedOn <= to)) ? "Hors participation des habitants, l" : "L";
  out.push(held ? `${apart}es instances du contrat se sont réunies ${held > 1 ? `${frenchNumber(held)} fois` : "une fois"} (${met.join(" ; ")}).` : `Aucune instance du contrat ne s'est réunie en ${input.year}.`);
  const short = rows.filter((r) => r.expected !== null && r.held.length < r.expected);
  if (held && short.length) out.push(`Le rythme prévu n'a pas été tenu pour ${short.length > 1 ? "les instances" : "l'instance"} ${joinAnd(short.map((r) => quoted(r.body.name)))}.`);
  return out;
}

function indicatorSentence(input: AnnualReportInput): string | null {
  if (!input.indicators.length) return null;
  const end = `${input.year}-12-31`;
  const last = new Map<string, number>();
  for (const m of [...input.measurements].filter((x) => x.measuredOn <= end).sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))) last.set(m.indicatorId, m.value);
  const measured = input.indicators.filter((i) => last.has(i.id));
  const reached = measured.filter((i) => (progressTowardsTarget(last.get(i.id)!, i.baseline, i.target) ?? 0) >= 1);
  if (!measured.length)
    return input.indicators.length === 1 ? `L'unique indicateur défini n'a pas encore été mesuré au 31 décembre ${input.year}.` : `Aucun des ${frenchNumber(input.indicators.length)} indicateurs définis n'a encore été mesuré au 31 décembre ${input.year}.`;
  return (
    `${frenchNumber(measured.length)} ${pluralWord(measured.length, "indicateur")} sur ${frenchNumber(input.indicators.length)} ${measured.length > 1 ? "ont" : "a"} été ${pluralWord(measured.length, "mesuré", "mesurés")} au 31 décembre ${input.year}` +
    (reached.length ? ` ; ${frenchNumber(reached.length)} ${reached.length > 1 ? "ont" : "a"} atteint ${reached.length > 1 ? "leur" : "sa"} cible.` : ".")
  );
}

function participationSentence(input: AnnualReportInput, from: string, to: string): string {
  const residents = new Set(input.bodies.filter((b) => b.participation && b.kind === "residents").map((b) => b.id));
  const held = input.meetings.filter((m) => residents.has(m.bodyId) && isHeld(m, input.today) && m.startedOn >= from && m.startedOn <= to);
  if (!held.length) return `Aucune rencontre avec les habitants n'a été tenue en ${input.year}.`;
  const counts = held.map(attendance);
  const total = counts.reduce<number>((s, c) => s + (c ?? 0), 0);
  const known = counts.some((c) => c !== null);
  return `La participation des habitants a compté ${plural(held.length, "rencontre")}` + (known ? `, qui ${held.length > 1 ? "ont" : "a"} réuni ${plural(total, "personne")}${counts.includes(null) ? " (hors rencontres dont les participants n'ont pas été comptés)" : ""}.` : ".");
}

function reviewsSentence(input: AnnualReportInput): string {
  const quarters = new Set([...input.publications.filter((r) => inYear(r.publishedOn, input.year)).map((r) => `${r.year}-${r.quarter}`), ...input.sharedReviews.filter((r) => inYear(r.sharedOn, input.year)).map((r) => `${r.year}-${r.quarter}`)]);
  if (!quarters.size) return `Aucune revue trimestrielle n'a été diffusée en ${input.year}.`;
  return `${plural(quarters.size, "revue trimestrielle a été diffusée", "revues trimestrielles ont été diffusées")} aux acteurs du contrat.`;
}

/** The days of the year within the contract (the year itself when outside it). */
const span = (input: AnnualReportInput, year: number) => yearWithinContract(year, input.contract) ?? { from: `${year}-01-01`, to: `${year}-12-31` };

/** « Synthèse de l'année », drafted from the data. */
export function draftSynthesis(input: AnnualReportInput): string {
  const { from, to } = span(input, input.year);
  const indicators = indicatorSentence(input);
  const governance = governanceSentences(input, from, to);
  return [
    p(fichesSentence(input)),
    p(stepsSentences(input).join(" ")),
    governance.length ? p(governance.join(" ")) : "",
    indicators ? p(indicators) : "",
    p(`${participationSentence(input, from, to)} ${reviewsSentence(input)}`),
  ].join("");
}

const ficheNumber = (input: AnnualReportInput) => new Map(input.fiches.map((f) => [f.id, f.number]));

function stepItems(input: AnnualReportInput, steps: AnnualReportInput["milestones"]): string[] {
  const numbers = ficheNumber(input);
  const sorted = [...steps].sort((a, b) => a.plannedBy.localeCompare(b.plannedBy) || (numbers.get(a.actionId) ?? 0) - (numbers.get(b.actionId) ?? 0));
  const items = sorted.slice(0, STEPS_LISTED).map((m) => `FA ${numbers.get(m.actionId) ?? "?"} : ${quoted(m.title)} (${plannedWhen(m.plannedBy).label})`);
  if (sorted.length > STEPS_LISTED) items.push(`et ${plural(sorted.length - STEPS_LISTED, "autre étape", "autres étapes")}`);
  return items;
}

/** « Perspectives » for the next year, drafted from the data. */
export function draftOutlook(input: AnnualReportInput): string {
  const next = input.year + 1;
  const { endDate } = input.contract;
  if (endDate < `${next}-01-01`) {
    return p(`Le contrat ${endDate <= reportDay(input) ? "a pris" : "prend"} fin le ${longDay(endDate)}. Son évaluation finale, présentée au Comité de pilotage, dira ce qu'il a permis et ce qu'un prochain contrat devrait reprendre.`);
  }
  const out: string[] = [];
  const overdue = overdueSteps(input);
  if (overdue.length) out.push(p(`${plural(overdue.length, "étape prévue", "étapes prévues")} en ${input.year} ${overdue.length > 1 ? "sont" : "est"} à reprendre :`), ul(stepItems(input, overdue)));
  const coming = input.milestones.filter((m) => m.doneOn === null && inYear(m.plannedBy, next));
  out.push(coming.length ? p(`En ${next}, ${plural(coming.length, "étape est prévue", "étapes sont prévues")} :`) + ul(stepItems(input, coming)) : p(`Aucune étape n'est encore prévue en ${next} : les pilotes des fiches sont invités à les planifier.`));
  const { from, to } = span(input, next);
  const bodies = input.bodies.filter((b) => !b.participation);
  const scheduled = input.meetings.filter((m) => !m.cancelled && m.startedOn >= from && m.startedOn <= to && bodies.some((b) => b.id === m.bodyId)).sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const expected = bodies.reduce((s, b) => s + (expectedMeetings(b.rhythm, periodMonths(from, to)) ?? 0), 0);
  if (scheduled.length) out.push(p(`Réunions des instances déjà programmées en ${next} :`), ul(scheduled.map((m) => `${m.title} le ${longDay(m.startedOn)}`)));
  else if (expected) out.push(p(`Aucune réunion des instances n'est encore programmée en ${next} ; le rythme prévu en demande ${frenchNumber(expected)}.`));
  if (endDate <= to) out.push(p(`Le contrat arrive à échéance le ${longDay(endDate)} : son évaluation finale sera à conduire et à présenter au Comité de pilotage.`));
  return out.join("");
}
