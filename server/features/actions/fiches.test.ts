import { describe, expect, it } from "vitest";
import { projectFiches, type FicheRow } from "./fiches.js";

const row: FicheRow = { id: "fa5", axisId: "ax1", objectiveId: null, number: 5, title: "Renoncement aux soins", status: "in_progress", mergedIntoId: null, specificObjective: "", startMonth: null, endMonth: null };
const bilan = { id: "m1", actionId: "fa5", title: "Bilan", plannedBy: "2021-09-30", originallyBy: "2021-09-30", doneOn: "2021-11-15" };

describe("the fiche read model on a day", () => {
  it("shows a fiche as it stood on a past day: a milestone done later is still open then, and overdue after its planned day", () => {
    const onTheDay = (day: string) => projectFiches([row], [bilan], day)[0]!;
    expect(onTheDay("2021-09-14")).toMatchObject({ shownStatus: "in_progress", milestones: [{ title: "Bilan", doneOn: null }] });
    expect(onTheDay("2021-10-01")).toMatchObject({ shownStatus: "late", shownStatusLabel: "En retard", milestones: [{ doneOn: null }] });
    expect(onTheDay("2021-11-15")).toMatchObject({ shownStatus: "in_progress", milestones: [{ doneOn: "2021-11-15" }] });
    expect(onTheDay("2026-12-03").milestones[0]!.doneOn).toBe("2021-11-15");
  });

  it("keeps a merged or finished fiche's declared status whatever its milestones", () => {
    expect(projectFiches([{ ...row, mergedIntoId: "fa7" }], [bilan], "2021-10-01")[0]!.shownStatusLabel).toBe("Fusionnée");
    expect(projectFiches([{ ...row, status: "done" }], [bilan], "2021-10-01")[0]!.shownStatusLabel).toBe("Réalisée");
  });
});
