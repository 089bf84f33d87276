/**
 * The words of a search and what they find in a text, without the database: accent folding
 * (the same as the SQL side's `translate`, one character for one, so that offsets stay
 * true), the fallback pattern for acronyms and short words, and the highlighted excerpts
 * sent to the web app as plain text with offsets (never HTML).
 */

/** Accented lower-case letters and their plain letter: the SQL side translates with the same two strings. */
export const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿ";
export const PLAIN = "aaaaaaceeeeiiiinooooouuuuyy";
const FOLD = new Map([...ACCENTED].map((c, i) => [c, PLAIN[i]!]));

/** Lower case without accents, one character for one (« Santé » → « sante »). */
export function fold(text: string): string {
  let out = "";
  for (const c of text) {
    const lower = c.toLowerCase();
    // A character whose lower case is longer (rare) stays as it is: offsets must not move.
    const one = lower.length === c.length ? lower : c;
    out += FOLD.get(one) ?? one;
  }
  return out;
}

/** Words a French full-text search ignores: never highlighted alone. */
const STOP_WORDS = new Set(["a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par", "pour", "sur", "un", "une", "dans", "avec", "or"]);

/** An acronym as typed: capitals and digits (« CPAM », « MAS », « 77 »). */
const ACRONYM = /^(?=.*[A-Z0-9])[A-Z0-9]{2,12}$/;

export interface Terms {
  /** Folded words to highlight, without stop words, exclusions and operators. */
  words: string[];
  /** The whole query folded, when it is searched as a substring too (fallback). */
  phrase: string | null;
  /** The query itself when it is one acronym: searched and highlighted as typed, case included. */
  acronym: string | null;
}

/** The pattern of the substring fallback: LIKE on the text as typed (acronym), or ILIKE on the folded text. */
export type Fallback = { kind: "like" | "ilike"; pattern: string } | null;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/** What a query looks for, read as `websearch_to_tsquery` reads it (quotes, « or », « -mot »). */
export function searchTerms(query: string): Terms {
  const q = query.trim();
  const acronym = ACRONYM.test(q) ? q : null;
  const words: string[] = [];
  for (const token of q.split(/\s+/)) {
    if (token.startsWith("-")) continue;
    for (const word of fold(token).match(/[\p{L}\p{N}]+/gu) ?? []) if (!STOP_WORDS.has(word) && !words.includes(word)) words.push(word);
  }
  const phrase = fold(q.replace(/"/g, "")).replace(/\s+/g, " ").trim();
  // A short word in lower case would match inside many others (« mas » in « masque »): the full text finds it whole.
  return { words, phrase: acronym || phrase.length < 5 || /(^|\s)-/.test(q) ? null : phrase, acronym };
}

/** The substring fallback of a query, for what the full-text search misses (« ARS/ADEME », stop words, acronyms). */
export function fallbackOf(terms: Terms): Fallback {
  if (terms.acronym) return { kind: "like", pattern: `%${escapeLike(terms.acronym)}%` };
  if (terms.phrase) return { kind: "ilike", pattern: `%${escapeLike(terms.phrase)}%` };
  return null;
}

export interface Mark {
  start: number;
  end: number;
}
export interface Highlighted {
  text: string;
  marks: Mark[];
}

/** How much of a query word a text word must start with: all of a short word, a stem of a longer one. */
const stemLength = (word: string) => (word.length <= 4 ? word.length : Math.max(4, word.length - 2));

function wordMatches(textWord: string, term: string): boolean {
  if (term.length <= 3) return textWord === term;
  return textWord.startsWith(term.slice(0, stemLength(term)));
}

function merge(marks: Mark[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mark[] = [];
  for (const m of sorted) {
    const last = out.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out;
}

function occurrences(haystack: string, needle: string): Mark[] {
  const out: Mark[] = [];
  if (!needle) return out;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) out.push({ start: at, end: at + needle.length });
  return out;
}

/** Where the query's words (and its phrase or acronym) are in a text: sorted, merged offsets. */
export function findMarks(text: string, terms: Terms): Mark[] {
  const folded = fold(text);
  const marks: Mark[] = [];
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (terms.words.some((term) => wordMatches(m[0], term))) marks.push({ start: m.index, end: m.index + m[0].length });
  }
  if (terms.phrase) marks.push(...occurrences(folded, terms.phrase));
  if (terms.acronym) marks.push(...occurrences(text, terms.acronym));
  return merge(marks);
}

/** One line of text: runs of spaces and line breaks become one space. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** A text with the query's words marked (titles: shown whole). */
export function highlight(text: string, terms: Terms): Highlighted {
  const line = oneLine(text);
  return { text: line, marks: findMarks(line, terms) };
}

/**
 * An excerpt of at most `max` characters around the first match, cut between words,
 * with « … » where it was cut; the marks shifted to the excerpt.
 */
export function excerpt(text: string, terms: Terms, max = 220): Highlighted {
  const line = oneLine(text);
  const marks = findMarks(line, terms);
  if (line.length <= max) return { text: line, marks };
  const first = marks[0]?.start ?? 0;
  let start = Math.max(0, Math.min(first - 60, line.length - max));
  if (start > 0) {
    const space = line.indexOf(" ", start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(line.length, start + max);
  if (end < line.length) {
    const space = line.lastIndexOf(" ", end);
    if (space > start && space >= (marks[0]?.end ?? 0)) end = space;
  }
  const prefix = start > 0 ? "… " : "";
  const suffix = end < line.length ? " …" : "";
  const shifted = marks
    .filter((m) => m.start < end && m.end > start)
    .map((m) => ({ start: Math.max(m.start, start) - start + prefix.length, end: Math.min(m.end, end) - start + prefix.length }));
  return { text: prefix + line.slice(start, end) + suffix, marks: shifted };
}

export interface Field {
  /** Where the text comes from, as people call it (« Description », « Partenaires »). */
  label: string;
  text: string;
}

/** The excerpt of the first field where the query is found; else the start of the first non-empty field. */
export function bestExcerpt(fields: Field[], terms: Terms): { field: string; snippet: Highlighted } | null {
  const filled = fields.filter((f) => oneLine(f.text) !== "");
  for (const f of filled) {
    if (findMarks(oneLine(f.text), terms).length > 0) return { field: f.label, snippet: excerpt(f.text, terms) };
  }
  const first = filled[0];
  return first ? { field: first.label, snippet: excerpt(first.text, terms) } : null;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The text of sanitised HTML (minutes): tags become spaces, entities their characters. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[name.toLowerCase()] ?? all;
    });
}
