/**
 * Meetings happen in Paris time, whatever the browser's time zone: the form reads
 * and writes a day and wall-clock times there, the server gets ISO with the offset.
 */
import { parisParts } from "../../format";

// How meetings are written lives in the web's one format module; re-exported for the meeting pages.
export { frenchDay, frenchMonth, frenchSchedule, frenchTime, parisParts } from "../../format";

const pad = (n: number) => String(n).padStart(2, "0");

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetAt(utcMs: number): number {
  const { date, time } = parisParts(new Date(utcMs));
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

/** Minutes between two Paris times of the same day, null when one is missing. */
export function minutesBetween(start: string, end: string): number | null {
  const t = (s: string) => (/^\d{2}:\d{2}$/.test(s) ? Number(s.slice(0, 2)) * 60 + Number(s.slice(3)) : null);
  const [a, b] = [t(start), t(end)];
  return a === null || b === null ? null : b - a;
}
