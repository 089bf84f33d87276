/**
 * A fiche's section of the quarterly review, written as the seed writes it: what was done and
 * when (naming the meeting only when the progress came from one of the fiche's own meetings, not
 * from the committee where it was reported), the figures that matter, a decision that is not an
 * action, the steps of the quarter still to do, and what comes next (the actions decided among
 * them) — each said once. Pure: facts in, HTML out.
 */
import { frenchNumber, longDay, monthName, onKnownDate, plural, shortDay, type DatePrecision } from "../../domain/dates.js";
import { p, ul } from "./html-text.js";
import { distinctSteps, duringMeeting, joinAnd, lowerFirst, onDay, plannedWhen, quarterName, quoted, saysNothing, sentence, startsWithInfinitive } from "./prose.js";
import { plainWords } from "../../domain/plain-words.js";

export interface FicheQuarter {
  /** The quarter's progress entries, in date order; `meeting` when one of the fiche's own meetings (not a committee) is named. */
  progress: { text: string; meeting: { title: string; day: string } | null }[];
  /** Meetings of the fiche held in the quarter that no progress entry tells. */
  meetings: { title: string; day: string; count: number | null }[];
  decisions: string[];
  /** `doneOnPrecision` « month »: only the month is known, said « en juin 2021 ». */
  done: { title: string; doneOn: string; doneOnPrecision?: DatePrecision }[];
  /** Steps planned in the quarter and not done by its end. */
  overdue: { title: string; plannedBy: string }[];
  /** Steps planned after the quarter. */
  upcoming: { title: string; plannedBy: string }[];
  measurements: { indicator: string; unit: string; target: number | null; value: number; measuredOn: string }[];
  adjustments: { kind: "reschedule" | "revise" | "merge" | "partner_remark" | "other"; description: string; status: "proposed" | "agreed" | "done"; agreedOn: string | null; doneOn: string | null; targetNumber: number | null }[];
  /** Work left, in the fiche's words (no date). */
  remaining: string[];
}

/** Whether a text already dates the day, as « 28/09/2021 », « 28 septembre 2021 » or by its month only, « en août ». */
const givesDay = (text: string, day: string) =>
  text.includes(shortDay(day)) || text.includes(longDay(day)) || text.includes(shortDay(day).slice(0, 5)) || text.includes(`en ${monthName(day)}`);
const firstWord = (text: string) => plainWords(text).split(" ")[0] ?? "";

/**
 * An entry in its author's words, with the fiche's own meeting it came from: as written when
 * the text already dates it; « Le 24 août 2021, rencontre avec la CPAM… » when it starts by
 * naming that kind of meeting; else « Lors du groupe de travail du 21 septembre 2021 : … ».
 */
function progressParagraph(e: FicheQuarter["progress"][number]): string {
  const text = sentence(e.text);
  if (!e.meeting) return p(text);
  if (givesDay(e.text, e.meeting.day)) return p(text);
  if (firstWord(e.text) === firstWord(e.meeting.title)) return p(`Le ${longDay(e.meeting.day)}, ${lowerFirst(text)}`);
  const during = duringMeeting(e.meeting.title);
  return p(`${during.charAt(0).toLocaleUpperCase("fr-FR")}${during.slice(1)} du ${longDay(e.meeting.day)} : ${lowerFirst(text)}`);
}

/**
 * A decision that is not an action to take, « Décision prise : … ». One that is (« Construire le
 * projet de santé… ») is what comes next, said among the next steps as the seed does (« la
 * prochaine étape consiste à construire… »).
 */
function decisionParagraphs(decisions: string[]): string[] {
  const others = decisions.filter((d) => !startsWithInfinitive(d));
  if (others.length === 1) return [p(`Décision prise : ${lowerFirst(sentence(others[0]!))}`)];
  if (others.length) return [p("Décisions prises :"), ul(others.map((d) => sentence(d).replace(/\.$/, "")))];
  return [];
}

function meetingSentence(m: FicheQuarter["meetings"][number]): string {
  // « a eu lieu », « a réuni »: no agreement with a title whose gender is unknown.
  return `${quoted(m.title)} a eu lieu ${onDay(m.day)}${m.count ? ` et a réuni ${plural(m.count, "participant")}` : ""}.`;
}

/** « le 30 juin 2021 », or « en juin 2021 » when only the month is known. */
const doneWhen = (m: FicheQuarter["done"][number]) => onKnownDate(m.doneOn, m.doneOnPrecision, "long");

function doneSentence(done: FicheQuarter["done"]): string {
  if (done.length === 1) return `L'étape ${quoted(done[0]!.title)} a été réalisée ${doneWhen(done[0]!)}.`;
  return `Les étapes ${joinAnd(done.map((m) => `${quoted(m.title)} (${doneWhen(m)})`))} ont été réalisées.`;
}

function overdueSentence(overdue: FicheQuarter["overdue"]): string {
  // Planned in the review's quarter: said by that quarter, as the seed does.
  if (overdue.length === 1) return `L'étape ${quoted(overdue[0]!.title)}, prévue au ${quarterName(overdue[0]!.plannedBy)}, n'a pas encore été réalisée.`;
  const quarters = new Set(overdue.map((m) => quarterName(m.plannedBy)));
  if (quarters.size === 1) return `Les étapes ${joinAnd(overdue.map((m) => quoted(m.title)))}, prévues au ${[...quarters][0]}, n'ont pas encore été réalisées.`;
  return `Les étapes ${joinAnd(overdue.map((m) => `${quoted(m.title)} (prévue au ${quarterName(m.plannedBy)})`))} n'ont pas encore été réalisées.`;
}

