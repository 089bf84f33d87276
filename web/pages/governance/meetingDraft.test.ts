import { describe, expect, it } from "vitest";
import { decisionsBodyOf } from "./meetingDraft";

describe("decisionsBodyOf", () => {
  it("sends the decisions and their fiches entry for entry, an empty decision leaving with its fiches", () => {
    expect(
      decisionsBodyOf([
        { text: " Fusionner FA 5 et FA 6 ", actionIds: ["a5", "a6"] },
        { text: "  ", actionIds: ["a7"] },
        { text: "Prochain COPIL", actionIds: [] },
      ]),
    ).toEqual({ decisions: ["Fusionner FA 5 et FA 6", "Prochain COPIL"], decisionActionIds: [["a5", "a6"], []] });
  });
});
