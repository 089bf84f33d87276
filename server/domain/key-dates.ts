/**
 * A contract's key dates (the seed's « rappel des dates clés de validation du CLS »: presented
 * to the COPIL in November 2020, … signed in June 2021). The coordinator records each with
 * what she knows: a day, or only a month — a month stays a month, never a made-up day.
 */
import { shortDay } from "./dates.js";

export interface ContractKeyDate {
  /** "2021-06-15", or "2021-06" when only the month is known. */
  on: string;
  label: string;
}

export const isMonthOnly = (on: string) => on.length === 7;

/** « 15/06/2021 », or « 06/2021 » for a month. */
export const keyDateShown = (on: string) => (isMonthOnly(on) ? `${on.slice(5, 7)}/${on.slice(0, 4)}` : shortDay(on));

/** Where a key date stands on a reference day: a month is past once the reference has reached it. */
export function keyDateWhen(on: string, reference: string): "past" | "today" | "next" {
  if (isMonthOnly(on)) return on <= reference.slice(0, 7) ? "past" : "next";
  return on < reference ? "past" : on === reference ? "today" : "next";
}

/** In date order (a month before the days of that month), as typed otherwise. */
export const inDateOrder = <T extends ContractKeyDate>(dates: readonly T[]): T[] => [...dates].sort((a, b) => a.on.localeCompare(b.on));

/** What people type, « 14/09/2021 » or « 11/2020 » (or the ISO forms), as stored: "2021-09-14", "2020-11"; null when it is neither. */
export function parseKeyDate(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(t)) return t;
  const day = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (day) return `${day[3]}-${day[2]!.padStart(2, "0")}-${day[1]!.padStart(2, "0")}`;
  const month = /^(\d{1,2})\/(\d{4})$/.exec(t);
  return month ? `${month[2]}-${month[1]!.padStart(2, "0")}` : null;
}
