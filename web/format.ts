/**
 * French display of dates, times, months, numbers and plurals: the web's one module
 * for them. Every Intl object is built once, here, and reused (building one costs
 * hundreds of microseconds; pages must not build them per render). Meetings and
 * instants are read in Paris time, whatever the browser's time zone.
 */
import { longDay, longMonth, once, shortDay } from "../server/shared";

const PARIS = "Europe/Paris";

/**
 * Built on first use, then reused: building them all at start cost ~120 ms of main thread
 * on a small machine before the first page could show, most of them unused by that page.
 */
const dateTime = (locales: string, options: Intl.DateTimeFormatOptions) => once(() => new Intl.DateTimeFormat(locales, options));

const numberFormat = once(() => new Intl.NumberFormat("fr-FR"));
const pluralRules = once(() => new Intl.PluralRules("fr"));
const parisPartsFormat = dateTime("en-CA", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const parisDayFormat = dateTime("fr-FR", { timeZone: PARIS, day: "numeric", month: "long", year: "numeric" });
const parisFullDayFormat = dateTime("fr-FR", { timeZone: PARIS, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const parisDayTimeFormat = dateTime("fr-FR", { timeZone: PARIS, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
const parisFullDayTimeFormat = dateTime("fr-FR", { timeZone: PARIS, weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
const localDateTimeFormat = dateTime("fr-FR", { dateStyle: "short", timeStyle: "medium" });

/** "2019-10" → "octobre 2019". */
export const formatMonth = (month: string | null | undefined): string => (month ? longMonth(month.slice(0, 7)) : "—");

/** "2021-09" → "septembre 2021". */
export const frenchMonth = (month: string): string => formatMonth(month);

/** "2021-09-14" → "14 septembre 2021"; the first of the month is « 1er » ("2022-01-01" → "1er janvier 2022"). */
export const formatDate = (date: string | null | undefined): string => (date ? longDay(date.slice(0, 10)) : "—");

/** "2021-09-14" (or "2021-09-14T…") → "14/09/2021". */
export const shortDate = (day: string): string => shortDay(day);

/** "2021-09" or "2021-09-14" → "09/2021". */
export function shortMonth(month: string): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}

/** The Paris day ("2021-09-14") and time ("14:00") of an instant. */
export function parisParts(iso: string | Date): { date: string; time: string } {
  const p: Record<string, string> = {};
  for (const x of parisPartsFormat().formatToParts(typeof iso === "string" ? new Date(iso) : iso)) p[x.type] = x.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Today in France, "2021-09-14" (what the server compares dates with). */
export const todayInParis = (now = new Date()): string => parisParts(now).date;

/** An instant's day in France, "14/09/2021" (a meeting's day). */
export const meetingDay = (iso: string): string => shortDate(parisParts(iso).date);

/** An instant in France, "23/11/2026 06:11". */
export function shortDateTime(iso: string): string {
  const { date, time } = parisParts(iso);
  return `${shortDate(date)} ${time}`;
}

/** "14 h 00" (Paris). */
export const frenchTime = (iso: string): string => parisParts(iso).time.replace(":", " h ");

/** An instant's day in France: "3 décembre 2021". */
export const formatDay = (iso: string): string => parisDayFormat().format(new Date(iso));

/** "mardi 14 septembre 2021" (Paris). */
export const frenchDay = (iso: string): string => parisFullDayFormat().format(new Date(iso));

/** An instant as read in France: "14 septembre 2021 à 10:32". */
export const formatDateTime = (iso: string): string => parisDayTimeFormat().format(new Date(iso));

/** An instant as read in France: "mardi 7 décembre 2021 à 14:00". */
export const longDateTime = (iso: string): string => parisFullDayTimeFormat().format(new Date(iso));

/** An instant in the browser's own time zone, "14/09/2021 10:32:05" (as `toLocaleString("fr-FR")`). */
export const localDateTime = (iso: string): string => localDateTimeFormat().format(new Date(iso));

/** "mardi 14 septembre 2021, de 14 h 00 à 16 h 30", or "du … au …" over several days. */
export function frenchSchedule(startsAt: string, endsAt: string): string {
  const [s, e] = [parisParts(startsAt), parisParts(endsAt)];
  if (s.date === e.date) return `${frenchDay(startsAt)}, de ${frenchTime(startsAt)} à ${frenchTime(endsAt)}`;
  return `du ${frenchDay(startsAt)} à ${frenchTime(startsAt)} au ${frenchDay(endsAt)} à ${frenchTime(endsAt)}`;
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : numberFormat().format(n);
}

/** An amount in euros, with a no-break space before the sign: "12 500 €". */
export const euros = (amount: number): string => `${numberFormat().format(amount)}\u00a0€`;

export function formatPeriod(start: string, end: string): string {
  return `${start.slice(0, 4)}–${end.slice(0, 4)}`;
}

export function yesNo(value: boolean | null | undefined): string {
  return value === true ? "Oui" : value === false ? "Non" : "Non renseigné";
}

/** Whether French writes `n` things in the plural: not for 0 nor 1. */
export const isPlural = (n: number): boolean => pluralRules().select(n) !== "one";

/** The words that agree with `n`: pluralWord(2, "a", "ont") → "ont". */
export const pluralWord = (n: number, one: string, many = `${one}s`): string => (isPlural(n) ? many : one);

/** A count and its noun: "0 fiche", "1 fiche", "2 fiches", "1 500 fiches". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${numberFormat().format(n)} ${pluralWord(n, one, many)}`;
}

/** The usual abbreviations of French local authorities' kinds, as put before their names. */
const AUTHORITY_KINDS: [RegExp, string][] = [
  [/^communauté d['’]agglomération\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])?/i, "CA "],
  [/^communauté de communes\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])?/i, "CC "],
  [/^communauté urbaine\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])?/i, "CU "],
  [/^établissement public territorial\s+/i, "EPT "],
];

/**
 * A contract named short, for page titles (« Tableau de bord — CA Melun Val de Seine — Clés »):
 * its local authority with its kind abbreviated, else its name without « Contrat local de santé ».
 */
export function shortContractName(contract: { name: string; localAuthority?: string | null }): string {
  const authority = contract.localAuthority?.trim();
  if (authority) {
    for (const [kind, short] of AUTHORITY_KINDS) if (kind.test(authority)) return short + authority.replace(kind, "");
    return authority;
  }
  return contract.name.replace(/^contrat local de santé\s+(?:\([^)]*\)\s+)?(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])?/i, "").trim() || contract.name;
}
