/**
 * The multi-valued cells of a fiche, one item per line, both ways: themes,
 * communes, partners (« Organisation — Secteur — rôles — personne ») and
 * indicators (« Type — Libellé — départ : 0 — cible : 10 — unité : % »).
 * Names are resolved against the contract's directory and territory.
 */
import { DETERMINANT_ALIASES, DETERMINANTS, INDICATOR_KINDS, OTHER_THEME, PARTNER_SECTORS, THEMES, type Determinant, type PartnerSector, type Theme } from "../../domain/vocabulary.js";
import { cellLines, fail, normalize, numberText, ok, parseLabel, parseNumber, segments, SEPARATOR, type CellInput, type Parsed } from "./cells.js";

/** What names in a file are resolved against: the contract's directory, communes and axes (and the years its budgets may name). */
export interface ImportReference {
  organisations: { id: string; name: string; shortName: string | null }[];
  communes: { inseeCode: string; name: string }[];
  axes: { id: string; number: number; objectives: { id: string; code: string }[] }[];
  budgetYears?: { from: number; to: number };
}

/** Errors of a list cell name the line: « ligne 2 : … ». */
function collect<T>(lines: string[], parse: (line: string) => Parsed<T>): Parsed<T[]> {
  const values: T[] = [];
  const errors: string[] = [];
  lines.forEach((line, i) => {
    const r = parse(line);
    if (r.ok) values.push(r.value);
    else errors.push(lines.length > 1 ? `ligne ${i + 1} : ${r.error}` : r.error);
  });
  return errors.length ? fail(errors.join(" ; ")) : ok(values);
}

// ── Themes: « Santé mentale », « Autre : précision » ──

export const themeLine = (t: { theme: Theme; other: string | null }) => (t.theme === OTHER_THEME && t.other ? `${t.theme} : ${t.other}` : t.theme);

export function parseThemes(cell: CellInput): Parsed<{ theme: Theme; other: string | null }[]> {
  return collect<{ theme: Theme; other: string | null }>(cellLines(cell), (line) => {
    const other = /^autre\s*:\s*(.*)$/i.exec(line);
    if (other) return ok({ theme: OTHER_THEME, other: other[1]!.trim() });
    const theme = parseLabel(line, THEMES, "un thème");
    if (!theme.ok) return theme;
    return ok({ theme: theme.value!, other: null });
  });
}

// ── Determinants: one per line, or separated by « ; »; the short labels of old files accepted ──

const DETERMINANT_LABELS: [string, Determinant][] = [...DETERMINANTS.map((d): [string, Determinant] => [d, d]), ...Object.entries(DETERMINANT_ALIASES)];

export function parseDeterminants(cell: CellInput): Parsed<Determinant[]> {
  const lines = cellLines(cell).flatMap((l) => l.split(";")).map((l) => l.trim()).filter(Boolean);
  return collect(lines, (line) => {
    const found = DETERMINANT_LABELS.find(([label]) => normalize(label) === normalize(line));
    return found ? ok(found[1]) : fail(`« ${line} » n'est pas un déterminant de la liste (${DETERMINANTS.map((d) => `« ${d} »`).join(", ")}).`);
  });
}

// ── Organisations and communes of the contract ──

export function findOrganisation(name: string, ref: ImportReference): Parsed<string> {
  const wanted = normalize(name);
  const found = ref.organisations.find((o) => normalize(o.name) === wanted) ?? ref.organisations.find((o) => o.shortName && normalize(o.shortName) === wanted);
  return found ? ok(found.id) : fail(`L'organisation « ${name} » n'est pas dans l'annuaire du contrat : ajoutez-la d'abord dans Clés (Annuaire), ou écrivez son nom exact.`);
}

export const communeLine = (code: string, ref: Pick<ImportReference, "communes">) => {
  const name = ref.communes.find((c) => c.inseeCode === code)?.name;
  return name ? `${name} (${code})` : code;
};

/** « Torcy (77468) », « Torcy » or « 77468 ». */
export function parseCommunes(cell: CellInput, ref: ImportReference): Parsed<string[]> {
  return collect(cellLines(cell), (line) => {
    const code = /\(?\b(\d{5}|2[AB]\d{3})\)?\s*$/.exec(line)?.[1];
    if (code) return ok(code);
    const found = ref.communes.find((c) => normalize(c.name) === normalize(line));
    return found ? ok(found.inseeCode) : fail(`La commune « ${line} » ne fait pas partie du territoire du contrat.`);
  });
}

// ── Partners ──

export const PARTNER_ROLES = {
  needsAnalysis: "analyse des besoins",
  resourceMobilisation: "mobilisation des ressources",
  implementation: "mise en œuvre",
  coSteering: "co-pilotage",
} as const;
type Role = keyof typeof PARTNER_ROLES;
const NO_ROLE = "aucun rôle";

export interface PartnerLine {
  sector: PartnerSector;
  organisation: string;
  person: string | null;
  needsAnalysis: boolean;
  resourceMobilisation: boolean;
  implementation: boolean;
  coSteering: boolean;
}

