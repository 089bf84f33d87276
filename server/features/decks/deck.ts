/**
 * The committee deck (COTECH / COPIL) as in the annex of the CAMVS review: title,
 * signatories, agenda, key dates, the progress table per axis (split across slides),
 * transversal actions, process, next steps. `buildDeck` is pure: it turns loaded
 * data into a list of typed slides that the PPTX and PDF renderers draw alike.
 */
import { keyDateShown, keyDateWhen, type ContractKeyDate } from "../../domain/key-dates.js";
import { adjustmentLine, type CotechTable, type DocumentItem, processForDocuments, type TableRow } from "../overview/cotech-table.js";
import type { BodyKind } from "../../domain/governance.js";
import { CONTENT_WIDTH } from "./layout.js";
import { paginate, paginateEvenly, type DeckColumn, type DeckRow } from "./split.js";
import { joinAnd, longDay, parisDay, parisTime, knownDate, shortDay } from "../../domain/dates.js";

export type { DeckColumn, DeckRow } from "./split.js";

export interface KeyDate {
  /** For the order: a day, or a month ("2020-11") when only the month is known. */
  day: string;
  /** As the slide shows it: « 14/09/2021 », « 11/2020 ». */
  shown: string;
  label: string;
  when: "past" | "today" | "next";
}

export type Slide =
  | { kind: "title"; kicker: string; title: string; authority: string; contractName: string; date: string }
  | { kind: "opening"; section: string; title: string; speaker: string; role: string; authority: string; date: string }
  | { kind: "signatories"; title: string; items: { organisation: string; people: string[] }[] }
  | { kind: "agenda"; title: string; items: { title: string; detail: string }[] }
  | { kind: "timeline"; section: string; title: string; dates: KeyDate[] }
  | { kind: "table"; section: string; title: string; columns: DeckColumn[]; rows: DeckRow[] }
  | { kind: "bullets"; section: string; title: string; items: string[] };

export interface Deck {
  /** Metadata title and title of the PDF. */
  title: string;
  /** Footer of every slide. */
  footer: string;
  slides: Slide[];
}

export interface DeckMeeting {
  id: string;
  title: string;
  startsAt: Date;
  bodyKind: BodyKind;
  cancelled: boolean;
  agenda: { title: string; presenter: string; durationMinutes: number | null }[];
}

export interface DeckInput {
  /** `keyDates`: those the coordinator recorded (domain/key-dates.ts). */
  contract: { name: string; localAuthority: string; startDate: string; endDate: string; keyDates?: ContractKeyDate[] };
  year: number;
  today: string;
  signatories: { organisationName: string; representative: string; title: string; signedOn: string | null }[];
  /** Every meeting of the contract (the COPIL and COTECH ones make the key dates and next steps). */
  meetings: DeckMeeting[];
  /** The meeting the deck is for, if any. */
  meeting: DeckMeeting | null;
  /** The people recorded for that meeting (invited, present), for its tour de table; none without a meeting. */
  participants?: { name: string; organisationName: string | null; invited: boolean; present: boolean }[];
  table: Pick<CotechTable, "axes" | "transversal" | "process"> & { referentsLine?: string | null };
  /** Fiche numbers picked by the coordinator; null: all. */
  picked: number[] | null;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];
const roman = (i: number) => ROMAN[i] ?? String(i + 1);

const COMMITTEES: BodyKind[] = ["copil", "cotech"];
const KIND_NAMES: Partial<Record<BodyKind, string>> = { copil: "COPIL", cotech: "COTECH" };

export const SECTIONS = {
  introduction: "Introduction : rappel des dates clés du contrat",
  deployment: "Déploiement : suivi de l'avancement des actions",
  process: "Processus : suivi du processus de coordination et de gouvernance",
  conclusion: "Conclusion : prochaines étapes",
} as const;

/** The four parts of the seed's agenda, when the deck is for no meeting (or a meeting without agenda). */
export const DEFAULT_AGENDA = [SECTIONS.introduction, SECTIONS.deployment, SECTIONS.process, SECTIONS.conclusion];

