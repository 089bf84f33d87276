import { describe, expect, it } from "vitest";
import { creationChanges, diffSnapshots, displayValue, snapshot, type Snapshot } from "./diff.js";

describe("displayValue", () => {
  it("shows nothing (null) for empty things", () => {
    expect(displayValue(null)).toBeNull();
    expect(displayValue(undefined)).toBeNull();
    expect(displayValue("")).toBeNull();
    expect(displayValue("   \n\t ")).toBeNull();
    expect(displayValue([])).toBeNull();
    expect(displayValue([null, "", "  ", undefined])).toBeNull();
  });

  it("shows booleans as Oui / Non", () => {
    expect(displayValue(true)).toBe("Oui");
    expect(displayValue(false)).toBe("Non");
  });

  it("shows numbers as text, zero included", () => {
    expect(displayValue(0)).toBe("0");
    expect(displayValue(16)).toBe("16");
    expect(displayValue(72.5)).toBe("72.5");
    expect(displayValue(-3)).toBe("-3");
  });

  it("trims text", () => {
    expect(displayValue("  Public cible  ")).toBe("Public cible");
    expect(displayValue("Ligne 1\nLigne 2")).toBe("Ligne 1\nLigne 2");
  });

  it("shows a list one item per line, without its empty items", () => {
    expect(displayValue(["Informer", "Dépister"])).toBe("Informer\nDépister");
    expect(displayValue([" a ", "", null, "b", true, 3])).toBe("a\nb\nOui\n3");
    expect(displayValue([["x", "y"], "z"])).toBe("x\ny\nz");
  });

  it("shows a date in ISO form and other objects as JSON", () => {
    expect(displayValue(new Date("2024-03-01T10:00:00.000Z"))).toBe("2024-03-01T10:00:00.000Z");
    expect(displayValue({ theme: "Vaccination", other: null })).toBe('{"theme":"Vaccination","other":null}');
  });
});

describe("snapshot", () => {
  it("keeps each field's label and readable value, by key", () => {
    expect(snapshot([["title", "Intitulé", "  Fiche  "], ["preExisting", "Action préexistante", false], ["place", "Lieu", ""]])).toEqual({
      title: { label: "Intitulé", value: "Fiche" },
      preExisting: { label: "Action préexistante", value: "Non" },
      place: { label: "Lieu", value: null },
    });
  });
});

describe("diffSnapshots", () => {
  const before: Snapshot = snapshot([
    ["title", "Intitulé", "Journée de la Santé"],
    ["targetPublic", "Public cible", ""],
    ["place", "Lieu", "Melun"],
    ["themes", "Thèmes", ["Vaccination"]],
  ]);

  it("finds nothing between equal snapshots", () => {
    expect(diffSnapshots(before, before)).toEqual([]);
    expect(diffSnapshots(before, structuredClone(before))).toEqual([]);
    expect(diffSnapshots({}, {})).toEqual([]);
  });

  it("lists the fields whose text differs, with label, before and after", () => {
    const after = snapshot([
      ["title", "Intitulé", "Journée de la Santé"],
      ["targetPublic", "Public cible", "Tout public"],
      ["place", "Lieu", "Dammarie-les-Lys"],
      ["themes", "Thèmes", ["Vaccination"]],
    ]);
    expect(diffSnapshots(before, after)).toEqual([
      { field: "targetPublic", label: "Public cible", before: null, after: "Tout public" },
      { field: "place", label: "Lieu", before: "Melun", after: "Dammarie-les-Lys" },
    ]);
  });

  it("sees no change between an empty text and nothing, nor in surrounding spaces", () => {
    const after = snapshot([
      ["title", "Intitulé", "  Journée de la Santé "],
      ["targetPublic", "Public cible", null],
      ["place", "Lieu", "Melun"],
      ["themes", "Thèmes", ["Vaccination", ""]],
    ]);
    expect(diffSnapshots(before, after)).toEqual([]);
  });

  it("records a value emptied as a change to null", () => {
    const after = { ...before, place: { label: "Lieu", value: null } };
    expect(diffSnapshots(before, after)).toEqual([{ field: "place", label: "Lieu", before: "Melun", after: null }]);
  });

  it("follows the order of the after snapshot, then the fields only before (with their label)", () => {
    const after = snapshot([
      ["place", "Lieu", "Ailleurs"],
      ["title", "Intitulé", "Nouveau titre"],
      ["status", "Statut", "En cours"],
    ]);
    expect(diffSnapshots(before, after)).toEqual([
      { field: "place", label: "Lieu", before: "Melun", after: "Ailleurs" },
      { field: "title", label: "Intitulé", before: "Journée de la Santé", after: "Nouveau titre" },
      { field: "status", label: "Statut", before: null, after: "En cours" },
      { field: "themes", label: "Thèmes", before: "Vaccination", after: null },
    ]);
  });

  it("takes the label of the after snapshot when both have the field", () => {
    const after = { ...before, place: { label: "Lieu de l'action", value: "Le Mée-sur-Seine" } };
    expect(diffSnapshots(before, after)).toEqual([{ field: "place", label: "Lieu de l'action", before: "Melun", after: "Le Mée-sur-Seine" }]);
  });

  it("compares lists by their text, so an order change is a change", () => {
    const a = snapshot([["operationalObjectives", "Objectifs opérationnels", ["Informer", "Dépister"]]]);
    const b = snapshot([["operationalObjectives", "Objectifs opérationnels", ["Dépister", "Informer"]]]);
    expect(diffSnapshots(a, b)).toEqual([{ field: "operationalObjectives", label: "Objectifs opérationnels", before: "Informer\nDépister", after: "Dépister\nInformer" }]);
  });
});

describe("creationChanges", () => {
  it("lists the fields that have a value, from nothing, in order", () => {
    const created = snapshot([
      ["number", "Numéro", 16],
      ["title", "Intitulé", "Nouvelle fiche"],
      ["place", "Lieu", ""],
      ["preExisting", "Action préexistante", false],
      ["objective", "Objectif", null],
      ["themes", "Thèmes", []],
    ]);
    expect(creationChanges(created)).toEqual([
      { field: "number", label: "Numéro", before: null, after: "16" },
      { field: "title", label: "Intitulé", before: null, after: "Nouvelle fiche" },
      { field: "preExisting", label: "Action préexistante", before: null, after: "Non" },
    ]);
  });

  it("lists nothing for an object without any value", () => {
    expect(creationChanges(snapshot([["place", "Lieu", "  "]]))).toEqual([]);
    expect(creationChanges({})).toEqual([]);
  });
});
