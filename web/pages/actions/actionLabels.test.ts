import { describe, expect, it } from "vitest";
import { actionErrorLabel } from "./actionLabels";

describe("the fiche form's error summary", () => {
  it("names a field by its visible label", () => {
    expect(actionErrorLabel("title")).toBe("Intitulé de l'action");
    expect(actionErrorLabel("endMonth")).toBe("Fin");
    expect(actionErrorLabel("lead.organisation")).toBe("Porteur de l'action");
    expect(actionErrorLabel("territory.communes")).toBe("Communes concernées");
    expect(actionErrorLabel("participation.degree")).toBe("Quel degré ?");
  });

  it("names the entry of a list after the field's label", () => {
    expect(actionErrorLabel("operationalObjectives.1")).toBe("Objectif opérationnel 2");
    expect(actionErrorLabel("determinants.2")).toBe("Déterminants visés");
    expect(actionErrorLabel("themes.0.theme")).toBe("Thème 1");
    expect(actionErrorLabel("themes.2.other")).toBe("Si autre, précisez (thème 3)");
    expect(actionErrorLabel("indicators.1.label")).toBe("Libellé (indicateur 2)");
    expect(actionErrorLabel("budgets.0.amount")).toBe("Montant (en euros) (ligne de budget 1)");
    expect(actionErrorLabel("partners.3.organisation")).toBe("Partenaire (partenaire 4)");
    expect(actionErrorLabel("partners.3")).toBe("Partenaire 4");
  });

  it("names a list by its part of the form, and falls back on the exchange format's names", () => {
    expect(actionErrorLabel("prsProjects.0")).toBe("Projets du Schéma régional de santé auxquels l'action contribue");
    expect(actionErrorLabel("budgets")).toBe("Budget");
    expect(actionErrorLabel("justification")).toBe("justification");
  });
});
