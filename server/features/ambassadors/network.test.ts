/** The network's counts over a period, pure: who was active and trained, what was done, and when data is erased. */
import { describe, expect, it } from "vitest";
import { activeDuring, erasureDay, erasureDue, inPeriod, measureValue, networkCounts, peopleTrained } from "./network.js";
import { erasureWords, retentionWords } from "./register.js";
import { measurementSource } from "./service.js";

const A = "area-a";
const B = "area-b";
const areas = [
  { id: A, name: "La Renardière" },
  { id: B, name: "Les Deux Parcs" },
];
const people = [
  { id: "p1", priorityAreaId: A, joinedOn: "2021-10-01", leftOn: null },
  { id: "p2", priorityAreaId: A, joinedOn: "2021-10-01", leftOn: "2022-03-31" },
  { id: "p3", priorityAreaId: B, joinedOn: "2022-09-01", leftOn: null },
  { id: "p4", priorityAreaId: A, joinedOn: "2023-06-01", leftOn: null },
];

describe("periods", () => {
  it("includes both ends, and has no start when from is null", () => {
    expect(inPeriod("2022-01-01", { from: "2022-01-01", to: "2022-12-31" })).toBe(true);
    expect(inPeriod("2022-12-31", { from: "2022-01-01", to: "2022-12-31" })).toBe(true);
    expect(inPeriod("2021-12-31", { from: "2022-01-01", to: "2022-12-31" })).toBe(false);
    expect(inPeriod("2023-01-01", { from: "2022-01-01", to: "2022-12-31" })).toBe(false);
    expect(inPeriod("1990-01-01", { from: null, to: "2022-12-31" })).toBe(true);
  });

  it("counts as active whoever was in the network at some point of the period; without a start, on its last day", () => {
    const year = { from: "2022-01-01", to: "2022-12-31" };
    expect(people.filter((p) => activeDuring(p, year)).map((p) => p.id)).toEqual(["p1", "p2", "p3"]);
    expect(people.filter((p) => activeDuring(p, { from: null, to: "2022-12-31" })).map((p) => p.id)).toEqual(["p1", "p3"]);
    expect(people.filter((p) => activeDuring(p, { from: "2022-04-01", to: "2022-08-31" })).map((p) => p.id)).toEqual(["p1"]);
    // Left on the first day of the period: still active that day.
    expect(activeDuring(people[1]!, { from: "2022-03-31", to: "2022-04-30" })).toBe(true);
  });
});

describe("people trained", () => {
  it("counts each named person once, and the people erased since at least once", () => {
    expect(peopleTrained([])).toBe(0);
    expect(peopleTrained([{ heldOn: "2022-01-10", attendeeIds: ["p1", "p2"], attendeeCount: 2 }, { heldOn: "2022-02-10", attendeeIds: ["p2", "p3"], attendeeCount: 2 }])).toBe(3);
    // One person erased: gone from both lists, still counted once.
    expect(peopleTrained([{ heldOn: "2022-01-10", attendeeIds: ["p1"], attendeeCount: 2 }, { heldOn: "2022-02-10", attendeeIds: ["p3"], attendeeCount: 2 }])).toBe(3);
    // Two people erased from one training.
    expect(peopleTrained([{ heldOn: "2022-01-10", attendeeIds: ["p1"], attendeeCount: 3 }])).toBe(3);
  });
});

