import { describe, expect, it } from "vitest";
import { activeSection, CONTRACT_SECTIONS, sectionPath, visibleSections } from "./contractSections";

describe("the sections of a contract's menu", () => {
  it("finds the section of any page of the contract", () => {
    expect(activeSection("c1", "/contrats/c1")).toBe("");
    expect(activeSection("c1", "/contrats/c1/")).toBe("");
    expect(activeSection("c1", "/contrats/c1/tableau-de-bord")).toBe("tableau-de-bord");
    expect(activeSection("c1", "/contrats/c1/fiches/f2/suivi")).toBe("fiches");
    expect(activeSection("c1", "/contrats/c1/reunions/m3/modifier")).toBe("reunions");
    expect(activeSection("c1", "/contrats/c1/evaluation/questionnaire")).toBe("evaluation");
    expect(activeSection("c1", "/contrats/c1/modifier")).toBe("");
    expect(activeSection("c1", "/contrats/c1/annuaire")).toBe("");
    expect(activeSection("c1", "/contrats/c1/diaporama")).toBe("tableau-cotech");
    expect(activeSection("c1", "/contrats/c1/registre-des-traitements")).toBe("ateliers");
  });

  it("finds none outside the contract or on an unknown page", () => {
    expect(activeSection("c1", "/contrats/c10/fiches")).toBeNull();
    expect(activeSection("c1", "/contrats/c2")).toBeNull();
    expect(activeSection("c1", "/")).toBeNull();
    expect(activeSection("c1", "/contrats/c1/inconnue")).toBeNull();
  });

  it("shows members and history only to those who may open them", () => {
    const labels = (p: Parameters<typeof visibleSections>[0]) => visibleSections(p).map((s) => s.label);
    expect(labels({})).not.toContain("Membres");
    expect(labels({})).not.toContain("Historique");
    expect(labels({ manageMembers: true, readHistory: false })).toContain("Membres");
    expect(labels({ manageMembers: true, readHistory: false })).not.toContain("Historique");
    expect(labels({ manageMembers: true, readHistory: true })).toHaveLength(CONTRACT_SECTIONS.length);
    expect(labels({})).toContain("Réunions");
  });

  it("writes each section's address", () => {
    expect(sectionPath("c1", CONTRACT_SECTIONS[0]!)).toBe("/contrats/c1");
    expect(sectionPath("c1", CONTRACT_SECTIONS.find((s) => s.path === "reunions")!)).toBe("/contrats/c1/reunions");
  });
});
