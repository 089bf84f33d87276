import { describe, expect, it } from "vitest";
import { currentMonth, statusIssues } from "./status.js";

const today = "2021-09";

describe("status rules of a fiche", () => {
  it("accepts consistent statuses and dates", () => {
    expect(statusIssues({ status: "not_started", startMonth: "2022-01", endMonth: null }, today)).toEqual([]);
    expect(statusIssues({ status: "in_progress", startMonth: "2021-01", endMonth: "2023-12" }, today)).toEqual([]);
    expect(statusIssues({ status: "done", startMonth: "2020-01", endMonth: "2021-06" }, today)).toEqual([]);
    expect(statusIssues({ status: "abandoned", startMonth: null, endMonth: null }, today)).toEqual([]);
  });
  it("asks for the end month of a fiche marked done", () => {
    expect(statusIssues({ status: "done", startMonth: "2020-01", endMonth: null }, today)).toEqual([
      { path: "endMonth", message: "Indiquez le mois de fin d'une fiche réalisée." },
    ]);
  });
  it("refuses a fiche done in the future", () => {
    expect(statusIssues({ status: "done", startMonth: "2020-01", endMonth: "2021-10" }, today)[0]?.path).toBe("endMonth");
    expect(statusIssues({ status: "done", startMonth: "2020-01", endMonth: "2021-09" }, today)).toEqual([]);
  });
  it("refuses « En cours » for a fiche that starts later", () => {
    expect(statusIssues({ status: "in_progress", startMonth: "2021-10", endMonth: null }, today)).toEqual([
      { path: "status", message: "Une fiche qui commence dans le futur ne peut pas être « En cours »." },
    ]);
  });
  it("gives the current month in Paris time", () => {
    expect(currentMonth(new Date("2021-09-30T22:30:00Z"))).toBe("2021-10");
    expect(currentMonth(new Date("2021-09-30T12:00:00Z"))).toBe("2021-09");
  });
});