export const PROGRESS_COLUMNS = (year: number): DeckColumn[] => [
  { header: "Fiche action", width: 1.75 },
  { header: "Objectifs / critères d'évaluation", width: 2.2 },
  { header: `Rétroplanning prévisionnel ${year}`, width: 2.05 },
  { header: "État d'avancement réel", width: 2.6 },
  { header: "Reste-à-faire", width: 1.95 },
  { header: "Ajustements nécessaires", width: CONTENT_WIDTH - 10.55 },
];
const TREE_COLUMNS: DeckColumn[] = [
  { header: "Objectif opérationnel", width: 5.2 },
  { header: "Fiches actions", width: CONTENT_WIDTH - 5.2 },
];
const ITEM_COLUMNS = (first: string): DeckColumn[] => [
  { header: first, width: 7.3 },
  { header: "Ajustements nécessaires / recommandations", width: CONTENT_WIDTH - 7.3 },
];

const dash = (items: string[]) => items.map((i) => `- ${i}`);

/** The six cells of a fiche's row, as in the seed's table; « Pas d'avancement » when none was recorded. */
export function progressCells(r: TableRow): string[][] {
  return [
    [`FA ${r.action.number} : ${r.action.title}`, `(${r.action.shownStatusLabel})`],
    [...(r.objectives ? [r.objectives] : []), ...dash(r.criteria)],
    dash(r.planned.map((m) => `${m.title} (${m.label})`)),
    r.progress.length ? dash(r.progress.map((p) => `${knownDate(p.happenedOn, p.happenedOnPrecision)} : ${p.text}`)) : ["Pas d'avancement"],
    dash(r.remaining.map((i) => (i.doneOn ? `${i.text} (fait le ${shortDay(i.doneOn)})` : i.text))),
    dash(r.adjustments.map(adjustmentLine)),
  ];
}

/** Only the picked fiches, in fiche order; objectives and axes left without fiches are dropped. */
export function pickAxes(axes: CotechTable["axes"], picked: number[] | null): CotechTable["axes"] {
  const keep = picked ? new Set(picked) : null;
  return axes
    .map((axis) => ({
      ...axis,
      objectives: axis.objectives
        .map((o) => ({ ...o, rows: o.rows.filter((r) => !keep || keep.has(r.action.number)).sort((a, b) => a.action.number - b.action.number) }))
        .filter((o) => o.rows.length > 0),
    }))
    .filter((axis) => axis.objectives.length > 0);
}

/**
 * Key dates of the contract up to a reference day (the meeting's, or today): its
 * start and end, the key dates the coordinator recorded (a day or a month: the seed's
 * COPIL of 11/2020 … signature of 06/2021), the signatures (one date per day, signatories
 * together), the COPIL and COTECH meetings held, and the next ones — in date order.
 */
export function keyDates(input: Pick<DeckInput, "contract" | "signatories" | "meetings">, reference: string): KeyDate[] {
  const events: (KeyDate & { order: number })[] = [];
  const add = (on: string, label: string, order: number) => events.push({ day: on, shown: keyDateShown(on), label, when: keyDateWhen(on, reference), order });
  add(input.contract.startDate, "Début du contrat", 0);
  for (const d of input.contract.keyDates ?? []) add(d.on, d.label, 1);
  const signed = new Map<string, string[]>();
  for (const s of input.signatories) if (s.signedOn) signed.set(s.signedOn, [...(signed.get(s.signedOn) ?? []), s.organisationName]);
  for (const [day, names] of signed) add(day, names.length === input.signatories.length && names.length > 1 ? `Signature par les ${names.length} signataires` : `Signature : ${names.join(", ")}`, 1);
  for (const m of input.meetings) {
    if (m.cancelled || !COMMITTEES.includes(m.bodyKind)) continue;
    add(parisDay(m.startsAt), m.title, 2);
  }
  add(input.contract.endDate, "Fin du contrat", 3);
  return events.sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order).map(({ order: _o, ...e }) => e);
}

/** Lines a bullets slide holds at most. */
const BULLETS_MAX = 9;

/**
 * The tour de table: those present once the meeting has taken place (anyone marked present),
 * those invited before; one line per organisation with its people named, in the order recorded.
 */
export function roundOfTable(participants: NonNullable<DeckInput["participants"]>): string[] {
  const held = participants.some((p) => p.present);
  const who = participants.filter((p) => (held ? p.present : p.invited));
  const byOrganisation = new Map<string, string[]>();
  for (const p of who) {
    const key = p.organisationName ?? "Autres participants";
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), ...(p.name.trim() ? [p.name.trim()] : [])]);
  }
  return [...byOrganisation].map(([organisation, names]) => (names.length ? `${organisation} : ${names.join(", ")}` : organisation));
}

