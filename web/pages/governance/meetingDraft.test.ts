import { describe, expect, it } from "vitest";
import { decisionsBodyOf, errorLabel } from "./meetingDraft";

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

describe("the meeting form's error summary", () => {
  it("names a field by its visible label, and an entry's field with its entry", () => {
    expect(errorLabel("title")).toBe("Titre");
    expect(errorLabel("startsAt")).toBe("Début");
    expect(errorLabel("minutes")).toBe("Compte rendu de la réunion");
    expect(errorLabel("agenda")).toBe("Ordre du jour");
    expect(errorLabel("agenda.1.title")).toBe("Intitulé du point 2");
    expect(errorLabel("agenda.0.durationMinutes")).toBe("Durée en minutes (point 1)");
    expect(errorLabel("decisions.2")).toBe("Décision 3");
    expect(errorLabel("decisionActionIds.0")).toBe("Fiches concernées (décision 1)");
    expect(errorLabel("participants.3.email")).toBe("E-mail (participant 4)");
    expect(errorLabel("participants")).toBe("Participants");
  });
});
