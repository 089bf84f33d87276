/**
 * French prose for the quarterly review, in the seed's manner: whole sentences, dates
 * « le 14 septembre 2021 », quarters « au 3e trimestre 2021 », lists joined « a, b et c ».
 * Pure functions, no data access.
 */
import { addDays, joinAnd, longDay, longMonth } from "../../domain/dates.js";
import { plainWords } from "../../domain/plain-words.js";

/** « 1er trimestre 2022 », « 3e trimestre 2021 ». */
export function quarterName(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const q = Math.ceil(m / 3);
  return `${q === 1 ? "1er" : `${q}e`} trimestre ${y}`;
}

export { joinAnd };

/** A piece of text as a sentence: trimmed, its first letter capital, ending with a full stop. */
export function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  if (!t) return "";
  const first = t.charAt(0).toLocaleUpperCase("fr-FR") + t.slice(1);
  return /[.!?…»)]$/.test(first) ? first : `${first.replace(/\s*[;,:]$/, "")}.`;
}

/** A title quoted: « Rencontre avec le PAT Rivage » (no final stop inside the quotes). */
export const quoted = (title: string) => `« ${title.trim().replace(/[.;,]$/, "")} »`;

/** « de la » or « du » or « de l' » before a meeting's title that starts with the kind of meeting it is. */
const MEETING_ARTICLES: [RegExp, string][] = [
  [/^(réunion|rencontre|commission|séance|assemblée|conférence|journée|matinée|visite)\b/i, "de la "],
  [/^(comité|groupe|webinaire|forum|point|copil|cotech)\b/i, "du "],
  [/^(atelier|échange)\b/i, "de l'"],
];

/**
 * « lors de la réunion publique de la CPTS », « lors du groupe de travail », or, for a title
 * that does not say what kind of meeting it was, « lors de la réunion « Bilan de l'action » ».
 */
export function duringMeeting(title: string): string {
  const t = title.trim();
  const article = MEETING_ARTICLES.find(([pattern]) => pattern.test(t));
  return article ? `lors ${article[1]}${t.charAt(0).toLocaleLowerCase("fr-FR")}${t.slice(1)}` : `lors de la réunion ${quoted(t)}`;
}

/** The words of a step, lower case, without accents or punctuation. */
const words = plainWords;

/** Words that say nothing of what a step is. */
const FILLER = new Set(["avec", "pour", "dans", "autour", "avant", "apres", "depuis", "entre", "sous", "vers", "cette", "leur", "leurs", "prevu", "prevue", "prevus", "prevues", "cours"]);
const meaningful = (w: string) => new Set(w.split(" ").filter((x) => x.length >= 4 && !FILLER.has(x)));
const VAGUE = /\b(en cours|a faire|a venir|a suivre|a definir|prevue?s?)\b/;

/**
 * Whether two next steps say the same thing: the same words, one the beginning of the other
 * (« Réunion avec la CPAM » and « Réunion avec la CPAM en octobre »), most of the shorter one's
 * words in the other (« Rencontre avec la CPAM sur le bilan annuel de la MAS » and « Rencontre
 * avec la CPAM autour du bilan annuel du déploiement de la MAS… »), or a vague one (« Bilan en
 * cours », « Rencontre prévue avant le COPIL ») beside one that starts with the same word.
 */