export function partnerLine(p: PartnerLine & { organisationName: string }): string {
  const roles = (Object.keys(PARTNER_ROLES) as Role[]).filter((r) => p[r]).map((r) => PARTNER_ROLES[r]);
  return [p.organisationName, p.sector, roles.length ? roles.join(", ") : NO_ROLE, ...(p.person ? [p.person] : [])].join(SEPARATOR);
}

function parsePartner(line: string, ref: ImportReference): Parsed<PartnerLine> {
  const parts = segments(line);
  // The sector is the first segment from the list after the organisation (whose name may hold a dash).
  const at = parts.findIndex((p, i) => i > 0 && PARTNER_SECTORS.some((s) => normalize(s) === normalize(p)));
  if (at < 0) return fail(`écrivez « Organisation — Secteur — rôles », le secteur étant l'un de : ${PARTNER_SECTORS.join(", ")}.`);
  const organisation = findOrganisation(parts.slice(0, at).join(SEPARATOR), ref);
  if (!organisation.ok) return organisation;
  const sector = PARTNER_SECTORS.find((s) => normalize(s) === normalize(parts[at]!))!;
  const flags = { needsAnalysis: false, resourceMobilisation: false, implementation: false, coSteering: false };
  const roleText = parts[at + 1] ?? "";
  if (roleText && normalize(roleText) !== normalize(NO_ROLE)) {
    for (const word of roleText.split(/[,;]/).map((w) => w.trim()).filter(Boolean)) {
      const role = (Object.keys(PARTNER_ROLES) as Role[]).find((r) => normalize(PARTNER_ROLES[r]) === normalize(word) || normalize(word) === normalize(PARTNER_ROLES[r]).replace(/s$/, ""));
      if (!role) return fail(`rôle « ${word} » inconnu (rôles possibles : ${Object.values(PARTNER_ROLES).join(", ")}, ou « ${NO_ROLE} »).`);
      flags[role] = true;
    }
  }
  const person = parts.slice(at + 2).join(SEPARATOR).trim();
  return ok({ sector, organisation: organisation.value, person: person || null, ...flags });
}

export const parsePartners = (cell: CellInput, ref: ImportReference) => collect(cellLines(cell), (line) => parsePartner(line, ref));

// ── Indicators ──

export interface IndicatorLine {
  kind: keyof typeof INDICATOR_KINDS;
  label: string;
  baseline: number | null;
  target: number | null;
  unit: string;
}

const INDICATOR_KEYS = { baseline: "départ", target: "cible", unit: "unité" } as const;

export function indicatorLine(i: IndicatorLine): string {
  return [
    INDICATOR_KINDS[i.kind],
    i.label,
    ...(i.baseline !== null ? [`${INDICATOR_KEYS.baseline} : ${numberText(i.baseline)}`] : []),
    ...(i.target !== null ? [`${INDICATOR_KEYS.target} : ${numberText(i.target)}`] : []),
    ...(i.unit ? [`${INDICATOR_KEYS.unit} : ${i.unit}`] : []),
  ].join(SEPARATOR);
}

function parseIndicator(line: string): Parsed<IndicatorLine> {
  const parts = segments(line);
  const kind = parseLabel(parts[0] ?? "", INDICATOR_KINDS, "un type d'indicateur");
  if (!kind.ok) return kind;
  if (!kind.value) return fail("commencez la ligne par le type d'indicateur (Processus, Activité ou Résultat).");
  const out: IndicatorLine = { kind: kind.value, label: "", baseline: null, target: null, unit: "" };
  const label: string[] = [];
  for (const part of parts.slice(1)) {
    const keyed = /^(d[ée]part|cible|unit[ée])\s*:\s*(.*)$/i.exec(part);
    if (!keyed) {
      label.push(part);
      continue;
    }
    const key = normalize(keyed[1]!);
    const value = keyed[2]!.trim();
    if (key === "unite") out.unit = value;
    else {
      const n = value === "" ? null : parseNumber(value);
      if (value !== "" && n === null) return fail(`« ${value} » n'est pas un nombre (${key === "cible" ? "cible" : "valeur de départ"}).`);
      out[key === "cible" ? "target" : "baseline"] = n;
    }
  }
  out.label = label.join(SEPARATOR);
  return ok(out);
}

export const parseIndicators = (cell: CellInput) => collect(cellLines(cell), parseIndicator);

/**
 * Keeps the ids of existing indicators, so that their measurements stay attached:
 * the same label first; then the lines left take the indicators left, in order
 * (a renamed indicator keeps its measurements).
 */
export function matchIndicators<T extends IndicatorLine>(lines: T[], existing: { id?: string; label: string }[]): (T & { id?: string })[] {
  const ids: (string | undefined)[] = lines.map(() => undefined);
  const used = new Set<string>();
  lines.forEach((l, i) => {
    const same = existing.find((e) => e.id && !used.has(e.id) && normalize(e.label) === normalize(l.label));
    if (same?.id) {
      ids[i] = same.id;
      used.add(same.id);
    }
  });
  const left = existing.filter((e) => e.id && !used.has(e.id));
  lines.forEach((_, i) => {
    if (!ids[i]) ids[i] = left.shift()?.id;
  });
  return lines.map((l, i) => (ids[i] ? { ...l, id: ids[i] } : { ...l }));
}
