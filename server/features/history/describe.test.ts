import { describe, expect, it } from "vitest";
import { describeEntry, fieldList, frenchDateTime } from "./describe.js";

const change = (label: string) => ({ field: label, label, before: "a", after: "b" });
const base = { actorName: "Marie Dupont", at: new Date("2021-09-14T08:12:00Z"), objectLabel: "FA 6 « Journée de la Santé »" };

describe("history sentences", () => {
  it("writes dates in Paris time, summer and winter", () => {
    expect(frenchDateTime(new Date("2021-09-14T08:12:00Z"))).toBe("14/09/2021 à 10:12");
    expect(frenchDateTime(new Date("2021-12-07T17:05:00Z"))).toBe("07/12/2021 à 18:05");
  });

  it("names one, two, or the first two fields and how many others", () => {
    expect(fieldList([change("Public cible")])).toBe("Public cible");
    expect(fieldList([change("Public cible"), change("Lieu")])).toBe("Public cible et Lieu");
    expect(fieldList([change("A"), change("B"), change("C")])).toBe("A, B et 1 autre champ");
    expect(fieldList([change("A"), change("B"), change("C"), change("D")])).toBe("A, B et 2 autres champs");
  });

  it("says who changed which field of the fiche and when", () => {
    expect(describeEntry({ ...base, operation: "update", objectType: "action", changes: [change("Public cible")] }, true)).toBe(
      "Marie Dupont a modifié Public cible le 14/09/2021 à 10:12",
    );
    expect(describeEntry({ ...base, operation: "update", objectType: "action", changes: [change("Public cible")] })).toBe(
      "Marie Dupont a modifié Public cible de la fiche FA 6 « Journée de la Santé » le 14/09/2021 à 10:12",
    );
  });

  it("contracts the article: « du contrat »", () => {
    expect(describeEntry({ ...base, objectLabel: "CLS de Melun", operation: "update", objectType: "contract", changes: [change("Page publique")] })).toBe(
      "Marie Dupont a modifié Page publique du contrat CLS de Melun le 14/09/2021 à 10:12",
    );
  });

  it("says creations, archiving, and member changes", () => {
    expect(describeEntry({ ...base, operation: "create", objectType: "action", changes: [] })).toBe("Marie Dupont a créé la fiche FA 6 « Journée de la Santé » le 14/09/2021 à 10:12");
    expect(describeEntry({ ...base, operation: "archive", objectType: "action", changes: [] })).toContain("a archivé la fiche");
    expect(describeEntry({ ...base, objectLabel: "Nadia Roux", operation: "create", objectType: "member", changes: [] })).toBe(
      "Marie Dupont a ajouté comme membre Nadia Roux le 14/09/2021 à 10:12",
    );
    expect(describeEntry({ ...base, objectLabel: "x@exemple.fr", operation: "create", objectType: "invitation", changes: [] })).toBe(
      "Marie Dupont a invité x@exemple.fr le 14/09/2021 à 10:12",
    );
  });
});
