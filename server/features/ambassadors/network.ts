/**
 * The counts of the health ambassadors' network over a period, as pure functions: who was
 * active, who was trained, how many trainings and activities, how many residents reached,
 * per priority area and in total. The same counts feed the network page and the
 * measurements recorded on a fiche's indicators, so both always agree.
 *
 * An erased person leaves the lists of ids but not the counts: a training keeps its
 * `attendeeCount`, an activity its `residentsReached`.
 */
import { addMonths } from "../../domain/dates.js";
import type { AmbassadorMeasure } from "../../domain/ambassadors.js";

/** A period of days, both ends included; `from` null: since the beginning. */
export interface Period {
  from: string | null;
  to: string;
}

export interface AmbassadorFacts {
  id: string;
  priorityAreaId: string;
  joinedOn: string;
  leftOn: string | null;
}
export interface TrainingFacts {
  heldOn: string;
  attendeeIds: string[];
  attendeeCount: number;
}
export interface ActivityFacts {
  heldOn: string;
  priorityAreaId: string | null;
  residentsReached: number;
}

export const inPeriod = (day: string, p: Period): boolean => (p.from === null || day >= p.from) && day <= p.to;

/**
 * Active during the period: joined by its end, and not gone before its start. Without a
 * start, « active » means active on the period's last day (the network as it stands).
 */
export const activeDuring = (a: AmbassadorFacts, p: Period): boolean => a.joinedOn <= p.to && (a.leftOn === null || a.leftOn >= (p.from ?? p.to));

/**
 * People trained by these trainings: the distinct ambassadors still on the roster, plus the
 * people erased since (no longer named: at least the largest number missing from one training).
 */
export function peopleTrained(trainings: readonly TrainingFacts[]): number {
  const named = new Set(trainings.flatMap((t) => t.attendeeIds));
  const erased = Math.max(0, ...trainings.map((t) => t.attendeeCount - t.attendeeIds.length));
  return named.size + erased;
}

export interface NetworkCounts {
  areas: { id: string; name: string; activeAmbassadors: number; trainedAmbassadors: number; activities: number; residentsReached: number }[];
  /** Activities not tied to one priority area (the whole territory, a town event). */
  elsewhere: { activities: number; residentsReached: number };
  totals: { activeAmbassadors: number; trainedAmbassadors: number; trainings: number; trainingAttendances: number; activities: number; residentsReached: number };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function networkCounts(input: {
  areas: readonly { id: string; name: string }[];
  ambassadors: readonly AmbassadorFacts[];
  trainings: readonly TrainingFacts[];
  activities: readonly ActivityFacts[];
  period: Period;
}): NetworkCounts {
  const { period } = input;
  const active = input.ambassadors.filter((a) => activeDuring(a, period));
  const trainings = input.trainings.filter((t) => inPeriod(t.heldOn, period));
  const activities = input.activities.filter((a) => inPeriod(a.heldOn, period));
  const trained = new Set(trainings.flatMap((t) => t.attendeeIds));
  const areaOf = new Map(input.ambassadors.map((a) => [a.id, a.priorityAreaId]));
  const trainedIn = (areaId: string) => [...trained].filter((id) => areaOf.get(id) === areaId).length;
  const known = new Set(input.areas.map((a) => a.id));
  const outside = activities.filter((a) => a.priorityAreaId === null || !known.has(a.priorityAreaId));
  return {
    areas: input.areas.map((area) => {
      const here = activities.filter((a) => a.priorityAreaId === area.id);
      return {
        id: area.id,
        name: area.name,
        activeAmbassadors: active.filter((a) => a.priorityAreaId === area.id).length,
        trainedAmbassadors: trainedIn(area.id),
        activities: here.length,
        residentsReached: sum(here.map((a) => a.residentsReached)),
      };
    }),
    elsewhere: { activities: outside.length, residentsReached: sum(outside.map((a) => a.residentsReached)) },
    totals: {
      activeAmbassadors: active.length,
      trainedAmbassadors: peopleTrained(trainings),
      trainings: trainings.length,
      trainingAttendances: sum(trainings.map((t) => t.attendeeCount)),
      activities: activities.length,
      residentsReached: sum(activities.map((a) => a.residentsReached)),
    },
  };
}

/** The value a measure records: one of the network's totals. */
export function measureValue(measure: AmbassadorMeasure, totals: NetworkCounts["totals"]): number {
  switch (measure) {
    case "active_ambassadors":
      return totals.activeAmbassadors;
    case "trainings":
      return totals.trainings;
    case "people_trained":
      return totals.trainedAmbassadors;
    case "activities":
      return totals.activities;
    case "residents_reached":
      return totals.residentsReached;
  }
}

/** The day an ambassador's data is erased: `retentionMonths` after leaving; null while in the network. */
export const erasureDay = (a: { leftOn: string | null; retentionMonths: number }): string | null => (a.leftOn ? addMonths(a.leftOn, a.retentionMonths) : null);

/** Due for erasure on `today` (the erasure day has come). */
export const erasureDue = (a: { leftOn: string | null; retentionMonths: number }, today: string): boolean => {
  const day = erasureDay(a);
  return day !== null && day <= today;
};