describe("the network's counts", () => {
  const trainings = [
    { heldOn: "2021-11-15", attendeeIds: ["p1", "p2"], attendeeCount: 2 },
    { heldOn: "2022-10-05", attendeeIds: ["p1", "p3"], attendeeCount: 3 },
  ];
  const activities = [
    { heldOn: "2022-05-14", priorityAreaId: A, residentsReached: 40 },
    { heldOn: "2022-06-20", priorityAreaId: A, residentsReached: 12 },
    { heldOn: "2022-11-02", priorityAreaId: B, residentsReached: 25 },
    { heldOn: "2022-12-10", priorityAreaId: null, residentsReached: 150 },
    { heldOn: "2023-03-08", priorityAreaId: A, residentsReached: 30 },
  ];

  it("gives per area and in total the ambassadors active and trained, trainings, activities and residents reached in the period", () => {
    const counts = networkCounts({ areas, ambassadors: people, trainings, activities, period: { from: "2022-01-01", to: "2022-12-31" } });
    expect(counts.areas).toEqual([
      { id: A, name: "La Renardière", activeAmbassadors: 2, trainedAmbassadors: 1, activities: 2, residentsReached: 52 },
      { id: B, name: "Les Deux Parcs", activeAmbassadors: 1, trainedAmbassadors: 1, activities: 1, residentsReached: 25 },
    ]);
    expect(counts.elsewhere).toEqual({ activities: 1, residentsReached: 150 });
    expect(counts.totals).toEqual({ activeAmbassadors: 3, trainedAmbassadors: 3, trainings: 1, trainingAttendances: 3, activities: 4, residentsReached: 227 });
  });

  it("counts everything until the end when the period has no start", () => {
    const counts = networkCounts({ areas, ambassadors: people, trainings, activities, period: { from: null, to: "2023-12-31" } });
    expect(counts.totals).toEqual({ activeAmbassadors: 3, trainedAmbassadors: 4, trainings: 2, trainingAttendances: 5, activities: 5, residentsReached: 257 });
  });

  it("records as a measure the total it names", () => {
    const { totals } = networkCounts({ areas, ambassadors: people, trainings, activities, period: { from: "2022-01-01", to: "2022-12-31" } });
    expect(measureValue("active_ambassadors", totals)).toBe(3);
    expect(measureValue("trainings", totals)).toBe(1);
    expect(measureValue("people_trained", totals)).toBe(3);
    expect(measureValue("activities", totals)).toBe(4);
    expect(measureValue("residents_reached", totals)).toBe(227);
    expect(measurementSource("2022-01-01", "2022-12-31")).toBe("Ambassadeurs santé — calcul Clés du 01/01/2022 au 31/12/2022");
  });
});

describe("retention", () => {
  it("erases the data retentionMonths after leaving, on that day, and never while in the network", () => {
    expect(erasureDay({ leftOn: null, retentionMonths: 12 })).toBeNull();
    expect(erasureDay({ leftOn: "2022-03-31", retentionMonths: 12 })).toBe("2023-03-31");
    expect(erasureDay({ leftOn: "2023-01-31", retentionMonths: 1 })).toBe("2023-02-28");
    expect(erasureDue({ leftOn: "2022-03-31", retentionMonths: 12 }, "2023-03-30")).toBe(false);
    expect(erasureDue({ leftOn: "2022-03-31", retentionMonths: 12 }, "2023-03-31")).toBe(true);
    expect(erasureDue({ leftOn: null, retentionMonths: 1 }, "2099-01-01")).toBe(false);
  });

  it("says the retention in words for the register", () => {
    expect(retentionWords([])).toBe("Pendant la participation au réseau, puis 12 mois après le départ du réseau, puis effacement automatique.");
    expect(retentionWords([6, 6])).toBe("Pendant la participation au réseau, puis 6 mois après le départ du réseau, puis effacement automatique.");
    expect(retentionWords([6, 24, 12])).toBe("Pendant la participation au réseau, puis de 6 à 24 mois selon la personne après le départ du réseau, puis effacement automatique.");
    expect(erasureWords([])).toBe("12 mois après le départ du réseau ; personne n'a quitté le réseau");
    expect(erasureWords([{ leftOn: null, retentionMonths: 12 }, { leftOn: "2023-06-30", retentionMonths: 6 }, { leftOn: "2023-01-15", retentionMonths: 12 }])).toBe(
      "6 à 12 mois après le départ du réseau ; prochain effacement le 30 décembre 2023",
    );
  });
});
