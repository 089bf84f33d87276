/**
 * Meetings happen in Paris time, whatever the browser's time zone: the form reads
 * and writes a day and wall-clock times there, the server gets ISO with the offset.
 */
const PARIS = "Europe/Paris";
const partsFormat = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dayFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const monthFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", month: "long", year: "numeric" });
const pad = (n: number) => String(n).padStart(2, "0");

/** The Paris day ("2021-09-14") and time ("14:00") of an instant. */
export function parisParts(iso: string): { date: string; time: string } {
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetAt(utcMs: number): number {
  const { date, time } = parisParts(new Date(utcMs).toISOString());
  return Math.round((Date.parse(`${date}T${time}:00Z`) - utcMs) / 60_000);
}

/** "2021-09-14", "14:00" (Paris) → "2021-09-14T14:00:00+02:00"; null when either is not filled in. */
export function parisIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) return null;
  const offset = offsetAt(wall - offsetAt(wall - 60 * 60_000) * 60_000);
  const abs = Math.abs(offset);
  return `${date}T${time}:00${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "14 h 00". */
export const frenchTime = (iso: string) => parisParts(iso).time.replace(":", " h ");

/** "mardi 14 septembre 2021". */
export const frenchDay = (iso: string) => dayFormat.format(new Date(iso));

/** "mardi 14 septembre 2021, de 14 h 00 à 16 h 30", or "du … au …" over several days. */
export function frenchSchedule(startsAt: string, endsAt: string): string {
  const [s, e] = [parisParts(startsAt), parisParts(endsAt)];
  if (s.date === e.date) return `${frenchDay(startsAt)}, de ${frenchTime(startsAt)} à ${frenchTime(endsAt)}`;
  return `du ${frenchDay(startsAt)} à ${frenchTime(startsAt)} au ${frenchDay(endsAt)} à ${frenchTime(endsAt)}`;
}

/** "2021-09" → "septembre 2021". */
export function frenchMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return monthFormat.format(new Date(Date.UTC(y!, m! - 1, 1)));
}

/** Minutes between two Paris times of the same day, null when one is missing. */
export function minutesBetween(start: string, end: string): number | null {
  const t = (s: string) => (/^\d{2}:\d{2}$/.test(s) ? Number(s.slice(0, 2)) * 60 + Number(s.slice(3)) : null);
  const [a, b] = [t(start), t(end)];
  return a === null || b === null ? null : b - a;
}