export function sameStep(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (!x || !y) return false;
  if (x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `)) return true;
  const [short, long] = meaningful(x).size <= meaningful(y).size ? [meaningful(x), meaningful(y)] : [meaningful(y), meaningful(x)];
  if (short.size >= 2 && [...short].filter((w) => long.has(w)).length / short.size >= 0.6) return true;
  const head = (w: string) => w.split(" ")[0];
  return head(x) === head(y) && (VAGUE.test(x) || VAGUE.test(y));
}

/** Words of a work item that only say work goes on. */
const GENERIC = new Set(["atteindre", "objectif", "objectifs", "fiche", "fiches", "action", "actions", "deploiement", "deployer", "poursuivre", "poursuite", "continuer", "appui", "venir", "partenaires", "mise", "oeuvre", "suivi"]);

/** Whether a work item says nothing but that work goes on: « Atteindre les objectifs de la fiche action », « Déploiement des actions ». */
export function saysNothing(text: string): boolean {
  const w = meaningful(words(text));
  return w.size > 0 && [...w].every((x) => GENERIC.has(x));
}

/** The texts without repeats, the first wording of each kept (see `sameStep`). */
export function distinctSteps(texts: string[], already: string[] = []): string[] {
  const kept: string[] = [];
  for (const t of texts) if (t.trim() && ![...already, ...kept].some((k) => sameStep(k, t))) kept.push(t.trim());
  return kept;
}

/** The kinds of partner an organisation's name says, in the order the seed names them. */
const PARTNER_KINDS: [string, RegExp][] = [
  ["référents des communes", /^(ville|mairie|commune)\b|\bmairie\b/i],
  ["CCAS", /\bCCAS\b|centre communal d.action sociale/i],
  ["maisons et centres de santé", /maison (de santé|médicale|pluri)|centres? (municipaux |municipal )?de santé|\bMSP\b|\bCPTS\b|communauté professionnelle/i],
  ["associations", /\bassociation\b/i],
];

/**
 * The organisations present at a committee by kind, as the seed says them: « représentants des
 * signataires, référents des communes, CCAS, maisons et centres de santé et autres partenaires
 * du CLS ». Signatories are known from the contract; the other kinds from the names.
 */
export function participantsByKind(present: string[], signatories: string[]): string {
  const kinds: string[] = [];
  let others = false;
  if (present.some((name) => signatories.includes(name))) kinds.push("représentants des signataires");
  const found = new Set<string>();
  for (const name of present.filter((n) => !signatories.includes(n))) {
    const kind = PARTNER_KINDS.find(([, pattern]) => pattern.test(name));
    if (kind) found.add(kind[0]);
    else others = true;
  }
  kinds.push(...PARTNER_KINDS.map(([label]) => label).filter((label) => found.has(label)));
  if (others) kinds.push(kinds.length ? "autres partenaires du CLS" : "partenaires du CLS");
  return joinAnd(kinds);
}

/** « le 14 septembre 2021 » */
export const onDay = (day: string) => `le ${longDay(day)}`;

const isMonthEnd = (day: string) => addDays(day, 1).slice(8) === "01";

/**
 * When a step is planned, as precisely as its date says: a day that ends no month is that day
 * (« le 25 novembre 2021 »), the last day of a year that year's end (« d'ici la fin de l'année
 * 2021 »: a plan for the year, as the seed's « rétroplanning prévisionnel 2021 », is never
 * placed in its last quarter), the end of another quarter that quarter (« au 2e trimestre
 * 2022 »), another month's end that month (« en octobre 2021 »). `label` is the same without
 * its preposition, for a parenthesis.
 */
export function plannedWhen(day: string): { at: string; label: string } {
  if (!isMonthEnd(day)) return { at: onDay(day), label: longDay(day) };
  if (day.slice(5) === "12-31") return { at: `d'ici la fin de l'année ${day.slice(0, 4)}`, label: `d'ici fin ${day.slice(0, 4)}` };
  if (Number(day.slice(5, 7)) % 3 === 0) return { at: `au ${quarterName(day)}`, label: quarterName(day) };
  return { at: `en ${longMonth(day.slice(0, 7))}`, label: longMonth(day.slice(0, 7)) };
}

/** A text's first letter in lower case, after a colon or inside a sentence — unless its first word is an acronym (« ARS », « CPAM »). */
export function lowerFirst(text: string): string {
  const t = text.trim();
  const first = t.split(/[\s'’]/)[0] ?? "";
  if (first.length > 1 && first === first.toLocaleUpperCase("fr-FR")) return t;
  return t.charAt(0).toLocaleLowerCase("fr-FR") + t.slice(1);
}

/** Verbs ending in -re or -oir that a decision starts with (-er and -ir are nearly all verbs). */
const RE_VERBS = /^(mettre|construire|produire|conduire|réduire|prendre|reprendre|apprendre|entreprendre|comprendre|faire|refaire|suivre|poursuivre|permettre|transmettre|soumettre|étendre|attendre|répondre|rendre|inscrire|écrire|décrire|relire|lire|dire|élire|recevoir|prévoir|revoir|promouvoir|voir)$/i;
/** Nouns in -er or -ir a decision may start with. */
const NOT_VERBS = /^(atelier|calendrier|courrier|dossier|fichier|quartier|chantier|cahier|papier|premier|dernier|avenir|loisir|plaisir|souvenir|foyer|loyer|métier|sentier|hiver|dîner|déjeuner|clocher|collier|escalier|panier|pilier|rocher)$/i;

/** Whether a decision begins with an infinitive: « Construire le projet… », « Proposer des réunions… ». */
export const startsWithInfinitive = (text: string): boolean => {
  const first = text.trim().split(/[\s'’,]/)[0] ?? "";
  return !NOT_VERBS.test(first) && (RE_VERBS.test(first) || /^\p{L}{3,}(er|ir)$/u.test(first));
};

/** Several days in words, the month and year said once: « le 4 novembre 2021 », « les 4 et 18 novembre 2021 », « les 28 octobre et 4 novembre 2021 ». */
export function onDays(days: string[]): string {
  const sorted = [...new Set(days)].sort();
  if (sorted.length === 1) return onDay(sorted[0]!);
  const last = sorted.at(-1)!;
  const words = sorted.map((day) => {
    const [d, month, year] = longDay(day).split(" ");
    if (day === last) return `${d} ${month} ${year}`;
    if (day.slice(0, 7) === last.slice(0, 7)) return d!;
    return day.slice(0, 4) === last.slice(0, 4) ? `${d} ${month}` : `${d} ${month} ${year}`;
  });
  return `les ${joinAnd(words)}`;
}