/** Dates a timeline slide holds at most. */
const TIMELINE_MAX = 9;
const chunk = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
/**
 * Who opens the meeting, from the presenter of its agenda's opening item (« Ouverture… »,
 * « Mot d'accueil… »): « Pascale Gomes, conseillère communautaire déléguée au CLS » →
 * the person, and the role with a capital, as the seed's « Ouverture par » slide shows them.
 */
export function openingSpeaker(agenda: { title: string; presenter: string }[]): { item: number; speaker: string; role: string } | null {
  const item = agenda.findIndex((a) => /^(mots? d['’])?(ouverture|accueil)\b/i.test(a.title.trim()) && a.presenter.trim());
  if (item < 0) return null;
  const presenter = agenda[item]!.presenter.trim();
  const cut = /\s*(?:,|\s[–—-]\s)\s*/.exec(presenter);
  const speaker = cut ? presenter.slice(0, cut.index) : presenter;
  const role = cut ? presenter.slice(cut.index + cut[0].length) : "";
  return { item, speaker, role: role.charAt(0).toLocaleUpperCase("fr") + role.slice(1) };
}

const suite = (title: string, i: number) => (i === 0 ? title : `${title} (suite)`);

/** The next steps: synthesis, sharing, then the next committees after the reference day. */
export function nextSteps(input: Pick<DeckInput, "meetings" | "meeting">, reference: string): string[] {
  const items = ["Synthèse des éléments ressortant de ce comité", "Partage avec les participants pour validation"];
  const upcoming = input.meetings
    .filter((m) => !m.cancelled && COMMITTEES.includes(m.bodyKind) && m.id !== input.meeting?.id && parisDay(m.startsAt) > reference)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const m of upcoming.slice(0, 3)) {
    const what = m.bodyKind === "copil" ? " : état d'avancement, modifications et évolutions convenues, nouveau rétroplanning" : "";
    items.push(`${m.title} (${KIND_NAMES[m.bodyKind]}) le ${longDay(parisDay(m.startsAt))} à ${parisTime(m.startsAt)}${what}`);
  }
  items.push("Poursuivre le déploiement des actions");
  return items;
}

export function buildDeck(input: DeckInput): Deck {
  const { contract, year, meeting } = input;
  const reference = meeting ? parisDay(meeting.startsAt) : input.today;
  const period = `${contract.startDate.slice(0, 4)}-${contract.endDate.slice(0, 4)}`;
  // The seed's numbering (« II. Déploiement… ») when the agenda is the default one; the meeting's own agenda numbers its items itself.
  const ownAgenda = !!meeting?.agenda.length;
  const section = (key: keyof typeof SECTIONS) => (ownAgenda ? SECTIONS[key] : `${roman(DEFAULT_AGENDA.indexOf(SECTIONS[key]))}. ${SECTIONS[key]}`);
  const slides: Slide[] = [];

  slides.push({
    kind: "title",
    kicker: `Contrat local de santé ${period}`,
    title: meeting ? meeting.title : `Suivi de l'avancement des actions ${year}`,
    authority: contract.localAuthority,
    contractName: contract.name,
    date: `Le ${longDay(reference)}`,
  });

  // The seed's « Ouverture par Madame … »: the person who opens the meeting, named by its agenda.
  const opening = meeting && ownAgenda ? openingSpeaker(meeting.agenda) : null;
  if (opening) {
    const { item, speaker, role } = opening;
    slides.push({ kind: "opening", section: `${roman(item)}. ${meeting!.agenda[item]!.title}`, title: "Ouverture par", speaker, role, authority: contract.localAuthority, date: `Le ${longDay(reference)}` });
  }

  if (input.signatories.length) {
    slides.push({
      kind: "signatories",
      title: "Les signataires du contrat",
      items: input.signatories.map((s) => ({ organisation: s.organisationName, people: [[s.representative, s.title].filter(Boolean).join(" – ")].filter(Boolean) })),
    });
  }

  const agenda = meeting && ownAgenda
    ? meeting.agenda.map((a, i) => ({ title: `${roman(i)}. ${a.title}`, detail: [a.presenter, a.durationMinutes ? `${a.durationMinutes} min` : ""].filter(Boolean).join(" · ") }))
    : DEFAULT_AGENDA.map((t, i) => ({ title: `${roman(i)}. ${t}`, detail: "" }));
  slides.push({ kind: "agenda", title: "Ordre du jour", items: agenda });

  // The tour de table of the meeting's own agenda, with the people named (the signatories' slide above opens the meeting).
  const agendaItem = (pattern: RegExp) => {
    const i = meeting && ownAgenda ? meeting.agenda.findIndex((a) => pattern.test(a.title)) : -1;
    return i < 0 ? null : `${roman(i)}. ${meeting!.agenda[i]!.title}`;
  };
  const round = agendaItem(/tour de table/i);
  const people = roundOfTable(input.participants ?? []);
  if (round) chunk(people, BULLETS_MAX).forEach((items, i) => slides.push({ kind: "bullets", section: round, title: suite("Tour de table", i), items }));

  const dates = keyDates(input, reference);
  // At most nine dates on a timeline, the slides evenly filled (ten make two of five, not nine and one).
  chunk(dates, Math.ceil(dates.length / Math.ceil(dates.length / TIMELINE_MAX))).forEach((part, i) => slides.push({ kind: "timeline", section: section("introduction"), title: suite("Dates clés du contrat", i), dates: part }));

  const axes = pickAxes(input.table.axes, input.picked);
  // The seed's « Arborescence des axes et des objectifs »: each axis, its objectives and their fiches, before the fiches one by one.
  const treeRows: DeckRow[] = axes.flatMap((axis) => [
    { kind: "band" as const, level: 1 as const, text: `Axe stratégique ${axis.number} — ${axis.title}` },
    ...axis.objectives.map((o) => ({ kind: "cells" as const, cells: [[o.title ? `${o.code} — ${o.title}` : "Sans objectif opérationnel"], o.rows.map((r) => `FA ${r.action.number} : ${r.action.title}`)] })),
  ]);
  paginateEvenly(TREE_COLUMNS, treeRows).forEach((page, i) =>
    slides.push({ kind: "table", section: section("deployment"), title: suite("Arborescence des axes et des objectifs", i), columns: TREE_COLUMNS, rows: page }),
  );

  const columns = PROGRESS_COLUMNS(year);
  const axisRows = (axis: (typeof axes)[number]): DeckRow[] =>
    axis.objectives.flatMap((o) => [
      ...(o.title ? [{ kind: "band" as const, level: 2 as const, text: `Objectif opérationnel ${o.code} — ${o.title}` }] : []),
      ...o.rows.map((r) => ({ kind: "cells" as const, cells: progressCells(r) })),
    ]);
  // Axes whose fiches fit on one slide together share it (no fiche alone on a mostly empty slide), each under its band.
  const together = (group: typeof axes): DeckRow[] => group.flatMap((axis) => [{ kind: "band" as const, level: 1 as const, text: `Axe stratégique ${axis.number} — ${axis.title}` }, ...axisRows(axis)]);
  const groups: (typeof axes)[] = [];
  for (const axis of axes) {
    const last = groups.at(-1);
    if (last && paginate(columns, together([...last, axis])).length === 1) last.push(axis);
    else groups.push([axis]);
  }
  for (const group of groups) {
    if (group.length > 1) {
      slides.push({ kind: "table", section: section("deployment"), title: `Axes stratégiques ${joinAnd(group.map((a) => String(a.number)))}`, columns, rows: together(group) });
      continue;
    }
    const axis = group[0]!;
    paginateEvenly(columns, axisRows(axis)).forEach((page, i) =>
      slides.push({ kind: "table", section: section("deployment"), title: suite(`Axe stratégique ${axis.number} — ${axis.title}`, i), columns, rows: page }),
    );
  }

  const itemTable = (items: DocumentItem[], first: string, title: string, key: keyof typeof SECTIONS) => {
    if (!items.length) return;
    const cols = ITEM_COLUMNS(first);
    const rows: DeckRow[] = items.map((item) => ({ kind: "cells", cells: [item.computed ? [item.title, item.computed] : [item.title], item.adjustments.split("\n").filter((l) => l.trim())] }));
    paginateEvenly(cols, rows).forEach((page, i) => slides.push({ kind: "table", section: section(key), title: suite(title, i), columns: cols, rows: page }));
  };
  itemTable(input.table.transversal, "Action", "Actions transversales", "deployment");
  itemTable(processForDocuments(input.table), "Processus", "Suivi du processus de coordination et de gouvernance", "process");

  slides.push({ kind: "bullets", section: section("conclusion"), title: "Prochaines étapes", items: nextSteps(input, reference) });

  return {
    title: `${meeting ? meeting.title : `Suivi de l'avancement des actions ${year}`} — ${contract.name}`,
    footer: `${contract.name} — ${meeting ? `${meeting.title} du ${shortDay(reference)}` : `année ${year}`}`,
    slides,
  };
}
