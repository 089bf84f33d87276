/**
 * Dates, times, numbers and plurals as the server writes them in French, in Paris time:
 * the one module for them. Every Intl object is built once, here, and reused: building
 * an `Intl.DateTimeFormat` costs about 200 µs, using one about 1 µs (profiles of the
 * dashboard showed three quarters of its time spent building them on each call).
 */
const PARIS = "Europe/Paris";

/**
 * A value built on first use, then reused: the Intl objects below are built when first
 * asked for, not when the module loads (the web loads this module too, through
 * server/shared.ts, and building them all cost ~60 ms before a page could show).
 */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const dayFormat = once(() => new Intl.DateTimeFormat("fr-CA", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit" }));
const timeFormat = once(() => new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }));
const fullDayFormat = once(() => new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, weekday: "long", day: "numeric", month: "long", year: "numeric" }));
const numberFormat = once(() => new Intl.NumberFormat("fr-FR"));
const pluralRules = once(() => new Intl.PluralRules("fr"));
const listFormat = once(() => new Intl.ListFormat("fr-FR", { style: "long", type: "conjunction" }));

/**
 * Paris days by UTC hour: Paris is a whole number of hours off UTC (+1 or +2), so every
 * instant of one UTC hour falls on the same Paris day. A page of a contract asks for the
 * days of a few hundred instants (meetings, steps, measurements), mostly in the same hours.
 */
const dayByUtcHour = new Map<number, string>();
const DAY_CACHE_SIZE = 50_000;

/** The Paris calendar day of an instant, "AAAA-MM-JJ": the "today" of every date rule. */
export function parisDay(at: Date = new Date()): string {
  const hour = Math.floor(at.getTime() / 3_600_000);
  let day = dayByUtcHour.get(hour);
  if (day === undefined) {
    if (Number.isNaN(hour)) return dayFormat().format(at); // throws the RangeError of an invalid date
    if (dayByUtcHour.size >= DAY_CACHE_SIZE) dayByUtcHour.clear();
    day = dayFormat().format(at);
    dayByUtcHour.set(hour, day);
  }
  return day;
}

/** The Paris month of an instant, "AAAA-MM". */
export const parisMonth = (at: Date = new Date()): string => parisDay(at).slice(0, 7);

/** The Paris wall-clock time of an instant, as French documents write it: "10h00". */
export function parisTime(at: Date): string {
  let hour = "00";
  let minute = "00";
  for (const p of timeFormat().formatToParts(at)) {
    if (p.type === "hour") hour = p.value;
    else if (p.type === "minute") minute = p.value;
  }
  return `${hour}h${minute}`;
}

/** An instant in Paris as the history and lists write it: "14/09/2021 à 10:12". */
export const parisDateTime = (at: Date): string => `${shortDay(parisDay(at))} à ${parisTime(at).replace("h", ":")}`;

/** The Paris day of an instant with its weekday: "mardi 14 septembre 2021". */
export const parisFullDay = (at: Date): string => fullDayFormat().format(at);

/**
 * The ISO day `days` after `day` (before, when negative). Computed on the calendar
 * fields, so that any year stays a valid day: "2100-12-31" + 1 is "2101-01-01".
 */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d + days);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Jour invalide : « ${day} ».`);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1, 2)}-${pad(at.getUTCDate(), 2)}`;
}

/**
 * The ISO day `months` after `day`, on the calendar fields, the last day of the month when
 * the day does not exist there ("2021-01-31" + 1 → "2021-02-28"), as PostgreSQL adds intervals.
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "2021-09-14" → "14 septembre 2021" (1er for the first day). */
export function longDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return `${d === 1 ? "1er" : d} ${MONTHS[m - 1]} ${y}`;
}

/** The month's name of a day or a month: "2021-08-24" or "2021-08" → "août". */
export const monthName = (dayOrMonth: string): string => MONTHS[Number(dayOrMonth.slice(5, 7)) - 1]!;

/** "2019-10" → "octobre 2019". */
export function longMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

