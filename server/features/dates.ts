/** The Paris calendar day of an instant, "AAAA-MM-JJ": the "today" of every date rule. */
export function parisDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

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

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "2021-09-14" → "14 septembre 2021" (1er for the first day). */
export function longDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return `${d === 1 ? "1er" : d} ${MONTHS[m - 1]} ${y}`;
}

/** "2021-09-14" → "14/09/2021". */
export const shortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The Paris wall-clock time of an instant, as French documents write it: "10h00". */
export function parisTime(at: Date): string {
  const parts = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}h${part("minute")}`;
}
