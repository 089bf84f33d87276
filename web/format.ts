/** French display of dates, months and numbers. */

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const dateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const numberFormat = new Intl.NumberFormat("fr-FR");

/** "2019-10" → "octobre 2019". */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return "—";
  const [y, m] = month.split("-").map(Number);
  return monthFormat.format(new Date(Date.UTC(y!, m! - 1, 1)));
}

/** "2021-09-14" → "14 septembre 2021". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "—";
  return dateFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : numberFormat.format(n);
}

export function formatPeriod(start: string, end: string): string {
  return `${start.slice(0, 4)}–${end.slice(0, 4)}`;
}

export function yesNo(value: boolean | null | undefined): string {
  return value === true ? "Oui" : value === false ? "Non" : "Non renseigné";
}

export function plural(n: number, one: string, many: string): string {
  return `${numberFormat.format(n)} ${n > 1 ? many : one}`;
}