/** « de » elided before a vowel sound: « d'octobre », « de mars ». */
const fromMonth = (month: string) => (/^[aeiouéêh]/i.test(longMonth(month)) ? `d'${longMonth(month)}` : `de ${longMonth(month)}`);

/** A period of months in words: « d'octobre 2019 à décembre 2022 », « à partir de mars 2021 », « jusqu'en juin 2022 »; null when neither is known. */
export function monthSpan(start: string | null, end: string | null): string | null {
  if (start && end) return `${fromMonth(start)} à ${longMonth(end)}`;
  if (start) return `à partir ${fromMonth(start)}`;
  if (end) return `jusqu'en ${longMonth(end)}`;
  return null;
}

/** "2021-09-14" → "14/09/2021"; any longer ISO text ("2021-09-14T…") keeps its day. */
export function shortDay(day: string): string {
  const [y, m, d] = day.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/**
 * How much of a date is known (issue 18): the day, or only its month — a month-only date is
 * stored as the month's 1st and always written by its month (« juillet 2021 »), never by a day.
 */
export type DatePrecision = "day" | "month";
export const DATE_PRECISIONS: Record<DatePrecision, string> = { day: "jour précis", month: "mois seulement" };

/** "2021-07-01" (or any day of July 2021) → "juillet 2021". */
export const monthYear = (day: string): string => longMonth(day.slice(0, 7));

/** How a known day is written: « 15/07/2021 » (tables, documents) or « 15 juillet 2021 » (pages, prose). */
export type DayStyle = "short" | "long";
const dayIn = (day: string, style: DayStyle) => (style === "long" ? longDay(day) : shortDay(day));

/** A date as far as it is known: "15/07/2021" (or "15 juillet 2021"), or "juillet 2021" for a month. */
export const knownDate = (day: string, precision: DatePrecision = "day", style: DayStyle = "short"): string => (precision === "month" ? monthYear(day) : dayIn(day, style));

/** After a verb: « le 15/07/2021 », or « en juillet 2021 » for a month. */
export const onKnownDate = (day: string, precision: DatePrecision = "day", style: DayStyle = "short"): string => (precision === "month" ? `en ${monthYear(day)}` : `le ${dayIn(day, style)}`);

/** After a noun: « du 15/07/2021 », or « de juillet 2021 », « d'août 2021 » for a month. */
export const ofKnownDate = (day: string, precision: DatePrecision = "day", style: DayStyle = "short"): string => (precision === "month" ? fromMonth(day.slice(0, 7)) : `du ${dayIn(day, style)}`);

/** A milestone's completion: « réalisé le 15/07/2021 », or « réalisé en juillet 2021 » when only the month is known. */
export const formatDoneOn = (day: string, precision: DatePrecision = "day"): string => `réalisé ${onKnownDate(day, precision)}`;

/** Whether a day may carry a precision: a month-only date is its month's 1st. */
export const fitsPrecision = (day: string, precision: DatePrecision): boolean => precision === "day" || day.slice(8, 10) === "01";

/** "2021-09-14" or null → "14/09/2021" or null: for the fields of history snapshots. */
export const shortDayOrNull = (day: string | null): string | null => (day ? shortDay(day) : null);

/** 1234.5 → "1 234,5" (narrow no-break space, as `toLocaleString("fr-FR")`). */
export const frenchNumber = (n: number): string => numberFormat().format(n);

/** Whether French writes `n` things in the plural: not for 0 nor 1 (nor 1,5). */
export const isPlural = (n: number): boolean => pluralRules().select(n) !== "one";

/** The word that agrees with `n`: pluralWord(2, "la", "les") → "les". */
export const pluralWord = (n: number, one: string, many = `${one}s`): string => (isPlural(n) ? many : one);

/** A count and its noun: plural(0, "fiche") → "0 fiche", plural(2, "fiche") → "2 fiches", plural(1500, "œil", "yeux") → "1 500 yeux". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${frenchNumber(n)} ${pluralWord(n, one, many)}`;

/** « a », « a et b », « a, b et c ». */
export const joinAnd = (items: string[]): string => listFormat().format(items);
