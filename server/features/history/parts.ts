/**
 * The parts of a fiche or of a contract that are recorded as a change of it: a measurement,
 * a progress entry, a milestone, a remaining-work item, an adjustment, a remark, a row of the
 * COTECH table. Their entries are « update » of the fiche (or contract), labelled by the part
 * (« Mesure de l'indicateur « … » »); this module recognises the part from that label and
 * tells whether the change added it, removed it or changed it, from its fields. Pure.
 */
import type { AuditChange, AuditObjectType } from "../../domain/history.js";

/** How a sentence names a part: « la mesure … » (the), « une mesure … » (a), « de la mesure … » (of the). */
export interface PartNouns {
  the: string;
  a: string;
  of: string;
}

interface PartRule {
  on: AuditObjectType;
  match: RegExp;
  nouns: (m: RegExpMatchArray) => PartNouns;
}

/** "l'étape « X »" → "de l'étape « X »"; "le reste-à-faire" → "du reste-à-faire". */
const ofThe = (the: string) => (the.startsWith("le ") ? `du ${the.slice(3)}` : the.startsWith("les ") ? `des ${the.slice(4)}` : `de ${the}`);
const nouns = (the: string, a = the): PartNouns => ({ the, a, of: ofThe(the) });

const RULES: PartRule[] = [
  { on: "action", match: /^Mesure de l'indicateur (« .* »)$/s, nouns: (m) => nouns(`la mesure de l'indicateur ${m[1]}`, `une mesure de l'indicateur ${m[1]}`) },
  { on: "action", match: /^Avancement du (.+)$/s, nouns: (m) => nouns(`l'état d'avancement du ${m[1]}`) },
  // Known only by its month: « Avancement de juillet 2021 », « Avancement d'août 2021 ».
  { on: "action", match: /^Avancement (de |d')(\p{L}+ \d{4})$/su, nouns: (m) => nouns(`l'état d'avancement ${m[1]}${m[2]}`) },
  { on: "action", match: /^Étape (« .* »)$/s, nouns: (m) => nouns(`l'étape ${m[1]}`) },
  { on: "action", match: /^Reste-à-faire (« .* »)$/s, nouns: (m) => nouns(`le reste-à-faire ${m[1]}`) },
  { on: "action", match: /^Reste-à-faire$/, nouns: () => nouns("le reste-à-faire") },
  { on: "action", match: /^Ajustement (« .* »)$/s, nouns: (m) => nouns(`l'ajustement ${m[1]}`) },
  { on: "action", match: /^Remarque partenaire$/, nouns: () => ({ the: "une remarque partenaire", a: "une remarque partenaire", of: "d'une remarque partenaire" }) },
  { on: "action", match: /^Remarque de (.+) retirée$/s, nouns: (m) => nouns(`la remarque de ${m[1]}`) },
  { on: "contract", match: /^Tableau COTECH (\d{4}) : (.+)$/s, nouns: (m) => nouns(`la ligne du tableau COTECH ${m[1]} (${m[2]})`, `une ligne au tableau COTECH ${m[1]} (${m[2]})`) },
];

/** What a change did to a part: every field from nothing is an addition, every field to nothing a removal. */
export type PartOperation = "add" | "update" | "remove";

export function partOperation(changes: AuditChange[]): PartOperation {
  if (changes.length && changes.every((c) => c.before === null && c.after !== null)) return "add";
  if (changes.length && changes.every((c) => c.after === null && c.before !== null)) return "remove";
  return "update";
}

/** The part an entry is about, or null when it is about the fiche (or contract) itself. */
export function partOf(objectType: AuditObjectType, objectLabel: string): PartNouns | null {
  for (const rule of RULES) {
    if (rule.on !== objectType) continue;
    const m = objectLabel.match(rule.match);
    if (m) return rule.nouns(m);
  }
  return null;
}
