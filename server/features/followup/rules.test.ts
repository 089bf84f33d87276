import { describe, expect, it } from "vitest";
import { adjustmentAsOf, adjustmentIssues, isStale, progressTowardsTarget, quarterOf, scheduleLabel } from "./rules.js";
import { shownStatus } from "../../domain/shown-status.js";

describe("the status shown", () => {
  const overdue = { plannedBy: "2021-06-30", doneOn: null };
  const done = { plannedBy: "2021-06-30", doneOn: "2021-06-20" };
  const later = { plannedBy: "2022-03-31", doneOn: null };

  it("is late when a milestone of a fiche under way is overdue", () => {
    expect(shownStatus("in_progress", [done, later], "2021-09-14")).toBe("in_progress");
    expect(shownStatus("in_progress", [overdue, later], "2021-09-14")).toBe("late");
    expect(shownStatus("not_started", [overdue], "2021-09-14")).toBe("late");
    // Due today is not overdue yet.
    expect(shownStatus("in_progress", [overdue], "2021-06-30")).toBe("in_progress");
  });

  it("keeps done, abandoned and merged as declared", () => {
    for (const declared of ["done", "abandoned", "merged"] as const) expect(shownStatus(declared, [overdue], "2021-09-14")).toBe(declared);
  });
});

describe("milestone schedules", () => {
  it("reads in quarters, keeping the original plan visible once moved", () => {
    expect(quarterOf("2021-07-01")).toBe("T3 2021");
    expect(quarterOf("2021-12-31")).toBe("T4 2021");
    expect(scheduleLabel({ originallyBy: "2021-06-30", plannedBy: "2021-05-15", doneOn: null })).toBe("prévu T2 2021");
    expect(scheduleLabel({ originallyBy: "2021-06-30", plannedBy: "2022-03-31", doneOn: null })).toBe("prévu T2 2021, reporté T1 2022");
    expect(scheduleLabel({ originallyBy: "2021-06-30", plannedBy: "2022-03-31", doneOn: "2022-02-03" })).toBe("prévu T2 2021, reporté T1 2022, réalisé le 03/02/2022");
  });
});

describe("indicators", () => {
  it("are flagged when never measured or not for 12 months", () => {
    expect(isStale(null, "2021-09-14")).toBe(true);
    expect(isStale("2020-09-15", "2021-09-14")).toBe(false);
    expect(isStale("2020-09-14", "2021-09-14")).toBe(true);
    expect(isStale("2020-11-30", "2021-11-29")).toBe(false);
  });

  it("say how far they went from baseline to target, either way", () => {
    expect(progressTowardsTarget(60, 40, 80)).toBe(0.5);
    expect(progressTowardsTarget(15, 20, 10)).toBe(0.5);
    expect(progressTowardsTarget(12, null, 10)).toBe(1.2);
    expect(progressTowardsTarget(null, 0, 10)).toBeNull();
    expect(progressTowardsTarget(5, 10, 10)).toBeNull();
    expect(progressTowardsTarget(5, 0, null)).toBeNull();
  });
});

describe("what an adjustment must say", () => {
  const base = { kind: "reschedule" as const, status: "proposed" as const, targetActionId: null, agreedOn: null, doneOn: null };
  const paths = (facts: Parameters<typeof adjustmentIssues>[0]) => adjustmentIssues(facts, "fa7", "2021-09-14").map((i) => i.path);

  it("accepts a proposal with nothing else", () => {
    expect(paths(base)).toEqual([]);
  });

  it("asks a merge for another fiche, and only a merge", () => {
    expect(paths({ ...base, kind: "merge" })).toEqual(["targetActionId"]);
    expect(paths({ ...base, kind: "merge", targetActionId: "fa7" })).toEqual(["targetActionId"]);
    expect(paths({ ...base, kind: "merge", targetActionId: "fa11" })).toEqual([]);
    expect(paths({ ...base, targetActionId: "fa11" })).toEqual(["targetActionId"]);
  });

  it("asks the day it was agreed and done, never in the future, done after agreed", () => {
    expect(paths({ ...base, status: "agreed" })).toEqual(["agreedOn"]);
    expect(paths({ ...base, status: "done", agreedOn: "2021-09-14" })).toEqual(["doneOn"]);
    expect(paths({ ...base, status: "agreed", agreedOn: "2021-09-15" })).toEqual(["agreedOn"]);
    expect(paths({ ...base, status: "done", agreedOn: "2021-09-14", doneOn: "2021-09-01" })).toEqual(["doneOn"]);
    expect(paths({ ...base, status: "done", agreedOn: "2021-09-01", doneOn: "2021-09-14" })).toEqual([]);
  });
});

describe("an adjustment as of a day", () => {
  const base = { id: "a", kind: "merge" as const, agreedOn: "2021-09-14", doneOn: "2021-12-07" };
  it("reads as it stood then: carried out later is agreed, agreed later is proposed", () => {
    expect(adjustmentAsOf({ ...base, status: "done" as const }, "2022-01-01")).toMatchObject({ status: "done", doneOn: "2021-12-07" });
    expect(adjustmentAsOf({ ...base, status: "done" as const }, "2021-10-01")).toMatchObject({ status: "agreed", agreedOn: "2021-09-14", doneOn: null });
    expect(adjustmentAsOf({ ...base, status: "done" as const }, "2021-09-13")).toMatchObject({ status: "proposed", agreedOn: null, doneOn: null });
    expect(adjustmentAsOf({ ...base, status: "agreed" as const, doneOn: null }, "2021-09-13")).toMatchObject({ status: "proposed", agreedOn: null });
    expect(adjustmentAsOf({ ...base, status: "agreed" as const, doneOn: null }, "2021-09-14")).toMatchObject({ status: "agreed" });
    expect(adjustmentAsOf({ ...base, status: "proposed" as const, agreedOn: null, doneOn: null }, "2000-01-01")).toMatchObject({ status: "proposed" });
  });
});