/**
 * The indicators measured in the quarter, the latest value of each; a 0 alone says only that
 * nothing was measured yet, and is left out.
 */
function measurementSentences(measurements: FicheQuarter["measurements"]): string[] {
  const latest = new Map<string, FicheQuarter["measurements"][number]>();
  for (const m of [...measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))) latest.set(m.indicator, m);
  const moved = (indicator: string) => measurements.some((m) => m.indicator === indicator && m.value !== 0);
  return [...latest.values()]
    .filter((m) => moved(m.indicator))
    .map((m) => {
      const unit = m.unit ? ` ${m.unit}` : "";
      const target = m.target !== null ? `, pour une cible de ${frenchNumber(m.target)}${unit}` : "";
      return `L'indicateur ${quoted(m.indicator)} s'établit à ${frenchNumber(m.value)}${unit} au ${shortDay(m.measuredOn)}${target}.`;
    });
}

/** Each kind of adjustment as a feminine noun, so that « validée », « réalisée » agree. */
const ADJUSTMENT_NOUNS: Record<FicheQuarter["adjustments"][number]["kind"], string> = {
  reschedule: "Reprogrammation de la fiche",
  revise: "Révision de la description ou des objectifs",
  merge: "Fusion avec une autre fiche",
  partner_remark: "Orientation",
  other: "Évolution de la fiche",
};

function adjustmentSentence(a: FicheQuarter["adjustments"][number]): string {
  const merge = a.kind === "merge" && a.targetNumber !== null;
  const detail = a.description ? ` : ${lowerFirst(a.description).replace(/\.$/, "")}` : "";
  if (merge && a.status === "proposed") return `Il est proposé de fusionner cette fiche avec la FA ${a.targetNumber}${detail} ; la proposition sera soumise au comité.`;
  const what = merge ? `Fusion avec la FA ${a.targetNumber}` : ADJUSTMENT_NOUNS[a.kind];
  if (a.status === "done") return `${what} réalisée${a.doneOn ? ` ${onDay(a.doneOn)}` : ""}${detail}.`;
  if (a.status === "agreed") return `${what} validée en comité${a.agreedOn ? ` ${onDay(a.agreedOn)}` : ""}${detail}.`;
  return `${what} proposée au comité${detail}.`;
}

/** What comes next: the actions the fiche's meetings decided, then its next milestones and remaining work, each once. */
function nextSteps(q: FicheQuarter, decided: string[]): string {
  const said = [...q.done.map((m) => m.title), ...q.overdue.map((m) => m.title), ...q.decisions];
  // A progress entry that opens with the step (« Planning du projet et guide des entretiens en cours de préparation ») already told it.
  const told = (step: string) => q.progress.some((e) => `${plainWords(e.text)} `.startsWith(`${plainWords(step)} `));
  const dated = q.upcoming.filter((m, i) => !told(m.title) && distinctSteps([m.title], [...said, ...q.upcoming.slice(0, i).map((u) => u.title)]).length);
  const undated = distinctSteps(q.remaining.filter((t) => !saysNothing(t) && !told(t)), [...said, ...dated.map((m) => m.title)]);
  const plain = (t: string) => sentence(t).replace(/\.$/, "");
  const items = [...decided.map(plain), ...dated.slice(0, 3).map((m) => `${quoted(m.title)} (${plannedWhen(m.plannedBy).label})`), ...undated.slice(0, 3).map(plain)];
  if (!items.length) return "";
  if (items.length === 1 && dated.length) return p(`Prochaine étape : ${quoted(dated[0]!.title)}, prévue ${plannedWhen(dated[0]!.plannedBy).at}.`);
  if (items.length === 1) return p(`Prochaine étape : ${lowerFirst(items[0]!)}.`);
  return p("Prochaines étapes :") + ul(items);
}

/** The section's HTML, or "" when the fiche did nothing to tell. */
export function ficheProse(q: FicheQuarter): string {
  const parts = q.progress.map(progressParagraph);
  const facts = [...q.meetings.map(meetingSentence), ...(q.done.length ? [doneSentence(q.done)] : []), ...measurementSentences(q.measurements)];
  if (facts.length) parts.push(p(facts.join(" ")));
  // A decision the progress already states (« il en ressort la nécessité de mettre à jour la fiche ») is not said again.
  const decisions = distinctSteps(q.decisions, q.progress.map((e) => e.text));
  parts.push(...decisionParagraphs(decisions));
  if (q.overdue.length) parts.push(p(overdueSentence(q.overdue)));
  // An orientation merely agreed at a committee is said by that committee's section.
  const adjustments = q.adjustments.filter((a) => !(a.kind === "partner_remark" && a.status === "agreed"));
  if (adjustments.length) parts.push(p(adjustments.map(adjustmentSentence).join(" ")));
  parts.push(nextSteps(q, decisions.filter(startsWithInfinitive)));
  return parts.filter(Boolean).join("");
}
