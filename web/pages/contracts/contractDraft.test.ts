import { describe, expect, it } from "vitest";
import { contractErrorLabel } from "./contractDraft";

describe("the contract form's error summary", () => {
  it("names a field by its visible label, and an entry's field with its entry", () => {
    expect(contractErrorLabel("name")).toBe("Nom du contrat");
    expect(contractErrorLabel("endDate")).toBe("Fin");
    expect(contractErrorLabel("keyDates.1.on")).toBe("Date (date clé 2)");
    expect(contractErrorLabel("priorityAreas.0.communeInseeCode")).toBe("Commune (quartier 1)");
    expect(contractErrorLabel("signatories.2.organisation")).toBe("Organisation (signataire 3)");
    expect(contractErrorLabel("communes.4.inseeCode")).toBe("Communes du contrat (commune 5)");
    expect(contractErrorLabel("communes")).toBe("Communes du contrat");
  });
});
