import { describe, expect, it } from "vitest";
import { dueCounts, dueItems, type DueFacts } from "./due.js";

const TODAY = "2026-12-03";
const quiet: DueFacts = { active: true, milestones: [], progressDays: ["2026-10-01"], indicators: [] };
const kinds = (facts: Partial<DueFacts>, today = TODAY) => dueItems({ ...quiet, ...facts }, today).map((i) => [i.kind, i.targetId]);

describe("dueItems", () => {
  it("owes nothing when every milestone is done or far, progress was entered this quarter and indicators were measured within 12 months", () => {
    expect(
      dueItems(
        {
          active: true,
          milestones: [
            { id: "m1", title: "Fait", plannedBy: "2026-01-31", doneOn: "2026-02-02" },
            { id: "m2", title: "Loin", plannedBy: "2027-01-03", doneOn: null },
          ],
          progressDays: ["2026-11-30"],
          indicators: [{ id: "i1", label: "Participants", lastMeasuredOn: "2025-12-04" }],
        },
        TODAY,
      ),
    ).toEqual([]);
  });

  it("flags a milestone late the day after its planned day, and due up to 30 days ahead (included)", () => {
    const milestones = [
      { id: "today", title: "Aujourd'hui", plannedBy: "2026-12-03", doneOn: null },
      { id: "yesterday", title: "Hier", plannedBy: "2026-12-02", doneOn: null },
      { id: "in30", title: "Dans 30 jours", plannedBy: "2027-01-02", doneOn: null },
      { id: "in31", title: "Dans 31 jours", plannedBy: "2027-01-03", doneOn: null },
    ];
    expect(kinds({ milestones })).toEqual([
      ["milestone_late", "yesterday"],
      ["milestone_due", "today"],
      ["milestone_due", "in30"],
    ]);
  });

  it("puts late milestones first, the oldest first, with their day written in French", () => {
    const items = dueItems(
      {
        ...quiet,
        progressDays: [],
        milestones: [
          { id: "soon", title: "Bientôt", plannedBy: "2026-12-20", doneOn: null },
          { id: "late2", title: "Bilan", plannedBy: "2026-06-01", doneOn: null },
          { id: "late1", title: "Lancement", plannedBy: "2023-03-31", doneOn: null },
        ],
      },
      TODAY,
    );
    expect(items.map((i) => i.targetId)).toEqual(["late1", "late2", "soon", null]);
    expect(items[0]).toEqual({ kind: "milestone_late", targetId: "late1", day: "2023-03-31", late: true, message: "Étape en retard : « Lancement », prévue le 31 mars 2023" });
    expect(items[1]!.message).toBe("Étape en retard : « Bilan », prévue le 1er juin 2026");
    expect(items[2]).toMatchObject({ late: false, message: "Étape à réaliser d'ici le 20 décembre 2026 : « Bientôt »" });
  });

  it("asks for a progress entry when none falls in today's quarter (its first to its last day)", () => {
    expect(kinds({ progressDays: ["2026-09-30"] })).toEqual([["progress", null]]);
    expect(kinds({ progressDays: ["2026-10-01"] })).toEqual([]);
    expect(kinds({ progressDays: ["2027-01-01"] })).toEqual([["progress", null]]);
    expect(dueItems({ ...quiet, progressDays: [] }, TODAY)[0]).toEqual({
      kind: "progress",
      targetId: null,
      day: "2026-12-31",
      late: false,
      message: "Aucun avancement saisi au 4e trimestre 2026 (avant le 31 décembre 2026)",
    });
    expect(dueItems({ ...quiet, progressDays: [] }, "2027-01-01")[0]!.message).toBe("Aucun avancement saisi au 1er trimestre 2027 (avant le 31 mars 2027)");
  });

  it("flags indicators never measured or not for 12 months", () => {
    const indicators = [
      { id: "fresh", label: "Frais", lastMeasuredOn: "2025-12-04" },
      { id: "old", label: "Ancien", lastMeasuredOn: "2025-12-03" },
      { id: "never", label: "Jamais", lastMeasuredOn: null },
    ];
    const items = dueItems({ ...quiet, indicators }, TODAY);
    expect(items.map((i) => [i.kind, i.targetId])).toEqual([
      ["indicator", "old"],
      ["indicator", "never"],
    ]);
    expect(items.map((i) => i.message)).toEqual(["Indicateur non mesuré depuis plus de 12 mois : « Ancien » (dernière mesure le 3 décembre 2025)", "Indicateur jamais mesuré : « Jamais »"]);
  });

  it("owes nothing on a fiche finished, abandoned or merged", () => {
    expect(dueItems({ active: false, milestones: [{ id: "m", title: "x", plannedBy: "2020-01-01", doneOn: null }], progressDays: [], indicators: [{ id: "i", label: "y", lastMeasuredOn: null }] }, TODAY)).toEqual([]);
  });

  it("counts items by kind", () => {
    const items = dueItems({ active: true, milestones: [{ id: "m", title: "x", plannedBy: "2020-01-01", doneOn: null }], progressDays: [], indicators: [{ id: "i", label: "y", lastMeasuredOn: null }] }, TODAY);
    expect(dueCounts(items)).toEqual({ milestone_late: 1, milestone_due: 0, progress: 1, indicator: 1 });
  });
});
