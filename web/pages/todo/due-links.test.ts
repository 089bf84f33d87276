import { describe, expect, it } from "vitest";
import { dueLink, homeOf } from "./due-links";

describe("dueLink", () => {
  it("leads each item to its section of the fiche's « Suivi » page", () => {
    expect(dueLink("c1", "a1", { kind: "milestone_late", targetId: "m1" })).toEqual({ to: "/contrats/c1/fiches/a1/suivi#retroplanning", label: "Mettre à jour l'étape" });
    expect(dueLink("c1", "a1", { kind: "milestone_due", targetId: "m1" }).to).toBe("/contrats/c1/fiches/a1/suivi#retroplanning");
    expect(dueLink("c1", "a1", { kind: "progress", targetId: null })).toEqual({ to: "/contrats/c1/fiches/a1/suivi#avancement", label: "Ajouter un avancement" });
    expect(dueLink("c1", "a1", { kind: "indicator", targetId: "i9" })).toEqual({ to: "/contrats/c1/fiches/a1/suivi#indicateur-i9", label: "Saisir une mesure" });
  });
});

describe("homeOf", () => {
  it("sends to « Mes fiches » whoever pilots a fiche and coordinates nothing", () => {
    expect(homeOf({ coordinates: false, contracts: [{ fiches: [{}] }] })).toBe("/mes-fiches");
    expect(homeOf({ coordinates: true, contracts: [{ fiches: [{}] }] })).toBe("/");
    expect(homeOf({ coordinates: false, contracts: [] })).toBe("/");
    expect(homeOf({ coordinates: false, contracts: [{ fiches: [] }] })).toBe("/");
  });
});
