/**
 * Governance over a period, as pure functions shared by the annual report and the
 * evaluation: how many meetings a body's rhythm expects between two days, which
 * meetings were held, and how many people attended each. Dates are ISO days.
 */
import { BODY_KINDS, type BodyKind } from "../../domain/governance.js";
import { describeRhythm, monthsBetween, type Rhythm } from "../governance/rhythm.js";
import { addDays } from "../../domain/dates.js";

export interface PeriodBody {
  id: string;
  name: string;
  kind: BodyKind;
  rhythm: Rhythm | null;
  /** Its meetings are residents' participation (the body's flag, or a residents' workshop). */
  participation: boolean;
}

export interface PeriodMeeting {
  id: string;
  bodyId: string;
  title: string;
  /** Paris day it started, and the one it ended. */
  startedOn: string;
  endedOn: string;
  cancelled: boolean;
  /** Participants counted when names are not kept. */
  headCount: number | null;
  /** Participants marked present. */
  presentCount: number;
}

/** The whole months of a period, both ends included: 2021-01-01 → 2021-12-31 is 12. */
export const periodMonths = (from: string, to: string) => (to < from ? 0 : monthsBetween(from, addDays(to, 1)));

/**
 * Meetings the rhythm expects over a period of `months` months: « 2 par an » is 2 over
 * 12 months, 6 over 36; « un tous les 6 mois » is 2 over 12 months. Null without rhythm.
 */
export function expectedMeetings(rhythm: Rhythm | null, months: number): number | null {
  if (!rhythm) return null;
  return rhythm.kind === "per_year" ? Math.floor((rhythm.count * months) / 12) : Math.floor(months / rhythm.months);
}

/** A meeting was held when it was not cancelled and ended on or before `today`. */
export const isHeld = (m: PeriodMeeting, today: string) => !m.cancelled && m.endedOn <= today;

/** People who attended: the head count when given, else those marked present; null when neither is known. */
export const attendance = (m: PeriodMeeting): number | null => m.headCount ?? (m.presentCount > 0 ? m.presentCount : null);

export interface BodyPeriodRow {
  body: PeriodBody;
  kindLabel: string;
  rhythmLabel: string;
  expected: number | null;
  held: PeriodMeeting[];
}

/**
 * Each body with its rhythm's expectation and its meetings held between `from` and `to`
 * (the contract's part of the period, both included), in date order; bodies keep their order.
 */
export function bodiesOverPeriod(bodies: PeriodBody[], meetings: PeriodMeeting[], from: string, to: string, today: string): BodyPeriodRow[] {
  const months = periodMonths(from, to);
  return bodies.map((body) => ({
    body,
    kindLabel: BODY_KINDS[body.kind],
    rhythmLabel: body.rhythm ? describeRhythm(body.rhythm) : "Non fixé",
    expected: expectedMeetings(body.rhythm, months),
    held: meetings
      .filter((m) => m.bodyId === body.id && isHeld(m, today) && m.startedOn >= from && m.startedOn <= to)
      .sort((a, b) => a.startedOn.localeCompare(b.startedOn) || a.title.localeCompare(b.title)),
  }));
}

/** Whether an ISO day falls in a calendar year. */
export const inYear = (day: string, year: number) => day.startsWith(`${year}-`);

/** The day a year's report is as of: 31 December, or today while the year runs. */
export const reportDay = (input: { year: number; today: string }) => (input.today < `${input.year}-12-31` ? input.today : `${input.year}-12-31`);

/** The days of the year that fall in the contract, or null when the year is outside it. */
export function yearWithinContract(year: number, contract: { startDate: string; endDate: string }): { from: string; to: string } | null {
  const from = `${year}-01-01` < contract.startDate ? contract.startDate : `${year}-01-01`;
  const to = `${year}-12-31` > contract.endDate ? contract.endDate : `${year}-12-31`;
  return from <= to ? { from, to } : null;
}
